package io.splice.sample;

/** The rows of one sample table, ids 1..count, each computed on demand from its id. */
interface TableRows {

    String table();

    int count();

    SampleRow row(long id);

    DefectPlan defects();

    /** Rows per JDBC batch; a table of large values sends fewer at a time. */
    default int batchSize() {
        return BatchInserter.BATCH_SIZE;
    }
}

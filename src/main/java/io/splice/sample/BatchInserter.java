package io.splice.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Inserts one table's generated rows in JDBC batches, all in one transaction. */
final class BatchInserter {

    /** Rows per batch unless the table asks for fewer. */
    static final int BATCH_SIZE = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(BatchInserter.class);

    private final DataSource dataSource;

    BatchInserter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void insert(TableRows rows) throws SQLException {
        String sql = SqlResource.statement("sample/insert-" + rows.table() + ".sql");
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insertAll(rows, insert);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        LOG.debug("Inserted {} rows into {}", rows.count(), rows.table());
    }

    private static void insertAll(TableRows rows, PreparedStatement insert) throws SQLException {
        int pending = 0;
        for (long id = 1; id <= rows.count(); id++) {
            rows.row(id).bind(insert);
            insert.addBatch();
            if (++pending == rows.batchSize()) {
                insert.executeBatch();
                pending = 0;
            }
        }
        if (pending > 0) {
            insert.executeBatch();
        }
    }
}

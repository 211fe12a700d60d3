package io.splice.sample;

import static io.splice.sample.DefectKind.MISSING_FILENAME;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates {@code documents}: two files per project, named after its code ({@code PRJ-0003-survey-1.pdf});
 * ids run through the projects once for each file number, as the other tables interleave.
 */
final class DocumentRows implements TableRows {

    static final int PER_PROJECT = 2;
    /** Up to 256 KiB a row: a batch of 8 keeps a driver that buffers the streams within a few MiB. */
    static final int BATCH_SIZE = 8;

    private static final Map<String, List<String>> TOPICS = Map.of(
            DocumentContent.PDF, List.of("survey", "permit", "drawing", "contract"),
            DocumentContent.JPEG, List.of("photo", "survey", "site", "cabinet"));
    private static final Map<String, String> EXTENSIONS = Map.of(DocumentContent.PDF, "pdf", DocumentContent.JPEG, "jpg");

    private final ProjectRows projects;
    private final SampleDocuments documents;
    private final RowRandom rows;
    private final DefectPlan defects;

    DocumentRows(long seed, ProjectRows projects) {
        this.projects = projects;
        this.documents = new SampleDocuments(seed, count(projects.count()));
        this.rows = new RowRandom(seed, SampleTables.DOCUMENTS);
        this.defects = DefectPlan.pick(seed, SampleTables.DOCUMENTS, documents.count());
    }

    static int count(int projects) {
        return Math.multiplyExact(projects, PER_PROJECT);
    }

    SampleDocuments documents() {
        return documents;
    }

    @Override
    public String table() {
        return SampleTables.DOCUMENTS;
    }

    @Override
    public int count() {
        return documents.count();
    }

    @Override
    public int batchSize() {
        return BATCH_SIZE;
    }

    @Override
    public DefectPlan defects() {
        return defects;
    }

    @Override
    public DocumentRow row(long id) {
        SplittableRandom random = rows.forRow(id);
        long projectId = (id - 1) % projects.count() + 1;
        long number = (id - 1) / projects.count() + 1;
        DocumentContent content = documents.describe(id);
        String topic = RowRandom.pick(TOPICS.get(content.contentType()), random);
        String filename = String.format(Locale.ROOT, "%s-%s-%d.%s", ProjectRows.code(projectId), topic, number,
                EXTENSIONS.get(content.contentType()));
        if (defects.is(id, MISSING_FILENAME)) {
            filename = null;
        }
        return new DocumentRow(id, projectId, filename, content, ProjectRows.customer(projectId));
    }
}

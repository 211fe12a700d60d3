package io.splice.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The content of the sample {@code documents}, recomputed from the seed without a database: what a target
 * that received them should hold. Content depends on the seed and the document id only.
 */
public final class SampleDocuments {

    private final RowRandom contents;
    private final int count;

    SampleDocuments(long seed, int count) {
        this.contents = new RowRandom(seed, "document-content");
        this.count = count;
    }

    /** Number of documents; their ids are 1..count. */
    public int count() {
        return count;
    }

    /** {@code application/pdf} or {@code image/jpeg}. */
    public String contentType(long id) {
        return describe(id).contentType();
    }

    /** Size in bytes, 1 KiB to 256 KiB. */
    public int size(long id) {
        return describe(id).size();
    }

    /** The document's bytes as a new stream; the caller closes it. */
    public InputStream content(long id) {
        return describe(id).open();
    }

    /** The size and SHA-256 a target holding document {@code id} intact has. */
    public DocumentDigest digest(long id) {
        try (InputStream content = content(id)) {
            return DocumentDigest.of(id, content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot digest document " + id, e);
        }
    }

    DocumentContent describe(long id) {
        if (id < 1 || id > count) {
            throw new IllegalArgumentException("No sample document " + id + ": ids are 1.." + count);
        }
        return DocumentContent.draw(contents.forRow(id));
    }
}

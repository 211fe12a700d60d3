package io.splice.sandbox;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and size of an upload, fed chunk by chunk; past the size limit it only counts. */
final class DocumentDigest implements RequestBody.ChunkSink {

    private final MessageDigest sha256;
    private final long maxBytes;
    private long size;

    DocumentDigest(long maxBytes) {
        this.maxBytes = maxBytes;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    @Override
    public void accept(byte[] chunk, int offset, int length) {
        size += length;
        if (size <= maxBytes) {
            sha256.update(chunk, offset, length);
        }
    }

    long size() {
        return size;
    }

    boolean tooLarge() {
        return size > maxBytes;
    }

    /** Lower-case hex; call once, after the whole body was fed. */
    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}

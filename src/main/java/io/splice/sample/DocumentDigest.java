package io.splice.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** A document's size in bytes and SHA-256 (lowercase hex): enough to tell whether a target received it intact. */
public record DocumentDigest(long id, long size, String sha256) {

    public DocumentDigest {
        Objects.requireNonNull(sha256, "sha256");
    }

    /** The digest of bytes a target holds for document {@code id}, to compare with {@link SampleDocuments#digest}. */
    public static DocumentDigest of(long id, byte[] content) {
        MessageDigest sha256 = newSha256();
        sha256.update(content);
        return new DocumentDigest(id, content.length, HexFormat.of().formatHex(sha256.digest()));
    }

    /** Reads {@code content} to its end; does not close it. */
    public static DocumentDigest of(long id, InputStream content) {
        MessageDigest sha256 = newSha256();
        byte[] buffer = new byte[8192];
        long size = 0;
        try {
            for (int read = content.read(buffer); read != -1; read = content.read(buffer)) {
                sha256.update(buffer, 0, read);
                size += read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read document " + id, e);
        }
        return new DocumentDigest(id, size, HexFormat.of().formatHex(sha256.digest()));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}

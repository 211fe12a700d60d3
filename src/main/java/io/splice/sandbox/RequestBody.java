package io.splice.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A request's body, read once: either whole as text (JSON endpoints) or streamed in chunks that are not kept
 * (uploads), so a binary body never sits in memory or in the request log. Used by one handler thread only.
 */
final class RequestBody {

    private static final int CHUNK_BYTES = 64 * 1024;

    /** Receives the body chunk by chunk; the array is reused after the call returns. */
    @FunctionalInterface
    interface ChunkSink {
        void accept(byte[] chunk, int offset, int length);
    }

    private final InputStream in;
    private String text;
    private boolean streamed;
    private long streamedBytes;

    RequestBody(InputStream in) {
        this.in = in;
    }

    /** The whole body as UTF-8 text; read on first call. */
    String text() {
        if (text == null) {
            requireUnread("as text");
            try {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text;
    }

    /** Reads the body to its end, handing each chunk to the sink; returns the byte count. */
    long stream(ChunkSink sink) {
        requireUnread("as a stream");
        // Marked first, so a body that breaks off midway is still logged by size and never read as text
        streamed = true;
        byte[] chunk = new byte[CHUNK_BYTES];
        try {
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                streamedBytes += read;
                sink.accept(chunk, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return streamedBytes;
    }

    /** Counts and drops whatever has not been read yet; a no-op once the body was read. */
    void discard() {
        if (text == null && !streamed) {
            stream((chunk, offset, length) -> { });
        }
    }

    /** What the request log keeps: the text, or only the size of a streamed body. */
    String forLog() {
        return streamed ? "(" + streamedBytes + " bytes)" : text();
    }

    private void requireUnread(String how) {
        if (text != null || streamed) {
            throw new IllegalStateException("request body already read, cannot read it again " + how);
        }
    }
}

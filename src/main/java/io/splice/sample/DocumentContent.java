package io.splice.sample;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * One document's bytes, described by type, size and a seed rather than held: the file type's magic
 * number, then pseudo-random bytes, produced only as they are read.
 */
record DocumentContent(String contentType, int size, long bytesSeed) {

    static final String PDF = "application/pdf";
    static final String JPEG = "image/jpeg";
    static final List<String> CONTENT_TYPES = List.of(PDF, JPEG);
    static final int MIN_SIZE = 1024;
    static final int MAX_SIZE = 256 * 1024;

    /** What a file sniffer looks for first, so a target that checks types sees what the column says. */
    private static final Map<String, byte[]> MAGIC = Map.of(
            PDF, "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII),
            JPEG, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00});

    /** Draws type, size and bytes from one row's numbers, in that order. */
    static DocumentContent draw(SplittableRandom random) {
        String contentType = RowRandom.pick(CONTENT_TYPES, random);
        int size = random.nextInt(MIN_SIZE, MAX_SIZE + 1);
        return new DocumentContent(contentType, size, random.nextLong());
    }

    /** A fresh stream of the bytes from the first; the same bytes however it is read. */
    InputStream open() {
        return new Bytes(MAGIC.get(contentType), size, new SplittableRandom(bytesSeed));
    }

    private static final class Bytes extends InputStream {

        private final byte[] magic;
        private final int size;
        private final SplittableRandom random;
        private int position;
        private long word;

        Bytes(byte[] magic, int size, SplittableRandom random) {
            this.magic = magic;
            this.size = size;
            this.random = random;
        }

        @Override
        public int read() {
            return position < size ? next() & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, buffer.length);
            if (length == 0) {
                return 0;
            }
            if (position >= size) {
                return -1;
            }
            int count = Math.min(length, size - position);
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = next();
            }
            return count;
        }

        @Override
        public int available() {
            return size - position;
        }

        private byte next() {
            int at = position++;
            if (at < magic.length) {
                return magic[at];
            }
            // Eight bytes per long: the byte at a position never depends on how the reads were chunked
            int inWord = (at - magic.length) % Long.BYTES;
            if (inWord == 0) {
                word = random.nextLong();
            }
            return (byte) (word >>> (Byte.SIZE * inWord));
        }
    }
}

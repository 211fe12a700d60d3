package io.splice.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** Document content recomputed from the seed, without a database. */
class SampleDocumentsTest {

    private final SampleDocuments documents = new SampleDataGenerator(7L, 1.0).documents();

    @Test
    void theSameBytesHoweverTheStreamIsRead() throws IOException {
        for (long id = 1; id <= 5; id++) {
            byte[] whole;
            try (InputStream content = documents.content(id)) {
                whole = content.readAllBytes();
            }

            assertThat(whole).as("document %d", id).hasSize(documents.size(id))
                    .isEqualTo(readOneByteAtATime(id)).isEqualTo(readInChunksOf(7, id));
        }
    }

    @Test
    void theDigestIsTheSizeAndSha256OfTheBytes() throws IOException {
        byte[] bytes;
        try (InputStream content = documents.content(3)) {
            bytes = content.readAllBytes();
        }

        DocumentDigest digest = documents.digest(3);
        assertThat(digest).isEqualTo(DocumentDigest.of(3, bytes));
        assertThat(digest.size()).isEqualTo(bytes.length);
        assertThat(digest.sha256()).matches("[0-9a-f]{64}");
        bytes[bytes.length - 1] ^= 1;
        assertThat(DocumentDigest.of(3, bytes)).isNotEqualTo(digest);
    }

    @Test
    void pdfsAndJpegsOfOneToTwoHundredFiftySixKibibytesStartingWithTheirMagicNumber() throws IOException {
        SampleDocuments many = new SampleDataGenerator(7L, 1.0).withProjects(200).documents();
        List<Integer> sizes = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (long id = 1; id <= many.count(); id++) {
            sizes.add(many.size(id));
            types.add(many.contentType(id));
            try (InputStream content = many.content(id)) {
                String head = HexFormat.of().formatHex(content.readNBytes(4));
                assertThat(head).as("document %d", id)
                        .isEqualTo(many.contentType(id).equals("application/pdf") ? "25504446" : "ffd8ffe0");
            }
        }

        assertThat(sizes).allSatisfy(size -> assertThat(size).isBetween(1024, 256 * 1024));
        assertThat(sizes.stream().mapToInt(Integer::intValue).min().orElseThrow()).isLessThan(16 * 1024);
        assertThat(sizes.stream().mapToInt(Integer::intValue).max().orElseThrow()).isGreaterThan(240 * 1024);
        assertThat(types).containsOnly("application/pdf", "image/jpeg").contains("application/pdf", "image/jpeg");
    }

    @Test
    void theSeedAloneDecidesTheContentNotTheScaleOrTheProjectCount() {
        SampleDocuments reshaped = new SampleDataGenerator(7L, 0.3).withProjects(13).documents();
        SampleDocuments otherSeed = new SampleDataGenerator(8L, 1.0).documents();

        for (long id = 1; id <= 10; id++) {
            assertThat(reshaped.digest(id)).isEqualTo(documents.digest(id));
            assertThat(otherSeed.digest(id)).isNotEqualTo(documents.digest(id));
        }
    }

    @Test
    void digestsAreDistinctAcrossDocuments() {
        assertThat(LongStream.rangeClosed(1, documents.count()).mapToObj(id -> documents.digest(id).sha256()))
                .hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void onlyIdsOfGeneratedDocumentsHaveContent() {
        assertThatIllegalArgumentException().isThrownBy(() -> documents.digest(0));
        assertThatIllegalArgumentException().isThrownBy(() -> documents.content(41))
                .withMessage("No sample document 41: ids are 1..40");
    }

    @Test
    void aPdfSaysSoInItsFirstBytes() throws IOException {
        long pdf = LongStream.rangeClosed(1, documents.count())
                .filter(id -> documents.contentType(id).equals("application/pdf")).findFirst().orElseThrow();
        try (InputStream content = documents.content(pdf)) {
            assertThat(new String(content.readNBytes(9), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4\n");
        }
    }

    private byte[] readOneByteAtATime(long id) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream content = documents.content(id)) {
            for (int b = content.read(); b != -1; b = content.read()) {
                bytes.write(b);
            }
        }
        return bytes.toByteArray();
    }

    private byte[] readInChunksOf(int chunk, long id) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[chunk + 2];
        try (InputStream content = documents.content(id)) {
            for (int read = content.read(buffer, 1, chunk); read != -1; read = content.read(buffer, 1, chunk)) {
                bytes.write(Arrays.copyOfRange(buffer, 1, 1 + read));
            }
        }
        return bytes.toByteArray();
    }
}

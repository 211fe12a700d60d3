package io.splice.sandbox;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBodyTest {

    @Test
    void aBodyReadAsTextIsLoggedAsText() {
        RequestBody body = bodyOf("{\"total\":10}".getBytes(StandardCharsets.UTF_8));

        String text = body.text();

        assertThat(text).isEqualTo("{\"total\":10}");
        assertThat(body.forLog()).isEqualTo(text);
    }

    @Test
    void aStreamedBodyArrivesInChunksAndIsLoggedOnlyAsItsSize() {
        byte[] bytes = new byte[200_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        RequestBody body = bodyOf(bytes);
        ByteArrayOutputStream received = new ByteArrayOutputStream();

        long size = body.stream(received::write);

        assertThat(size).isEqualTo(200_000L);
        assertThat(received.toByteArray()).isEqualTo(bytes);
        assertThat(body.forLog()).isEqualTo("(200000 bytes)");
    }

    @Test
    void discardCountsAnUnreadBodyAndLeavesARead() {
        RequestBody unread = bodyOf(new byte[1234]);
        RequestBody read = bodyOf("{}".getBytes(StandardCharsets.UTF_8));
        read.text();

        unread.discard();
        read.discard();

        assertThat(unread.forLog()).isEqualTo("(1234 bytes)");
        assertThat(read.forLog()).isEqualTo("{}");
    }

    @Test
    void aBodyCannotBeReadTwoWays() {
        RequestBody body = bodyOf(new byte[10]);
        body.stream((chunk, offset, length) -> { });

        assertThatThrownBy(body::text).isInstanceOf(IllegalStateException.class).hasMessageContaining("already read");
    }

    private static RequestBody bodyOf(byte[] bytes) {
        return new RequestBody(new ByteArrayInputStream(bytes));
    }
}

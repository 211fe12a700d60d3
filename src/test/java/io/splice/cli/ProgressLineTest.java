package io.splice.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineTest {

    @Test
    void saysSinceWhenEachEntityWaitsForTheTarget() {
        Instant parcels = Instant.parse("2026-12-06T10:15:30Z");
        Instant addresses = Instant.parse("2026-12-06T10:16:02Z");
        DateTimeFormatter local = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

        String text = ProgressLine.waiting(new TreeMap<>(Map.of("parcels", parcels, "addresses", addresses)));

        assertThat(text).isEqualTo("; waiting for the target since " + local.format(addresses) + " (addresses), "
                + local.format(parcels) + " (parcels)");
    }

    @Test
    void saysNothingWhileTheTargetAnswers() {
        assertThat(ProgressLine.waiting(Map.of())).isEmpty();
    }
}

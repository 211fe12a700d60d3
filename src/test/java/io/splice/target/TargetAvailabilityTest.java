package io.splice.target;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TargetAvailabilityTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:15:30Z");

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicBoolean targetAnswers = new AtomicBoolean();
    private final AtomicInteger probes = new AtomicInteger();
    private final TargetAvailability availability = new TargetAvailability(entity -> () -> {
        probes.incrementAndGet();
        return targetAnswers.get();
    }, 3, Duration.ofMillis(20), scheduler, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void failuresInARowMakeTheEntityWaitUntilAProbeGetsAnAnswer() {
        // given two transient failures: not yet an outage
        assertThat(availability.failed("parcels", "HTTP 503")).isFalse();
        assertThat(availability.failed("parcels", "HTTP 503")).isFalse();
        assertThat(availability.waitingSince("parcels")).isNull();

        // when the third comes in a row
        boolean waiting = availability.failed("parcels", "HTTP 503");

        // then the entity's records wait, since now, and the other entities do not
        assertThat(waiting).isTrue();
        assertThat(availability.waitingSince("parcels")).isEqualTo(NOW);
        assertThat(availability.waitingSince("addresses")).isNull();
        assertThat(availability.waiting()).containsOnlyKeys("parcels");

        // when the probe, asked again and again, finally gets an answer
        await().atMost(Duration.ofSeconds(5)).until(() -> probes.get() >= 3);
        assertThat(availability.waitingSince("parcels")).isEqualTo(NOW);
        targetAnswers.set(true);

        // then the records go on
        await().atMost(Duration.ofSeconds(5)).until(() -> availability.waitingSince("parcels") == null);
        assertThat(availability.waiting()).isEmpty();
    }

    @Test
    void anAnswerBetweenFailuresIsNoOutage() {
        availability.failed("parcels", "HTTP 503");
        availability.failed("parcels", "HTTP 503");
        availability.answered("parcels");
        availability.failed("parcels", "HTTP 503");
        availability.failed("parcels", "HTTP 503");

        assertThat(availability.waitingSince("parcels")).isNull();
        assertThat(probes.get()).isZero();
    }
}

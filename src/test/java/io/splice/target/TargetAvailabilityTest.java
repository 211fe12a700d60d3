package io.splice.target;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.splice.record.Keys;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
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

    private final DefaultCamelContext camel = new DefaultCamelContext();

    @AfterEach
    void stop() throws Exception {
        scheduler.shutdownNow();
        camel.close();
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

    @Test
    void aRecordWaitsBeforeItsCallWhileItsEntitysTargetIsDownAndGoesOnWithTheFirstAnswer() throws Exception {
        // given parcels' target taken as down, addresses' not
        camel.start();
        openCircuit("parcels");

        // when a record of each comes to its call
        CompletableFuture<Void> parcel = awaitTarget(record("parcels"));
        awaitTarget(record("addresses")).get(5, TimeUnit.SECONDS);

        // then only the parcel waits, until a call of its entity is answered (its mark leaves that call's exchange)
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !parcel.isDone());
        Exchange answeredCall = record("parcels");
        answeredCall.setProperty(Keys.CALLING_TARGET, true);
        availability.answeredCall(answeredCall);
        assertThat(answeredCall.getProperty(Keys.CALLING_TARGET)).isNull();
        parcel.get(5, TimeUnit.SECONDS);
        assertThat(availability.waitingSince("parcels")).isNull();
    }

    @Test
    void aReadBackIsNeverHeldAndAStoppingCamelLetsTheWaitingRecordsGo() throws Exception {
        camel.start();
        openCircuit("parcels");
        Exchange readBack = record("parcels");
        readBack.setProperty(Keys.READ_BACK, true);
        awaitTarget(readBack).get(5, TimeUnit.SECONDS);

        CompletableFuture<Void> parcel = awaitTarget(record("parcels"));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !parcel.isDone());
        camel.stop();

        parcel.get(5, TimeUnit.SECONDS);
        assertThat(availability.waitingSince("parcels")).isEqualTo(NOW);
    }

    private void openCircuit(String entity) {
        availability.failed(entity, "HTTP 503");
        availability.failed(entity, "HTTP 503");
        assertThat(availability.failed(entity, "HTTP 503")).isTrue();
    }

    private CompletableFuture<Void> awaitTarget(Exchange exchange) {
        return CompletableFuture.runAsync(() -> {
            try {
                availability.awaitTarget(exchange);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Exchange record(String entity) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(Keys.ENTITY, entity);
        return exchange;
    }
}

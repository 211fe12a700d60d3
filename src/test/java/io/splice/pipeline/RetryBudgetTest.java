package io.splice.pipeline;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLHandshakeException;

import io.splice.record.Keys;
import io.splice.target.TargetAvailability;
import io.splice.target.TargetProbe;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RetryBudget, the load routes' retryWhile: retries spent per record, none while the target is taken as down. */
class RetryBudgetTest {

    private static final String RUN = "run-1";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    // one failure in a row opens the circuit; its probe never answers within the test
    private final TargetAvailability availability = new TargetAvailability(entity -> neverAnswers(), 1,
            Duration.ofHours(1), scheduler, Clock.systemUTC());
    private final RetrySummary summary = new RetrySummary();
    private final RetryBudget budget = new RetryBudget(availability, summary, 2);

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
    }

    @Test
    void aRecordSpendsItsRetriesOverItsRedeliveriesThenGoesToTheDeadLetters() {
        // a failure that is not the target's (the ledger, the source): no outage, retries spent
        Exchange exchange = failed(new IOException("ledger unreachable"), false);

        assertThat(budget.matches(exchange)).isTrue();
        assertThat(budget.matches(exchange)).isTrue();
        assertThat(budget.matches(exchange)).isFalse();

        assertThat(exchange.getProperty(RetryBudget.SPENT)).isEqualTo(3);
        assertThat(summary.take(RUN)).isEqualTo(Map.of("IOException", 2L));
        assertThat(availability.waitingSince("items")).isNull();
    }

    @Test
    void whileTheTargetIsTakenAsDownTheRecordWaitsWithoutSpendingARetry() {
        Exchange exchange = failed(new IOException("Connection reset"), true);

        assertThat(budget.matches(exchange)).isTrue();

        assertThat(exchange.getProperty(RetryBudget.SPENT)).isNull();
        assertThat(exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY)).isEqualTo(0L);
        assertThat(availability.waitingSince("items")).isNotNull();
        assertThat(summary.take(RUN)).isEqualTo(Map.of(RetrySummary.WAITED, 1L));
        // the next failure is classified afresh: set again right before the next call
        assertThat(exchange.getProperty(Keys.CALLING_TARGET)).isNull();
    }

    @Test
    void anUntrustedCertificateIsNoOutageItsRetriesAreSpent() {
        Exchange exchange = failed(new IOException("handshake", new SSLHandshakeException("PKIX path building failed")),
                true);

        assertThat(budget.matches(exchange)).isTrue();

        assertThat(exchange.getProperty(RetryBudget.SPENT)).isEqualTo(1);
        assertThat(availability.waitingSince("items")).isNull();
    }

    @Test
    void aTimeoutOfTheCallLeavesTheRecordInDoubt() {
        Exchange exchange = failed(new SocketTimeoutException("Read timed out"), true);

        budget.matches(exchange);

        assertThat(exchange.getProperty(Keys.IN_DOUBT)).isEqualTo(InDoubt.TIMEOUT);
    }

    @Test
    void theCaughtExceptionCountsWhenTheExchangeHoldsNone() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Keys.RUN_ID, RUN);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("mapping"));

        assertThat(budget.matches(exchange)).isTrue();

        assertThat(summary.take(RUN)).isEqualTo(Map.of("IllegalStateException", 1L));
    }

    private static Exchange failed(Exception error, boolean callingTarget) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Keys.RUN_ID, RUN);
        exchange.setProperty(Keys.ENTITY, "items");
        if (callingTarget) {
            exchange.setProperty(Keys.CALLING_TARGET, true);
        }
        exchange.setException(error);
        return exchange;
    }

    private static TargetProbe neverAnswers() {
        return () -> false;
    }
}

package io.splice.target.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;

import io.splice.record.Keys;
import io.splice.target.TargetAvailability;
import io.splice.target.TargetRejectedException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A 401 to an OAuth2 token: renewed once and the call tried once more; a 401 to the renewed token is permanent. */
class TokenRenewalTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final ScheduledExecutorService probes = Executors.newSingleThreadScheduledExecutor();
    // two failures in a row open the circuit; its probe never answers, so only a call's answer closes it
    private final TargetAvailability availability = new TargetAvailability(entity -> () -> false, 2,
            Duration.ofHours(1), probes, Clock.systemUTC());
    // the generations the target refused, as the renewal was asked for them
    private final List<Long> refused = new ArrayList<>();
    private boolean renews = true;
    private final TokenRenewal renewal = new TokenRenewal(new TargetAuthentication() {
        @Override
        public long authorize(BiConsumer<String, String> header) {
            return 1;
        }

        @Override
        public boolean renewAfterRefusal(long generation) {
            refused.add(generation);
            return renews;
        }

        @Override
        public String describe() {
            return "oauth2";
        }
    }, availability);

    @AfterEach
    void close() throws Exception {
        probes.shutdownNow();
        camel.close();
    }

    @Test
    void aFirst401RenewsTheTokenOfThatGenerationAndHasTheCallTriedAgainAtOnce() {
        Exchange call = answered(401);
        call.setProperty(TargetAuthentication.GENERATION, 4L);

        assertThatThrownBy(() -> renewal.afterCall(call)).isInstanceOf(TokenRefusedException.class)
                .hasMessage("addresses 17 (tenant t1): the target refused the OAuth2 token (HTTP 401); it was renewed "
                        + "and the call is tried once more");

        assertThat(refused).containsExactly(4L);
        assertThat(call.getProperty(TokenRenewal.RENEWED)).isEqualTo(true);
        assertThat(call.getMessage().getHeader(Exchange.REDELIVERY_DELAY)).isEqualTo(0L);
        assertThat(call.getProperty(Keys.CALLING_TARGET)).isNull();
    }

    @Test
    void a401ToTheRenewedTokenIsAPermanentFailureAndAnAnswerOfTheTarget() {
        availability.failed("addresses", "HTTP 503");
        Exchange call = answered(401);
        call.setProperty(TokenRenewal.RENEWED, true);

        assertThatThrownBy(() -> renewal.afterCall(call)).isInstanceOfSatisfying(TargetRejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo("HTTP 401 target refused the renewed token");
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.getMessage()).startsWith("addresses 17 (tenant t1): the target answered HTTP 401 to a renewed");
        });

        assertThat(refused).isEmpty();
        // the 401 was an answer: the failure before it and the next one are not in a row
        assertThat(availability.failed("addresses", "HTTP 503")).isFalse();
    }

    @Test
    void anyOtherAnswerClearsTheRenewedMarkAndIsLeftToTheClassification() throws Exception {
        Exchange call = answered(201);
        call.setProperty(TokenRenewal.RENEWED, true);

        renewal.afterCall(call);

        assertThat(call.getProperty(TokenRenewal.RENEWED)).isNull();
        assertThat(call.getProperty(Keys.CALLING_TARGET)).isEqualTo(true);
        assertThat(refused).isEmpty();
    }

    @Test
    void a401AModeCannotRenewAndAReadBacksAnswerAreLeftAlone() throws Exception {
        renews = false;
        Exchange fixed = answered(401);
        renewal.afterCall(fixed);
        assertThat(refused).containsExactly(0L);
        assertThat(fixed.getProperty(TokenRenewal.RENEWED)).isNull();
        assertThat(fixed.getProperty(Keys.CALLING_TARGET)).isEqualTo(true);

        Exchange readBack = answered(401);
        readBack.setProperty(Keys.READ_BACK, true);
        renewal.afterCall(readBack);
        assertThat(refused).containsExactly(0L);
    }

    @Test
    void aPlansCallIsTriedOnceMoreWithARenewedTokenAndThenLeftToTheStage() throws Exception {
        Exchange call = answered(401);
        call.setProperty(TargetAuthentication.GENERATION, 2L);
        assertThatThrownBy(() -> renewal.afterPlanCall(call)).isInstanceOf(TokenRefusedException.class)
                .hasMessage("The target refused the OAuth2 token (HTTP 401) to a plan's call; it was renewed and the "
                        + "call is tried once more");
        assertThat(call.getMessage().getHeader(Exchange.REDELIVERY_DELAY)).isEqualTo(0L);

        // the renewed token refused too: no exception here, TargetCalls fails the stage with the 401
        renewal.afterPlanCall(call);
        assertThat(refused).containsExactly(2L);
        assertThat(call.getProperty(TokenRenewal.RENEWED)).isEqualTo(true);

        call.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        renewal.afterPlanCall(call);
        assertThat(call.getProperty(TokenRenewal.RENEWED)).isNull();
    }

    private Exchange answered(int status) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(Keys.TENANT, "t1");
        exchange.setProperty(Keys.ENTITY, "addresses");
        exchange.setProperty(Keys.SOURCE_KEY, "17");
        exchange.setProperty(Keys.CALLING_TARGET, true);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        return exchange;
    }
}

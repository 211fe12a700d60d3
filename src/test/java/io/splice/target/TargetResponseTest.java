package io.splice.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.record.Keys;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TargetResponseTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final ScheduledExecutorService probes = Executors.newSingleThreadScheduledExecutor();
    private final TargetResponse classifier = new TargetResponse(new ObjectMapper(), 60_000, null,
            new TargetAvailability(entity -> () -> true, 5, Duration.ofSeconds(1), probes, Clock.systemUTC()));

    @AfterEach
    void close() throws Exception {
        probes.shutdownNow();
        camel.close();
    }

    @Test
    void aCreatedRecordYieldsTheIdAtTheConfiguredPointer() throws Exception {
        Exchange exchange = answer(201, "{\"data\":{\"uuid\":\"abc-1\"}}");
        exchange.setProperty(Keys.ID_POINTER, "/data/uuid");

        classifier.classify(exchange);

        assertThat(exchange.getProperty(Keys.TARGET_ID)).isEqualTo("abc-1");
        assertThat(exchange.getProperty(Keys.HTTP_STATUS)).isEqualTo(201);
    }

    @Test
    void aSuccessWithoutAnIdIsAPermanentFailureNamingThePointerAndTheRecord() {
        Exchange exchange = answer(200, "{\"ok\":true}");

        assertThatThrownBy(() -> classifier.classify(exchange))
                .isInstanceOf(TargetResponseException.class)
                .hasMessageContaining("addresses 17").hasMessageContaining("without an id at /id")
                .extracting(e -> ((TargetResponseException) e).reason()).isEqualTo("response without id at /id");
    }

    @Test
    void aNonJsonSuccessIsAPermanentFailure() {
        assertThatThrownBy(() -> classifier.classify(answer(201, "<html>created</html>")))
                .isInstanceOf(TargetResponseException.class).hasMessageContaining("<html>created</html>");
    }

    @Test
    void a422CarriesTheTargetsFieldAndReasonAsAGroupableReasonAndTheValueInTheMessage() {
        Exchange exchange = answer(422, "{\"error\":\"validation_failed\",\"field\":\"postcode\",\"reason\":\"must match 9999 AA\",\"value\":\"12345\"}");

        assertThatThrownBy(() -> classifier.classify(exchange))
                .isInstanceOfSatisfying(TargetRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo("HTTP 422 postcode: must match 9999 AA");
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("addresses 17", "\"12345\"");
                });
    }

    @Test
    void a429HonoursRetryAfterInSecondsThroughCamelsRedeliveryDelayHeader() {
        Exchange exchange = answer(429, "{\"error\":\"rate_limited\"}");
        exchange.getMessage().setHeader("Retry-After", "3");

        assertThatThrownBy(() -> classifier.classify(exchange)).isInstanceOf(TargetUnavailableException.class);
        assertThat(exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY)).isEqualTo(3000L);
    }

    @Test
    void retryAfterAsAnHttpDateIsHonouredAndCapped() {
        String inAnHour = ZonedDateTime.now(ZoneOffset.UTC).plusHours(1).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        Exchange exchange = answer(503, "");
        exchange.getMessage().setHeader("Retry-After", inAnHour);

        assertThatThrownBy(() -> classifier.classify(exchange)).isInstanceOf(TargetUnavailableException.class);
        assertThat(exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY)).isEqualTo(60_000L);
    }

    @Test
    void a503WithoutRetryAfterLeavesTheBackOffToCamelEvenAfterAnEarlierRetryAfter() {
        Exchange exchange = answer(503, "");
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, 5000L);

        assertThatThrownBy(() -> classifier.classify(exchange)).isInstanceOf(TargetUnavailableException.class)
                .hasMessageContaining("HTTP 503");
        assertThat(exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY)).isNull();
    }

    @Test
    void aRejectionKeepsTheWholeAnswerAndItsFieldsForTheLedger() {
        Exchange exchange = answer(422, "{\"error\":\"validation failed\",\"fields\":[\"email\"]}");

        assertThatThrownBy(() -> classifier.classify(exchange))
                .isInstanceOfSatisfying(TargetRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo("HTTP 422 validation failed: email");
                    assertThat(e.answer().fieldList()).isEqualTo("email");
                    assertThat(e.answer().body()).isEqualTo("{\"error\":\"validation failed\",\"fields\":[\"email\"]}");
                });
    }

    @Test
    void aSearchLookupAnsweringAnEmptyListMeansAbsent() throws Exception {
        Exchange exchange = lookup(200, "[]", null, null, null);

        classifier.classify(exchange);

        assertThat(exchange.getProperty(Keys.LOOKUP_MISSED)).isEqualTo(true);
        assertThat(exchange.getProperty(Keys.LOOKED_UP)).isEqualTo(true);
        assertThat(exchange.getProperty(Keys.TARGET_ID)).isNull();
    }

    @Test
    void aSearchLookupAnsweringOneRecordTakesItsIdAtTheLookupsPointer() throws Exception {
        Exchange exchange = lookup(200, "{\"content\":[{\"data\":{\"uuid\":\"c-7\"}}],\"totalElements\":1}",
                "/data/uuid", "/content", null);

        classifier.classify(exchange);

        assertThat(exchange.getProperty(Keys.LOOKUP_MISSED)).isNull();
        assertThat(exchange.getProperty(Keys.TARGET_ID)).isEqualTo("c-7");
        assertThat(exchange.getProperty(Keys.HTTP_STATUS)).isEqualTo(200);
    }

    @Test
    void aSearchLookupFindingSeveralRecordsIsAPermanentFailureNamingTheAmbiguity() {
        Exchange exchange = lookup(200, "[{\"id\":\"a\"},{\"id\":\"b\"},{\"id\":\"c\"}]", null, null, null);

        assertThatThrownBy(() -> classifier.classify(exchange))
                .isInstanceOfSatisfying(TargetResponseException.class, e -> {
                    assertThat(e.reason()).isEqualTo("lookup found 3 records at /api/v1/customers?email={email}");
                    assertThat(e.getMessage()).contains("addresses 17", "lookup found 3 records at /api/v1/customers?email=a%40b.nl");
                });
    }

    @Test
    void aLookupsOwnNotFoundStatusesMeanAbsentAndARejectedLookupSaysSo() throws Exception {
        Exchange gone = lookup(410, "{\"error\":\"gone\"}", null, null, java.util.List.of(404, 410));
        classifier.classify(gone);
        assertThat(gone.getProperty(Keys.LOOKUP_MISSED)).isEqualTo(true);

        Exchange refused = lookup(400, "{\"error\":\"bad query\"}", null, null, null);
        assertThatThrownBy(() -> classifier.classify(refused)).isInstanceOfSatisfying(TargetRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo("lookup HTTP 400 bad query"));
    }

    @Test
    void aLookUpAnswered404ByDefaultMeansAbsentAndTheRecordIsSentNext() throws Exception {
        Exchange exchange = lookup(404, "{\"error\":\"not found\"}", null, null, null);

        classifier.classify(exchange);

        assertThat(exchange.getProperty(Keys.LOOKUP_MISSED)).isEqualTo(true);
        assertThat(exchange.getProperty(Keys.TARGET_ID)).isNull();
    }

    @Test
    void a404ToTheCreateItselfIsARejectionNotAMissedLookUp() {
        Exchange exchange = answer(404, "{\"message\":\"no such endpoint\"}");

        assertThatThrownBy(() -> classifier.classify(exchange)).isInstanceOfSatisfying(TargetRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo("HTTP 404 no such endpoint"));
    }

    @Test
    void a409IsAPermanentRejectionWithTheTargetsReason() {
        Exchange exchange = answer(409, "{\"error\":\"duplicate legacyId\"}");

        assertThatThrownBy(() -> classifier.classify(exchange)).isInstanceOfSatisfying(TargetRejectedException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo("HTTP 409 duplicate legacyId");
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.getMessage()).isEqualTo("addresses 17 (tenant t1): target answered HTTP 409: duplicate legacyId");
                });
    }

    @Test
    void a422WithProblemDetailsGroupsByTitleAndKeepsTheDetailInTheMessage() {
        Exchange exchange = answer(422, "{\"type\":\"about:blank\",\"title\":\"Invalid address\","
                + "\"detail\":\"postcode 12345 is not Dutch\",\"invalid-params\":[{\"name\":\"postcode\"}]}");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/problem+json");

        assertThatThrownBy(() -> classifier.classify(exchange)).isInstanceOfSatisfying(TargetRejectedException.class,
                e -> {
                    assertThat(e.reason()).startsWith("HTTP 422 Invalid address");
                    assertThat(e.getMessage()).contains("addresses 17 (tenant t1)", "(postcode 12345 is not Dutch)");
                    assertThat(e.answer().fieldList()).isEqualTo("postcode");
                });
    }

    @Test
    void a5xxIsTransientKeepsTheCallsMarkAndDoesNotCountAsAnAnswer() {
        Exchange exchange = answer(502, "{\"error\":\"bad gateway\"}");
        exchange.setProperty(Keys.CALLING_TARGET, true);
        TargetAvailability availability = availability();
        availability.failed("addresses", "HTTP 502");
        TargetResponse response = new TargetResponse(new ObjectMapper(), 60_000, null, availability);

        assertThatThrownBy(() -> response.classify(exchange)).isInstanceOf(TargetUnavailableException.class)
                .hasMessage("addresses 17 (tenant t1): target answered HTTP 502");
        assertThat(exchange.getProperty(Keys.CALLING_TARGET)).isEqualTo(true);
        // the second failure in a row opens the circuit (two to open): the 502 was no answer between them
        assertThat(availability.failed("addresses", "HTTP 502")).isTrue();
    }

    @Test
    void anAnswerAboutTheRecordRemovesTheCallsMarkAndClosesTheOutage() throws Exception {
        TargetAvailability availability = availability();
        availability.failed("addresses", "HTTP 503");
        assertThat(availability.failed("addresses", "HTTP 503")).isTrue();
        TargetResponse response = new TargetResponse(new ObjectMapper(), 60_000, null, availability);
        Exchange exchange = answer(201, "{\"id\":\"a-1\"}");
        exchange.setProperty(Keys.CALLING_TARGET, true);

        response.classify(exchange);

        assertThat(exchange.getProperty(Keys.CALLING_TARGET)).isNull();
        assertThat(availability.waitingSince("addresses")).isNull();
        assertThat(exchange.getProperty(Keys.TARGET_ID)).isEqualTo("a-1");
    }

    @Test
    void aDryRunsCheckedRecordAndOneNotSentGetTheIdStandingForTheTargets() throws Exception {
        Exchange checked = answer(200, "{\"valid\":true}");
        checked.setProperty(Keys.DRY_RUN, true);

        classifier.classify(checked);

        assertThat(checked.getProperty(Keys.TARGET_ID)).isEqualTo("dry-run:17");
        assertThat(classifier.notCalled("17")).isEqualTo("dry-run:17");
    }

    @Test
    void retryAfterParsing() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        assertThat(RetryAfter.millis("2", now)).hasValue(2000);
        assertThat(RetryAfter.millis("-5", now)).hasValue(0);
        assertThat(RetryAfter.millis("Wed, 25 Nov 2026 10:00:30 GMT", now)).hasValue(30_000);
        assertThat(RetryAfter.millis("soon", now)).isEmpty();
        assertThat(RetryAfter.millis(null, now)).isEmpty();
    }

    /** Two failures in a row open the circuit; the probe never answers, so only a call's answer closes it. */
    private TargetAvailability availability() {
        return new TargetAvailability(entity -> () -> false, 2, Duration.ofHours(1), probes, Clock.systemUTC());
    }

    private Exchange lookup(int status, String body, String idPointer, String listPointer, java.util.List<Integer> notFound) {
        Exchange exchange = answer(status, body);
        exchange.setProperty(Keys.LOOKING_UP, true);
        exchange.setProperty(TargetLookup.PROPERTY, TargetLookup.of(new io.splice.definition.TargetDefinition.Lookup(
                "/api/v1/customers?email={email}", idPointer, listPointer, notFound),
                "/api/v1/customers?email=a%40b.nl", "/id"));
        return exchange;
    }

    private Exchange answer(int status, String body) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(Keys.TENANT, "t1");
        exchange.setProperty(Keys.ENTITY, "addresses");
        exchange.setProperty(Keys.SOURCE_KEY, "17");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setBody(body);
        return exchange;
    }
}

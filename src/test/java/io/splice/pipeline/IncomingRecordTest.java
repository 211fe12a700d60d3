package io.splice.pipeline;

import java.time.Instant;
import java.util.Map;

import io.splice.ledger.Failure;
import io.splice.record.Keys;
import io.splice.record.RecordKey;
import io.splice.testing.H2Ledger;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** IncomingRecord, without Camel Main: a delivery identified, and whether the ledger says it is done with. */
class IncomingRecordTest {

    private static final RecordKey KEY = new RecordKey("north", "items", "7");
    private static final String RUN = "run-1";

    private H2Ledger ledger;
    private Instant startedAt;

    @BeforeEach
    void setUp() {
        ledger = new H2Ledger();
        startedAt = Instant.now();
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    @Test
    void aMessageOfThisProcessNewToTheLedgerIsNotLookedUp() throws Exception {
        // given the ledger has the record MIGRATED, which only a look-up would see
        migrated();
        Exchange exchange = delivery(startedAt.toEpochMilli());

        // when an embedded broker delivers a message this process sent
        boolean done = incoming(true).identify(exchange);

        // then the identity is set and the ledger was not asked
        assertThat(done).isFalse();
        assertThat(exchange.getProperties()).containsEntry(Keys.TENANT, "north").containsEntry(Keys.ENTITY, "items")
                .containsEntry(Keys.SOURCE_KEY, "7").containsEntry(Keys.RUN_ID, RUN)
                .containsEntry(Keys.GROUP_KEY, "north/g1").containsEntry(Keys.MAYBE_AT_TARGET, false)
                .doesNotContainKey(Keys.IN_DOUBT);
    }

    @Test
    void aRedeliveredMessageIsLookedUpAndSkippedWhenMigrated() throws Exception {
        migrated();
        Exchange exchange = delivery(startedAt.toEpochMilli());
        exchange.getMessage().setHeader("JMSRedelivered", true);

        assertThat(incoming(true).identify(exchange)).isTrue();
        // delivered again: its earlier delivery may have reached the target
        assertThat(exchange.getProperty(Keys.MAYBE_AT_TARGET)).isEqualTo(true);
    }

    @Test
    void aMessageMarkedForARecheckIsLookedUp() throws Exception {
        migrated();
        Exchange exchange = delivery(startedAt.toEpochMilli());
        exchange.getMessage().setHeader(Keys.JMS_RECHECK, true);

        assertThat(incoming(true).identify(exchange)).isTrue();
    }

    @Test
    void aMessageQueuedBeforeThisProcessStartedIsLookedUp() throws Exception {
        migrated();

        assertThat(incoming(true).identify(delivery(startedAt.toEpochMilli() - 1))).isTrue();
    }

    @Test
    void behindAnExternalBrokerEveryMessageIsLookedUp() throws Exception {
        // an external broker can restart behind this process and give messages back without marking them redelivered
        migrated();

        assertThat(incoming(false).identify(delivery(startedAt.toEpochMilli()))).isTrue();
    }

    @Test
    void aRecordQueuedByAnEarlierProcessMayBeAtTheTarget() throws Exception {
        // given the record QUEUED, and this process started after that
        ledger.ledger().markQueued(KEY.tenant(), KEY.entity(), RUN, Map.of(KEY.sourceKey(), "g1"));
        Instant later = Instant.now().plusSeconds(1);
        Exchange exchange = delivery(later.toEpochMilli() - 1);

        boolean done = new IncomingRecord(ledger.ledger(), later, true).identify(exchange);

        assertThat(done).isFalse();
        assertThat(exchange.getProperty(Keys.MAYBE_AT_TARGET)).isEqualTo(true);
        assertThat(exchange.getProperty(Keys.IN_DOUBT)).isNull();
    }

    @Test
    void aRecordWhoseCallHadBegunWhenAnEarlierProcessDiedIsInDoubt() throws Exception {
        ledger.ledger().markQueued(KEY.tenant(), KEY.entity(), RUN, Map.of(KEY.sourceKey(), "g1"));
        ledger.ledger().markSending(KEY);
        Instant later = Instant.now().plusSeconds(1);
        Exchange exchange = delivery(later.toEpochMilli() - 1);

        assertThat(new IncomingRecord(ledger.ledger(), later, true).identify(exchange)).isFalse();
        assertThat(exchange.getProperty(Keys.IN_DOUBT)).isEqualTo(
                "Splice stopped while the request was in flight; the target may have processed it");
        assertThat(exchange.getProperty(Keys.MAYBE_AT_TARGET)).isEqualTo(true);
    }

    @Test
    void aRecordQueuedAgainWhileInFlightMayBeAtTheTarget() throws Exception {
        // given queued twice (a resumed run's re-extract): the ledger's resend check
        ledger.ledger().markQueued(KEY.tenant(), KEY.entity(), RUN, Map.of(KEY.sourceKey(), "g1"));
        ledger.ledger().markQueued(KEY.tenant(), KEY.entity(), RUN, Map.of(KEY.sourceKey(), "g1"));
        Exchange exchange = delivery(startedAt.toEpochMilli() - 1);

        assertThat(incoming(true).identify(exchange)).isFalse();
        assertThat(exchange.getProperty(Keys.MAYBE_AT_TARGET)).isEqualTo(true);
    }

    @Test
    void aRecordThatFailedInThisRunSinceThisProcessStartedIsNotSentAgain() throws Exception {
        failed();
        Exchange exchange = delivery(startedAt.toEpochMilli() - 1);

        assertThat(incoming(true).identify(exchange)).isTrue();
    }

    @Test
    void aRecordThatFailedInAnotherRunIsSent() throws Exception {
        failed();
        Exchange exchange = delivery(startedAt.toEpochMilli() - 1);
        exchange.getMessage().setHeader(Keys.JMS_RUN_ID, "run-2");

        assertThat(incoming(true).identify(exchange)).isFalse();
        // FAILED, not QUEUED: no earlier call of it is taken as possibly at the target
        assertThat(exchange.getProperty(Keys.MAYBE_AT_TARGET)).isEqualTo(false);
    }

    @Test
    void aRecordThatFailedBeforeThisProcessStartedIsSent() throws Exception {
        failed();
        Instant later = Instant.now().plusSeconds(1);

        assertThat(new IncomingRecord(ledger.ledger(), later, true).identify(delivery(later.toEpochMilli() - 1)))
                .isFalse();
    }

    @Test
    void aRecordUnknownToTheLedgerIsSent() throws Exception {
        Exchange exchange = delivery(startedAt.toEpochMilli() - 1);

        assertThat(incoming(false).identify(exchange)).isFalse();
        assertThat(exchange.getProperty(Keys.MAYBE_AT_TARGET)).isEqualTo(false);
    }

    @Test
    void aForeignMessageWithoutSplicesHeadersIsRefusedNamingTheMissingOne() {
        Exchange exchange = delivery(startedAt.toEpochMilli());
        exchange.getMessage().setMessageId("ID:foreign-1");
        exchange.getMessage().removeHeader(Keys.JMS_ENTITY);

        assertThatThrownBy(() -> incoming(true).identify(exchange)).isInstanceOf(ForeignMessageException.class)
                .hasMessage("Message ID:foreign-1 has no SpliceEntity property; only Splice's extract may send to "
                        + "splice.* queues");
        // nothing is attributed to a record
        assertThat(exchange.getProperty(Keys.TENANT)).isNull();
    }

    @Test
    void aBlankKeyIsAsForeignAsAMissingOne() {
        Exchange exchange = delivery(startedAt.toEpochMilli());
        exchange.getMessage().setHeader(Keys.JMS_SOURCE_KEY, " ");

        assertThatThrownBy(() -> incoming(true).identify(exchange)).isInstanceOf(ForeignMessageException.class)
                .hasMessageContaining("has no SpliceSourceKey property");
    }

    private IncomingRecord incoming(boolean brokerDiesWithUs) {
        return new IncomingRecord(ledger.ledger(), startedAt, brokerDiesWithUs);
    }

    private void migrated() {
        ledger.ledger().markQueued(KEY.tenant(), KEY.entity(), RUN, Map.of(KEY.sourceKey(), "g1"));
        ledger.ledger().recordMigrated(KEY, "items-7", 201, 1, null);
    }

    private void failed() {
        ledger.ledger().markQueued(KEY.tenant(), KEY.entity(), RUN, Map.of(KEY.sourceKey(), "g1"));
        ledger.ledger().recordFailed(KEY, new Failure("x.Refused", "refused", "refused", 422), 1, "{}", null);
    }

    /** A message as the extract sends it (RecordMessage), sent at {@code timestamp}. */
    private static Exchange delivery(long timestamp) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(Keys.JMS_TENANT, KEY.tenant());
        exchange.getMessage().setHeader(Keys.JMS_ENTITY, KEY.entity());
        exchange.getMessage().setHeader(Keys.JMS_SOURCE_KEY, KEY.sourceKey());
        exchange.getMessage().setHeader(Keys.JMS_RUN_ID, RUN);
        exchange.getMessage().setHeader(Keys.JMS_GROUP, "north/g1");
        exchange.getMessage().setHeader("JMSTimestamp", timestamp);
        exchange.getMessage().setBody("{\"id\":7}");
        return exchange;
    }
}

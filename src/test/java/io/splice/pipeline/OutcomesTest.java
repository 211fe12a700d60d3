package io.splice.pipeline;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.broker.Queues;
import io.splice.definition.CompiledMigration;
import io.splice.ledger.BlockedRecord;
import io.splice.ledger.Blocking;
import io.splice.ledger.Failure;
import io.splice.ledger.ParentState;
import io.splice.observe.RecordMetrics;
import io.splice.record.Keys;
import io.splice.record.RecordKey;
import io.splice.reference.BlockedRecords;
import io.splice.reference.GroupOrder;
import io.splice.target.ReadBackSampling;
import io.splice.testing.CompiledDefinition;
import io.splice.testing.H2Ledger;
import io.splice.testing.RecordPathDefinition;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Outcomes, without Camel Main: what the ledger holds after a record is sending, MIGRATED or FAILED. */
class OutcomesTest {

    private static final String TENANT = "default";
    private static final String RUN = "run-1";
    private static final RecordKey CUSTOMER = new RecordKey(TENANT, "customers", "42");

    @TempDir
    Path dir;

    private H2Ledger ledger;
    private Outcomes outcomes;
    private CompiledMigration migration;

    @BeforeEach
    void setUp() {
        ledger = new H2Ledger();
        migration = CompiledDefinition.compile(dir, RecordPathDefinition.YAML);
        outcomes = outcomes(false);
        ledger.ledger().markQueued(TENANT, "customers", RUN, Map.of("42", "42"));
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    @Test
    void theFailureLogLineNamesTheRecordOnce() {
        RecordKey key = new RecordKey("glasweb", "addresses", "307");

        assertThat(Outcomes.withoutRecordName("addresses 307 (tenant glasweb): target answered HTTP 422: street", key))
                .isEqualTo("target answered HTTP 422: street");
        assertThat(Outcomes.withoutRecordName("addresses 307: field houseNumber is not a whole number", key))
                .isEqualTo("field houseNumber is not a whole number");
        // another record's name, or a name that runs on (3070), is part of the message
        assertThat(Outcomes.withoutRecordName("addresses 3070: late", key)).isEqualTo("addresses 3070: late");
        assertThat(Outcomes.withoutRecordName("SocketTimeoutException: Read timed out", key))
                .isEqualTo("SocketTimeoutException: Read timed out");
    }

    @Test
    void sendingMarksTheCallAsBegun() {
        outcomes.sending(TENANT, "customers", "42");

        assertThat(ledger.row(CUSTOMER).get("sending_since")).isNotNull();
    }

    @Test
    void aDryRunMarksNothing() {
        outcomes(true).sending(TENANT, "customers", "42");

        assertThat(ledger.row(CUSTOMER).get("sending_since")).isNull();
    }

    @Test
    void migratedRecordsTheTargetsIdAndReleasesTheChildrenItBlocked() {
        // given order 1 BLOCKED by customer 42
        ParentState parent = new ParentState("customers", "42", "QUEUED", null, null);
        ledger.blocking().markBlocked(RUN, List.of(new Blocking.Block(new BlockedRecord(TENANT, "orders", "1", "42",
                "{\"id\":1,\"customer_id\":42}"), parent, "parent customers not migrated yet (QUEUED)", "waits")));
        outcomes.sending(TENANT, "customers", "42");

        // when
        int released = outcomes.migrated(TENANT, "customers", "42", RUN, "9001", 201, 2, "{\"name\":\"A\"}", null);

        // then
        assertThat(released).isEqualTo(1);
        assertThat(ledger.row(CUSTOMER)).containsEntry("status", "MIGRATED").containsEntry("target_id", "9001")
                .containsEntry("http_status", 201).containsEntry("attempts", 2).containsEntry("sending_since", null)
                .containsEntry("in_doubt", false);
        // QUEUED for its run, sent with its wave (ReleaseWaves)
        assertThat(ledger.row(new RecordKey(TENANT, "orders", "1"))).containsEntry("status", "QUEUED")
                .containsEntry("run_id", RUN);
    }

    @Test
    void aRecordWithoutCallsCountsNoAttempts() {
        assertThat(outcomes.migrated(TENANT, "customers", "42", RUN, "9001", 200, null, null, null)).isZero();

        assertThat(ledger.row(CUSTOMER)).containsEntry("attempts", 0);
    }

    @Test
    void aMigratedRecordWhoseEarlierAnswerWasLostStaysInDoubt() {
        outcomes.migrated(TENANT, "customers", "42", RUN, "9001", 201, 2, null, InDoubt.TIMEOUT);

        assertThat(ledger.row(CUSTOMER)).containsEntry("status", "MIGRATED").containsEntry("in_doubt", true)
                .containsEntry("in_doubt_reason", InDoubt.TIMEOUT);
    }

    @Test
    void failedRecordsWhyWithTheSourceRecordAndLabelsTheDeadLetter() {
        Exchange exchange = deadLetter(new IOException("connection reset"));
        exchange.setProperty(Keys.ATTEMPTS, 3);
        exchange.setProperty(Keys.REQUEST_BODY, "{\"name\":\"A\"}");

        outcomes.failed(exchange);

        assertThat(ledger.row(CUSTOMER)).containsEntry("status", "FAILED")
                .containsEntry("error_class", "java.io.IOException")
                .containsEntry("reason", "IOException, retries exhausted")
                .containsEntry("error_message", "IOException: connection reset after 3 attempts")
                .containsEntry("attempts", 3).containsEntry("payload", "{\"id\":42,\"name\":\"A\"}")
                .containsEntry("request_body", "{\"name\":\"A\"}").containsEntry("in_doubt", false);
        assertThat(exchange.getMessage().getHeaders()).containsEntry(Keys.JMS_REASON, "IOException, retries exhausted")
                .containsEntry(Keys.JMS_SOURCE_KEY, "42").containsEntry(Keys.JMS_RUN_ID, RUN);
    }

    @Test
    void aFailedCallWhoseAnswerWasLostIsInDoubt() {
        Exchange exchange = deadLetter(new IOException("read", new SocketTimeoutException("Read timed out")));
        exchange.setProperty(Keys.CALLING_TARGET, true);

        outcomes.failed(exchange);

        assertThat(ledger.row(CUSTOMER)).containsEntry("status", "FAILED").containsEntry("in_doubt", true)
                .containsEntry("in_doubt_reason", InDoubt.TIMEOUT);
    }

    @Test
    void aLookUpsFailureKeepsTheTargetsEarlierAnswer() {
        // given an earlier 422 of the record, queued again since
        ledger.ledger().recordFailed(CUSTOMER, new Failure("x.Rejected", "HTTP 422: name missing", "name missing", 422),
                1, "{}", null);
        ledger.ledger().markQueued(TENANT, "customers", "run-2", Map.of("42", "42"));
        Exchange exchange = deadLetter(new IOException("look-up refused"));
        exchange.setProperty(Keys.RUN_ID, "run-2");
        exchange.setProperty(Keys.LOOKING_UP, true);

        outcomes.failed(exchange);

        assertThat(ledger.row(CUSTOMER)).containsEntry("status", "FAILED")
                .containsEntry("reason", "HTTP 422: name missing").containsEntry("http_status", 422)
                .containsEntry("error_message", "IOException: look-up refused after 0 attempts");
    }

    @Test
    void aForeignMessageIsDeadLetteredWithoutALedgerWrite() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody("not ours");
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new ForeignMessageException("ID:1", Keys.JMS_TENANT));

        outcomes.failed(exchange);

        assertThat(exchange.getMessage().getHeaders()).containsEntry(Keys.JMS_REASON, "message without SpliceTenant")
                .doesNotContainKey(Keys.JMS_TENANT).doesNotContainKey(Keys.JMS_SOURCE_KEY);
        assertThat(ledger.statuses(TENANT, "customers")).containsExactly(Map.entry("42", "QUEUED"));
    }

    private Outcomes outcomes(boolean dryRun) {
        GroupOrder groupOrder = new GroupOrder(migration, new ObjectMapper(), ledger.blocking());
        BlockedRecords blocked = new BlockedRecords(migration, ledger.ledger(), ledger.blocking(), groupOrder,
                new TransactionTemplate(new DataSourceTransactionManager(ledger.dataSource())));
        return new Outcomes(ledger.ledger(), blocked, new RecordMetrics(new DefaultCamelContext()), Queues.MIGRATION,
                new ReadBackSampling(migration, 0), dryRun);
    }

    /** The dead-letter route's exchange: the original message as body, the record's properties, the failure caught. */
    private static Exchange deadLetter(Throwable error) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody("{\"id\":42,\"name\":\"A\"}");
        exchange.getMessage().setHeader(Keys.JMS_TENANT, TENANT);
        exchange.setProperty(Keys.TENANT, TENANT);
        exchange.setProperty(Keys.ENTITY, "customers");
        exchange.setProperty(Keys.SOURCE_KEY, "42");
        exchange.setProperty(Keys.RUN_ID, RUN);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, error);
        return exchange;
    }
}

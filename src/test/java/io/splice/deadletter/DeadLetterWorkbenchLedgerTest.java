package io.splice.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.broker.DeadLetterQueue;
import io.splice.broker.Queues;
import io.splice.deadletter.DeadLetterWorkbench.Chosen;
import io.splice.deadletter.DeadLetterWorkbench.Selection;
import io.splice.definition.CompiledMigration;
import io.splice.ledger.BlockedRecord;
import io.splice.ledger.Blocking;
import io.splice.ledger.DeadLetterLedger;
import io.splice.reference.GroupOrder;
import io.splice.reference.ParentLookup;
import io.splice.reference.References;
import io.splice.testing.TestBroker;
import io.splice.testing.TestLedger;
import io.splice.testing.TestMigrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The workbench's own steps on a real PostgreSQL ledger and the embedded Artemis: what a selection chooses, what a
 * replay from the dead letters queues again and takes off DLQ.splice.&lt;entity&gt;, the keys a replay from the source
 * re-reads, and a discard. (The API's dry runs and limits: DeadLetterApiTest.)
 */
class DeadLetterWorkbenchLedgerTest {

    private static final String YAML = """
            migration: shop
            tenants:
              - { name: north, filter: north }
              - { name: south, filter: south }
            entities:
              orders:
                source: { table: orders, columns: [id, status], tenantColumn: region, key: id }
                group: id
                mapping:
                  fields:
                    legacyId: id
                    status: { column: status, codeTable: orderStatus }
                  codeTables:
                    orderStatus:
                      values: { N: NEW }
                target: { path: /api/orders }
            """;
    private static final String DLQ = "DLQ.splice.orders";
    private static final String TOTAL_422 = "HTTP 422 total: must be positive";

    private static TestLedger ledger;
    private static TestBroker broker;
    private static DeadLetterWorkbench workbench;

    @BeforeAll
    static void start() throws Exception {
        ledger = TestLedger.create("workbench");
        broker = TestBroker.start();
        CompiledMigration migration = TestMigrations.compile(TestMigrations.read(YAML));
        ObjectMapper json = new ObjectMapper();
        Blocking blocking = new Blocking(ledger.dataSource());
        References references = new References(migration, new ParentLookup(blocking, 100), blocking, json,
                new GroupOrder(migration, json, blocking));
        workbench = new DeadLetterWorkbench(migration, new DeadLetterLedger(ledger.dataSource()),
                new DeadLetterQueue(broker.connectionFactory(), Queues.MIGRATION), references, json);
    }

    @AfterAll
    static void stop() throws Exception {
        broker.close();
        ledger.close();
    }

    @BeforeEach
    void given() throws Exception {
        ledger.clear();
        broker.purge(DLQ);
        // north: 1 and 2 failed with one fingerprint, 3 with another, 4 migrated; south: 1 failed with the first
        failed("north", "1", TOTAL_422, "N");
        failed("north", "2", TOTAL_422, "X");
        failed("north", "3", "HTTP 500", "N");
        ledger.record("north", "orders", "4", "MIGRATED").targetId("o-4").insert();
        failed("south", "1", TOTAL_422, "N");
    }

    @Test
    void aFingerprintChoosesItsFailedKeysOfTheTenantInKeyOrder() {
        Chosen chosen = workbench.choose(new Selection("north", "orders", TOTAL_422, null, false));

        assertThat(chosen).isEqualTo(new Chosen("north", "orders", List.of("1", "2"), false));
    }

    @Test
    void keysChooseOnlyThoseStillFailedAndAllChoosesEveryFailedOne() {
        assertThat(workbench.choose(new Selection("north", "orders", null, List.of("3", "4", "9", "1"), false)))
                .isEqualTo(new Chosen("north", "orders", List.of("1", "3"), false));
        assertThat(workbench.choose(new Selection("north", "orders", null, null, true)).sourceKeys())
                .containsExactly("1", "2", "3");
        // a fingerprint and keys: both must hold
        assertThat(workbench.choose(new Selection("north", "orders", TOTAL_422, List.of("2", "3"), false))
                .sourceKeys()).containsExactly("2");
    }

    @Test
    void aFingerprintNoFailedRecordHasIsNamedInTheRefusal() {
        assertThatThrownBy(() -> workbench.choose(new Selection("north", "orders", "HTTP 418", null, false)))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("reason: no FAILED record of orders (tenant north) has the fingerprint 'HTTP 418'");
        assertThatThrownBy(() -> new Selection("north", "orders", null, List.of(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a selection needs a reason, sourceKeys, or all: true");
    }

    @Test
    void aPreviewMapsEachChosenRecordAndChangesNothing() throws Exception {
        DeadLetterWorkbench.Preview preview = workbench.preview(new Chosen("north", "orders", List.of("1", "2"), false));

        assertThat(preview.wouldSend()).isEqualTo(1);
        assertThat(preview.wouldFailMapping()).isEqualTo(1);
        assertThat(preview.wouldBeBlocked()).isZero();
        assertThat(preview.samples()).containsExactly(
                Map.of("sourceKey", "1", "failedWith", TOTAL_422, "wouldSend", Map.of("legacyId", 1, "status", "NEW")),
                Map.of("sourceKey", "2", "failedWith", TOTAL_422,
                        "wouldFail", "mapping status: has no entry in code table orderStatus"));
        assertThat(ledger.statusOf("north", "orders", "1")).isEqualTo("FAILED");
    }

    @Test
    void aReplayFromTheDeadLettersQueuesTheStillFailedRecordsForItsRunAndTakesOffTheirDeadLetters() throws Exception {
        // given dead letters of north's 1, 2, 3 and south's 1; north's 2 discarded meanwhile
        for (String key : List.of("1", "2", "3")) {
            broker.deadLetter(DLQ, "north", "orders", key);
        }
        broker.deadLetter(DLQ, "south", "orders", "1");
        ledger.jdbc().update("update splice_record set status = 'DISCARDED' where tenant = 'north' and source_key = '2'");

        // when
        List<BlockedRecord> requeued = workbench.requeue(new Chosen("north", "orders", List.of("1", "2"), false),
                "replay-7");

        // then: north's 1, as it was queued (its payload), QUEUED for the replay and asked again by its consumer
        assertThat(requeued).containsExactly(new BlockedRecord("north", "orders", "1", "1",
                "{\"id\": 1, \"status\": \"N\"}"));
        assertThat(ledger.jdbc().queryForMap("select status, run_id, resend_check from splice_record"
                + " where tenant = 'north' and source_key = '1'"))
                .isEqualTo(Map.of("status", "QUEUED", "run_id", "replay-7", "resend_check", true));
        assertThat(ledger.statusOf("north", "orders", "2")).isEqualTo("DISCARDED");
        assertThat(ledger.statusOf("south", "orders", "1")).isEqualTo("FAILED");
        // north's 2 was not requeued: its dead letter is the discard's to take
        assertThat(broker.deadLetters(DLQ)).containsExactly("north/2", "north/3", "south/1");
    }

    @Test
    void aReplayFromTheSourceReReadsTheChosenKeysOrEveryFailedRecordWithoutAChoice() {
        assertThat(workbench.replayKeys(new Chosen("north", "orders", List.of("3", "1"), false)))
                .containsExactly("3", "1");
        assertThat(workbench.replayKeys(null)).isNull();
    }

    @Test
    void aDiscardRecordsWhyAndTakesTheDiscardedRecordsDeadLettersOff() throws Exception {
        broker.deadLetter(DLQ, "north", "orders", "1");
        broker.deadLetter(DLQ, "north", "orders", "3");

        DeadLetterWorkbench.Discarded discarded = workbench.discard(
                new Chosen("north", "orders", List.of("1", "4"), false), "customer closed");

        assertThat(discarded).isEqualTo(new DeadLetterWorkbench.Discarded(List.of("1"), 1));
        assertThat(ledger.jdbc().queryForMap("select status, error_message from splice_record"
                + " where tenant = 'north' and source_key = '1'"))
                .isEqualTo(Map.of("status", "DISCARDED", "error_message", "discarded by an operator: customer closed"));
        assertThat(ledger.statusOf("north", "orders", "4")).isEqualTo("MIGRATED");
        assertThat(broker.deadLetters(DLQ)).containsExactly("north/3");
    }

    private static void failed(String tenant, String key, String reason, String status) {
        ledger.record(tenant, "orders", key, "FAILED").group(key).failed(422, reason, null)
                .payload("{\"id\": " + key + ", \"status\": \"" + status + "\"}").insert();
    }
}

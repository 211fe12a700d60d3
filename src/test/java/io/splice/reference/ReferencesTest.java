package io.splice.reference;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.definition.CompiledMigration;
import io.splice.record.RecordKey;
import io.splice.testing.CompiledDefinition;
import io.splice.testing.H2Ledger;
import io.splice.testing.RecordPathDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** References, without Camel: a consumer's record resolved or BLOCKED, and an extract's page filtered, on an H2 ledger. */
class ReferencesTest {

    private static final String TENANT = "default";
    private static final String RUN = "run-1";

    @TempDir
    Path dir;

    private H2Ledger ledger;
    private GroupOrder groupOrder;
    private References references;

    @BeforeEach
    void setUp() {
        ledger = new H2Ledger();
        CompiledMigration migration = CompiledDefinition.compile(dir, RecordPathDefinition.YAML);
        ObjectMapper json = new ObjectMapper();
        groupOrder = new GroupOrder(migration, json, ledger.blocking());
        references = new References(migration, new ParentLookup(ledger.blocking(), 100), ledger.blocking(), json,
                groupOrder);
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    @Test
    void aReferenceToAMigratedParentBecomesItsTargetId() throws Exception {
        // given customer 42 MIGRATED as 9001 at the target
        migrated("customers", "42", "9001");
        Map<String, Object> order = row("id", 1, "customer_id", 42);

        // when
        boolean blocked = references.resolve(TENANT, "orders", RUN, order);

        // then the order is sent with the parent's id, a number like the one the target answered
        assertThat(blocked).isFalse();
        assertThat(order).containsExactly(entry("id", 1), entry("customer_id", 9001L));
        assertThat(ledger.row(new RecordKey(TENANT, "orders", "1"))).isNull();
    }

    @Test
    void aRecordWhoseParentNeverMigratedIsRecordedBlockedNamingIt() throws Exception {
        Map<String, Object> order = row("id", 1, "customer_id", 42);

        boolean blocked = references.resolve(TENANT, "orders", RUN, order);

        assertThat(blocked).isTrue();
        assertThat(order).containsEntry("customer_id", 42);
        Map<String, Object> recorded = ledger.row(new RecordKey(TENANT, "orders", "1"));
        assertThat(recorded).containsEntry("status", "BLOCKED").containsEntry("run_id", RUN)
                .containsEntry("group_key", "42")
                .containsEntry("blocked_by_entity", "customers").containsEntry("blocked_by_key", "42")
                .containsEntry("reason", "parent customers never migrated")
                .containsEntry("error_message", "orders 1: field customer_id references customers 42, which has never "
                        + "been migrated (no such customers in the source, or not read yet)")
                .containsEntry("payload", "{\"id\":1,\"customer_id\":42}");
    }

    @Test
    void aParentThatFailedBlocksWithItsReason() throws Exception {
        ledger.ledger().markQueued(TENANT, "customers", RUN, Map.of("42", "42"));
        ledger.ledger().recordFailed(new RecordKey(TENANT, "customers", "42"),
                new io.splice.ledger.Failure("x.Refused", "HTTP 422: name missing", "name missing", 422), 1, "{}", null);

        boolean blocked = references.resolve(TENANT, "orders", RUN, row("id", 1, "customer_id", 42));

        assertThat(blocked).isTrue();
        assertThat(ledger.row(new RecordKey(TENANT, "orders", "1")))
                .containsEntry("reason", "parent customers FAILED: HTTP 422: name missing");
    }

    @Test
    void aNullReferenceIsSentAsItIs() throws Exception {
        Map<String, Object> order = row("id", 1, "customer_id", null);

        assertThat(references.resolve(TENANT, "orders", RUN, order)).isFalse();
        assertThat(order).containsEntry("customer_id", null);
        assertThat(ledger.row(new RecordKey(TENANT, "orders", "1"))).isNull();
    }

    @Test
    void aCompositeReferenceFindsItsParentByTheEncodedKey() throws Exception {
        // given link (A|B, x) MIGRATED with a text id
        migrated("links", "A\\|B|x", "link-7");
        Map<String, Object> note = row("id", 3, "code", "A|B", "tag", "x", "note", "hello");

        assertThat(references.resolve(TENANT, "link_notes", RUN, note)).isFalse();
        assertThat(note).containsEntry("link", "link-7");
    }

    @Test
    void aChildOfAHierarchyWaitsForItsParentInTheSameEntity() throws Exception {
        // given category 1 queued, not migrated yet
        ledger.ledger().markQueued(TENANT, "categories", RUN, Map.of("1", "g"));

        boolean blocked = references.resolve(TENANT, "categories", RUN, row("id", 2, "parent_id", 1, "grp", "g"));

        assertThat(blocked).isTrue();
        assertThat(ledger.row(new RecordKey(TENANT, "categories", "2"))).containsEntry("status", "BLOCKED")
                .containsEntry("blocked_by_key", "1").containsEntry("reason", "parent categories not migrated yet (QUEUED)");
    }

    @Test
    void aRecordThatIsItsOwnParentIsACycle() throws Exception {
        boolean blocked = references.resolve(TENANT, "categories", RUN, row("id", 7, "parent_id", 7, "grp", "g"));

        assertThat(blocked).isTrue();
        assertThat(ledger.row(new RecordKey(TENANT, "categories", "7"))).containsEntry("status", "BLOCKED")
                .containsEntry("reason", "reference cycle: categories 7 → 7")
                .containsEntry("error_message", "categories 7: field parent_id is part of a reference cycle: categories "
                        + "7 → 7; each waits for the next, so none can be migrated until the source breaks the cycle");
    }

    @Test
    void strictOrderHoldsTheLaterRecordsOfAGroupBehindOneThatFailed() throws Exception {
        // given customer acct migrated, and payment 5 of its group FAILED in this run (the dead-letter route)
        migrated("customers", "acct", "100");
        groupOrder.failed(TENANT, "payments", "5", RUN, TENANT + "/acct");

        // when a later and an earlier payment of the group arrive
        boolean later = references.resolve(TENANT, "payments", RUN, row("id", 6, "account", "acct", "amount", 1));
        Map<String, Object> earlier = row("id", 4, "account", "acct", "amount", 1);
        boolean earlierBlocked = references.resolve(TENANT, "payments", RUN, earlier);

        // then only the later one waits, naming the holder
        assertThat(later).isTrue();
        assertThat(ledger.row(new RecordKey(TENANT, "payments", "6"))).containsEntry("status", "BLOCKED")
                .containsEntry("blocked_by_entity", "payments").containsEntry("blocked_by_key", "5")
                .containsEntry("reason", "waiting for 5 of the same group")
                .containsEntry("error_message", "payments 6: order strict holds it behind payments 5 of group acct, "
                        + "which is FAILED");
        assertThat(earlierBlocked).isFalse();
        assertThat(earlier).containsEntry("account", 100L);
    }

    @Test
    void aPageKeepsTheRowsWhoseParentsMigratedAndBlocksTheOthers() throws Exception {
        migrated("customers", "1", "501");
        List<Map<String, Object>> page = List.of(row("id", 10, "customer_id", 1, "total", 5),
                row("id", 11, "customer_id", 2, "total", 6), row("id", 12, "customer_id", null, "total", 7));

        List<Map<String, Object>> sendable = references.sendable(TENANT, RUN,
                CompiledDefinition.compile(dir, RecordPathDefinition.YAML).entity("orders"), page);

        // the extract leaves the references for the consumer to resolve
        assertThat(sendable).extracting(r -> r.get("id")).containsExactly(10, 12);
        assertThat(sendable.get(0)).containsEntry("customer_id", 1);
        assertThat(ledger.statuses(TENANT, "orders")).containsExactly(entry("11", "BLOCKED"));
    }

    @Test
    void aPageOfAStrictEntityHoldsTheGroupBehindItsFirstBlockedRecord() throws Exception {
        migrated("customers", "b", "600");
        List<Map<String, Object>> page = List.of(row("id", 1, "account", "a", "amount", 1),
                row("id", 2, "account", "a", "amount", 2), row("id", 3, "account", "b", "amount", 3));

        List<Map<String, Object>> sendable = references.sendable(TENANT, RUN,
                CompiledDefinition.compile(dir, RecordPathDefinition.YAML).entity("payments"), page);

        assertThat(sendable).extracting(r -> r.get("id")).containsExactly(3);
        assertThat(ledger.row(new RecordKey(TENANT, "payments", "1"))).containsEntry("blocked_by_entity", "customers")
                .containsEntry("blocked_by_key", "a");
        assertThat(ledger.row(new RecordKey(TENANT, "payments", "2"))).containsEntry("blocked_by_entity", "payments")
                .containsEntry("blocked_by_key", "1").containsEntry("reason", "waiting for 1 of the same group");
    }

    @Test
    void aHierarchyPageIsSentWholeItsChildrenWaitAtTheConsumer() throws Exception {
        List<Map<String, Object>> page = List.of(row("id", 1, "parent_id", null, "grp", "g"),
                row("id", 2, "parent_id", 1, "grp", "g"));

        assertThat(references.sendable(TENANT, RUN,
                CompiledDefinition.compile(dir, RecordPathDefinition.YAML).entity("categories"), page)).isEqualTo(page);
        assertThat(ledger.statuses(TENANT, "categories")).isEmpty();
    }

    private void migrated(String entity, String key, String targetId) {
        ledger.ledger().markQueued(TENANT, entity, RUN, Map.of(key, key));
        ledger.ledger().recordMigrated(new RecordKey(TENANT, entity, key), targetId, 201, 1, null);
    }

    /** A row as the consumer's JSON unmarshalling gives it: mutable, in column order, nulls kept. */
    private static Map<String, Object> row(Object... columnsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }
}

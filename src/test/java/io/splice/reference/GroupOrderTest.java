package io.splice.reference;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.definition.CompiledEntity;
import io.splice.definition.CompiledMigration;
import io.splice.ledger.BlockedRecord;
import io.splice.ledger.Blocking;
import io.splice.ledger.ParentState;
import io.splice.record.RecordKey;
import io.splice.testing.CompiledDefinition;
import io.splice.testing.H2Ledger;
import io.splice.testing.RecordPathDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** GroupOrder, without Camel: which record holds a strict group back, in which run, and what the dead-letter step does. */
class GroupOrderTest {

    private static final String TENANT = "north";
    private static final String RUN = "run-1";

    @TempDir
    Path dir;

    private H2Ledger ledger;
    private CompiledEntity payments;
    private GroupOrder groupOrder;

    @BeforeEach
    void setUp() {
        ledger = new H2Ledger();
        CompiledMigration migration = CompiledDefinition.compile(dir, RecordPathDefinition.YAML);
        payments = migration.entity("payments");
        groupOrder = new GroupOrder(migration, new ObjectMapper(), ledger.blocking());
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    @Test
    void aFailedRecordHoldsItsGroupNamedByTheJmsGroupWithoutTheTenant() {
        groupOrder.failed(TENANT, "payments", "5", RUN, TENANT + "/acct");

        assertThat(groupOrder.holder(payments, RUN, TENANT, "acct", "6"))
                .isEqualTo(new ParentState("payments", "5", "FAILED", null, null));
        // not the record itself, nor one before it in source order, nor another group
        assertThat(groupOrder.holder(payments, RUN, TENANT, "acct", "5")).isNull();
        assertThat(groupOrder.holder(payments, RUN, TENANT, "acct", "4")).isNull();
        assertThat(groupOrder.holder(payments, RUN, TENANT, "other", "6")).isNull();
    }

    @Test
    void aHoldOfAnEarlierRunIsIgnored() {
        groupOrder.failed(TENANT, "payments", "5", "run-0", TENANT + "/acct");

        assertThat(groupOrder.holder(payments, RUN, TENANT, "acct", "6")).isNull();
    }

    @Test
    void theEarliestFailedRecordOfTheGroupHoldsIt() {
        groupOrder.failed(TENANT, "payments", "8", RUN, TENANT + "/acct");
        groupOrder.failed(TENANT, "payments", "5", RUN, TENANT + "/acct");
        groupOrder.failed(TENANT, "payments", "9", RUN, TENANT + "/acct");

        assertThat(groupOrder.holder(payments, RUN, TENANT, "acct", "10").sourceKey()).isEqualTo("5");
    }

    @Test
    void aMessageThatCannotBeAttributedOrAnEntityWithoutStrictOrderHoldsNothing() {
        // a foreign message: the dead-letter route has no record properties
        groupOrder.failed(null, null, null, null, null);
        groupOrder.failed(TENANT, "payments", null, RUN, TENANT + "/acct");
        groupOrder.failed(TENANT, "payments", "5", RUN, null);
        groupOrder.failed(TENANT, "no-such-entity", "5", RUN, TENANT + "/acct");
        groupOrder.failed(TENANT, "orders", "5", RUN, TENANT + "/acct");

        assertThat(groupOrder.holder(payments, RUN, TENANT, "acct", "6")).isNull();
        assertThat(ledger.statuses(TENANT, "payments")).isEmpty();
    }

    @Test
    void theHolderMigratedLetsItsGroupGoOn() {
        groupOrder.failed(TENANT, "payments", "5", RUN, TENANT + "/acct");

        groupOrder.migrated(TENANT, "payments", "5");

        assertThat(groupOrder.holder(payments, RUN, TENANT, "acct", "6")).isNull();
    }

    @Test
    void recordsOfTheGroupBlockedByTheirParentsWhileItWasOnItsWayNowWaitForTheFailedOne() {
        // given payment 7 of group acct BLOCKED by its parent in this run, and 3 before it
        ledger.blocking().markBlocked(RUN, List.of(blockedByParent("7"), blockedByParent("3")));

        // when payment 5 of the group fails
        groupOrder.failed(TENANT, "payments", "5", RUN, TENANT + "/acct");

        // then 7 waits for 5 (released with it, in source order); 3, before it, still waits for its parent
        assertThat(ledger.row(new RecordKey(TENANT, "payments", "7"))).containsEntry("blocked_by_entity", "payments")
                .containsEntry("blocked_by_key", "5").containsEntry("reason", "waiting for 5 of the same group");
        assertThat(ledger.row(new RecordKey(TENANT, "payments", "3"))).containsEntry("blocked_by_entity", "customers")
                .containsEntry("blocked_by_key", "acct");
    }

    @Test
    void anEntityInGroupOrderKeepsItsParentsBlock() throws Exception {
        CompiledEntity orders = CompiledDefinition.compile(dir, RecordPathDefinition.YAML).entity("orders");
        Blocking.Block parentBlock = blockedByParent("7");

        assertThat(groupOrder.ordered(orders, RUN, TENANT, Map.of("id", 7, "customer_id", 1), parentBlock, true))
                .isSameAs(parentBlock);
        assertThat(groupOrder.ordered(orders, RUN, TENANT, Map.of("id", 7, "customer_id", 1), null, true)).isNull();
    }

    private static Blocking.Block blockedByParent(String key) {
        ParentState parent = ParentState.neverMigrated("customers", "acct");
        return new Blocking.Block(new BlockedRecord(TENANT, "payments", key, "acct", "{}"), parent,
                BlockReason.reason(parent), "payments " + key + " waits for customers acct");
    }
}

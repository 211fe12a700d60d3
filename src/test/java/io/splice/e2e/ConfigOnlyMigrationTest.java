package io.splice.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.report.CompletedRun;
import io.splice.report.RunReport;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.ReceivedRequest;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.sandbox.StoredRecord;
import io.splice.runtime.TenantsNotStartedException;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestDatabase;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A migration of a schema Splice does not ship, defined in YAML only (a temporary config directory): three levels
 * of references plus a lookup table, two tenants with their own filters, variables and rates.
 */
class ConfigOnlyMigrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    private TestStack stack;
    private ShopDatabase shop;
    private ShopDatabase east;
    private SandboxTarget sandbox;
    private SpliceUnderTest splice;

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
        shop = new ShopDatabase(stack.source().dataSource()).create();
        TestDatabase eastDatabase = stack.started(TestDatabase.create("east"));
        east = new ShopDatabase(eastDatabase.dataSource(), "E", "E").create();
        Path migrations = Files.createDirectories(workDir.resolve("config/migrations"));
        Files.writeString(migrations.resolve("shop.yaml"), ShopDatabase.definition(eastDatabase.url(), eastDatabase.user()));
        sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults().withFaults(FaultSettings.none())));
        splice = stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox,
                Map.of("splice.migrations", "file:" + migrations)));
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void everyReferenceHoldsTheParentsTargetIdChildrenNeverArriveFirstAndTenantsNeverMix() throws Exception {
        // when the three tenants run, side by side (east from its own legacy database)
        List<CompletedRun> runs = splice.runAll();

        // then all completed, and every record of each shop migrated under its own tenant
        assertThat(runs).extracting(run -> run.report().tenant()).containsExactly("east", "north", "south");
        for (CompletedRun run : runs) {
            String tenant = run.report().tenant();
            ShopDatabase database = tenant.equals("east") ? east : shop;
            String shopCode = tenant.substring(0, 1).toUpperCase(java.util.Locale.ROOT);
            assertThat(run.report().status()).isEqualTo("COMPLETED");
            for (String entity : List.of("customers", "orders", "order_lines")) {
                RunReport.EntityCounts counts = counts(run.report(), entity);
                assertThat(counts.migrated()).as("%s of %s", entity, tenant).isEqualTo(database.count(entity, shopCode));
                assertThat(counts.failed() + counts.blocked()).isZero();
                assertThat(ledgerKeys(tenant, entity)).hasSize((int) database.count(entity, shopCode));
            }
        }
        assertThat(sandbox.records("customers")).hasSize(2 * ShopDatabase.CUSTOMERS);
        assertThat(sandbox.records("customers")).filteredOn(c -> tenant(c).equals("east"))
                .allMatch(c -> "shop-east".equals(c.body().get("channel")));

        // every reference holds the parent's target id, in the same tenant
        Map<String, StoredRecord> customers = byLegacyKey(sandbox.records("customers"));
        Map<String, StoredRecord> orders = byLegacyKey(sandbox.records("orders"));
        for (StoredRecord order : orders.values()) {
            long customerId = sourceCustomerOf(order);
            StoredRecord customer = customers.get(tenant(order) + ":" + customerId);
            assertThat(customer).as("customer of %s", order.idempotencyKey()).isNotNull();
            assertThat(order.body().get("customerId")).isEqualTo(customer.id());
            if (!tenant(order).equals("east")) {
                assertThat(tenant(order)).isEqualTo(ShopDatabase.shop(customerId).equals("N") ? "north" : "south");
            }
        }
        Map<String, String> orderTargetIds = orders.values().stream()
                .collect(Collectors.toMap(StoredRecord::id, ConfigOnlyMigrationTest::tenant));
        for (StoredRecord line : sandbox.records("order-lines")) {
            assertThat(orderTargetIds.get((String) line.body().get("orderId"))).as("order of %s", line.idempotencyKey())
                    .isEqualTo(tenant(line));
            Map<?, ?> amount = (Map<?, ?>) line.body().get("amount");
            assertThat(amount.get("currency")).isEqualTo("EUR");
            assertThat(((Number) amount.get("value")).doubleValue())
                    .isEqualTo(2.5 * ((Number) line.body().get("quantity")).intValue());
        }

        // mapping: lookup table, code table, type conversion and tenant variables
        StoredRecord third = customers.get("south:6");
        assertThat(third.body()).containsEntry("country", "Belgium").containsEntry("channel", "web-south");
        assertThat(orders.get("north:1").body()).containsEntry("status", "SHIPPED").containsEntry("placedOn", "2024-03-10");

        // children never arrived before their parent
        Map<String, Long> createdAt = arrivalOfCreatedIds();
        for (StoredRecord order : orders.values()) {
            String customer = customers.get(tenant(order) + ":" + sourceCustomerOf(order)).id();
            assertThat(createdAt.get(order.id())).isGreaterThan(createdAt.get(customer));
        }
        for (StoredRecord line : sandbox.records("order-lines")) {
            assertThat(createdAt.get(line.id())).isGreaterThan(createdAt.get((String) line.body().get("orderId")));
        }
    }

    @Test
    void childrenOfAFailedParentAreBlockedWithItsReasonAndFollowItWhenItIsReplayed() throws Exception {
        // given customer 3 (north) has no e-mail, which its mapping requires
        shop.setEmail(3, null);

        // when the migration runs
        List<CompletedRun> runs = splice.runAll();

        // then the customer FAILED, its orders and their lines are BLOCKED with its reason, nothing of it was sent
        RunReport north = runs.get(1).report();
        assertThat(north.tenant()).isEqualTo("north");
        assertThat(counts(north, "customers").failed()).isEqualTo(1);
        assertThat(counts(north, "orders").blocked()).isEqualTo(3);
        assertThat(counts(north, "order_lines").blocked()).isEqualTo(shop.lineIdsOfOrdersOf(3).size());
        assertThat(statusOf("north", "customers", 3)).containsEntry("status", "FAILED")
                .containsEntry("reason", "mapping email: is required but missing");
        for (long order : shop.orderIdsOf(3)) {
            assertThat(statusOf("north", "orders", order)).containsEntry("status", "BLOCKED")
                    .containsEntry("reason", "parent customers FAILED: mapping email: is required but missing")
                    .containsEntry("blocked_by_entity", "customers").containsEntry("blocked_by_key", "3");
        }
        for (long line : shop.lineIdsOfOrdersOf(3)) {
            assertThat(statusOf("north", "order_lines", line)).containsEntry("status", "BLOCKED")
                    .containsEntry("reason", "parent orders BLOCKED: parent customers FAILED: mapping email: is required but missing");
        }
        assertThat(sandbox.records("orders")).noneMatch(order -> tenant(order).equals("north") && sourceCustomerOf(order) == 3);
        assertThat(runs).filteredOn(run -> !run.report().tenant().equals("north"))
                .allMatch(run -> run.report().failedTotal() + run.report().blockedTotal() == 0);

        // when the legacy data is fixed and the customers are replayed
        shop.setEmail(3, "fixed@example.com");
        CompletedRun replay = splice.replay("north", "customers");

        // then the customer migrated, and its children followed it in the same replay, with its target id
        assertThat(replay.report().kind()).isEqualTo("REPLAY");
        assertThat(replay.report().status()).isEqualTo("COMPLETED");
        assertThat(counts(replay.report(), "customers").migrated()).isEqualTo(1);
        assertThat(counts(replay.report(), "orders").migrated()).isEqualTo(3);
        assertThat(counts(replay.report(), "order_lines").migrated()).isEqualTo(shop.lineIdsOfOrdersOf(3).size());
        String customerId = byLegacyKey(sandbox.records("customers")).get("north:3").id();
        assertThat(sandbox.records("orders")).filteredOn(order -> tenant(order).equals("north") && sourceCustomerOf(order) == 3)
                .hasSize(3)
                .allMatch(order -> customerId.equals(order.body().get("customerId")));
        Integer notMigrated = splice.ledger().queryForObject(
                "select count(*) from splice_record where status <> 'MIGRATED'", Integer.class);
        assertThat(notMigrated).isZero();
        assertThat(sandbox.records("order-lines")).hasSize((int) (shop.count("order_lines", "N")
                + shop.count("order_lines", "S") + east.count("order_lines", "E")));
    }

    @Test
    void aTenantWhoseRunIsInProgressElsewhereIsNotStartedAndTheOthersRunAllTheSame() throws Exception {
        // given south's run is being run by a living process on another host
        splice.ledger().update("insert into splice_run (run_id, tenant, migration, kind, status, started_at, owner, "
                + "heartbeat_at) values ('elsewhere-1', 'south', 'shop', 'RUN', 'RUNNING', current_timestamp, "
                + "'4242@other-host@1', current_timestamp)");

        // when every tenant runs
        TenantsNotStartedException error = catchThrowableOfType(TenantsNotStartedException.class, () -> splice.runAll());

        // then south was refused, saying by whom, and the others completed
        assertThat(error.getMessage()).isEqualTo("tenant south did not start: Run elsewhere-1 of tenant south is in "
                + "progress in another process (4242@other-host@1); stop that process, or wait until its heartbeat is stale");
        assertThat(error.completed()).extracting(run -> run.report().tenant() + " " + run.report().status())
                .containsExactly("east COMPLETED", "north COMPLETED");
        assertThat(ledgerKeys("south", "customers")).isEmpty();
    }

    private static RunReport.EntityCounts counts(RunReport report, String entity) {
        return report.entities().stream().filter(e -> e.name().equals(entity)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + entity + " in " + report));
    }

    private Set<String> ledgerKeys(String tenant, String entity) {
        return Set.copyOf(splice.ledger().queryForList("select source_key from splice_record where tenant = ? and entity = ?",
                String.class, tenant, entity));
    }

    private Map<String, Object> statusOf(String tenant, String entity, long key) {
        return splice.ledger().queryForMap("select status, reason, blocked_by_entity, blocked_by_key from splice_record "
                + "where tenant = ? and entity = ? and source_key = ?", tenant, entity, String.valueOf(key));
    }

    /** tenant:legacyKey → record; the idempotency key is splice:tenant:entity:sourceKey. */
    private static Map<String, StoredRecord> byLegacyKey(List<StoredRecord> records) {
        return records.stream().collect(Collectors.toMap(
                r -> tenant(r) + ":" + r.idempotencyKey().substring(r.idempotencyKey().lastIndexOf(':') + 1), r -> r));
    }

    private static String tenant(StoredRecord record) {
        return record.idempotencyKey().split(":")[1];
    }

    private long sourceCustomerOf(StoredRecord order) {
        long orderId = Long.parseLong(order.idempotencyKey().substring(order.idempotencyKey().lastIndexOf(':') + 1));
        return (orderId - 1) / 3 + 1;
    }

    /** target id → when the request that created it arrived. */
    private Map<String, Long> arrivalOfCreatedIds() throws Exception {
        Map<String, Long> arrivals = new HashMap<>();
        for (ReceivedRequest request : sandbox.requests()) {
            if (request.status() == 201) {
                arrivals.put(JSON.readTree(request.responseBody()).path("id").asText(), request.arrivedNanos());
            }
        }
        return arrivals;
    }
}

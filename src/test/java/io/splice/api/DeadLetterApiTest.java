package io.splice.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.broker.DeadLetterQueue;
import io.splice.broker.Queues;
import io.splice.deadletter.DeadLetterWorkbench;
import io.splice.definition.CompiledMigration;
import io.splice.ledger.Blocking;
import io.splice.ledger.DeadLetterLedger;
import io.splice.ledger.OperatorQueries;
import io.splice.record.Keys;
import io.splice.reference.GroupOrder;
import io.splice.reference.ParentLookup;
import io.splice.reference.References;
import io.splice.target.TargetRates;
import io.splice.testing.TestLedger;
import io.splice.testing.TestMigrations;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dead-letter API's bean on a real PostgreSQL ledger: fingerprints, records in doubt, and the selection, dry runs
 * and limits of replay and discard. What reaches the replay routes is recorded by stand-ins. Not here, for want of a
 * broker: a discard that is not a dry run (it takes the dead letters off DLQ.splice.&lt;entity&gt;) and the replay
 * routes' own work (DeadLetterWorkbenchTest and DeadLetterAgreementTest do both end to end).
 */
class DeadLetterApiTest {

    private static final String YAML = """
            migration: shop
            tenants:
              - { name: north, filter: north }
              - { name: south, filter: south }
            entities:
              customers:
                source: { table: customers, columns: [id, name, region], tenantColumn: region, key: id }
                group: id
                mapping: { fields: { legacyId: id, name: name } }
                target: { path: /api/customers }
              orders:
                source: { table: orders, columns: [id, customer_id, status, total, region], tenantColumn: region, key: id }
                group: customer_id
                dependsOn: [customers]
                references: { customer_id: customers }
                mapping:
                  fields:
                    legacyId: id
                    customerId: customer_id
                    status: { column: status, codeTable: orderStatus }
                    total: { column: total, type: decimal }
                  codeTables:
                    orderStatus:
                      values: { N: NEW, S: SHIPPED }
                target: { path: /api/orders }
            """;
    private static final String TOTAL_422 = "HTTP 422 total: must be positive";
    private static final Instant T1 = Instant.parse("2026-12-06T09:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private static final Instant T3 = T1.plusSeconds(120);
    private static final String NO_SELECTION = "a selection is required: reason (a fingerprint), sourceKeys, or all: true";

    private static TestLedger ledger;
    private static CompiledMigration migration;
    private static CamelContext camel;
    private static final List<Replayed> replays = new CopyOnWriteArrayList<>();

    private EntityControls controls;
    private DeadLetterApi api;

    /** What reached a replay route: which one, and the API's headers. */
    record Replayed(String route, Map<String, Object> headers) {
    }

    @BeforeAll
    static void start() throws Exception {
        ledger = TestLedger.create("deadletterapi");
        migration = TestMigrations.compile(TestMigrations.read(YAML));
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:replay-dead-letters").routeId("replay-dead-letters")
                        .process(e -> replays.add(new Replayed("replay-dead-letters", new HashMap<>(e.getMessage().getHeaders()))));
                from("direct:replay-entity").routeId("replay-entity")
                        .process(e -> replays.add(new Replayed("replay-entity", new HashMap<>(e.getMessage().getHeaders()))));
            }
        });
        camel.start();
    }

    @AfterAll
    static void stop() throws Exception {
        camel.stop();
        ledger.close();
    }

    @BeforeEach
    void api() {
        ledger.clear();
        replays.clear();
        controls = new EntityControls(camel, migration, new TargetRates(migration));
        api = deadLetterApi(migration, controls);
    }

    private static DeadLetterApi deadLetterApi(CompiledMigration migration, EntityControls controls) {
        ObjectMapper json = new ObjectMapper();
        Blocking blocking = new Blocking(ledger.dataSource());
        References references = new References(migration, new ParentLookup(blocking, 100), blocking, json,
                new GroupOrder(migration, json, blocking));
        // a broker nobody listens on: a test that reached it would fail on "connection refused"
        DeadLetterQueue queue = new DeadLetterQueue(new ActiveMQConnectionFactory("tcp://127.0.0.1:1"), Queues.MIGRATION);
        DeadLetterWorkbench workbench = new DeadLetterWorkbench(migration, new DeadLetterLedger(ledger.dataSource()),
                queue, references, json);
        return new DeadLetterApi(camel, migration, new OperatorQueries(ledger.dataSource()), controls, workbench,
                new ApiRequests());
    }

    @Test
    void failedRecordsAreGroupedByFingerprintTheLargestGroupFirst() {
        // given
        ledger.record("north", "orders", "12", "FAILED").failed(422, TOTAL_422, "total").updatedAt(T2).insert();
        ledger.record("north", "orders", "11", "FAILED").failed(422, TOTAL_422, "total").updatedAt(T1).insert();
        ledger.record("north", "orders", "13", "FAILED").failed(null, "mapping status: not in code table orderStatus", null)
                .updatedAt(T3).insert();
        ledger.record("south", "customers", "7", "FAILED").failed(422, "HTTP 422 name, street: are required",
                "name, street").updatedAt(T1).insert();
        ledger.record("north", "orders", "14", "MIGRATED").insert();
        ledger.record("north", "orders", "15", "DISCARDED").failed(422, TOTAL_422, "total").insert();

        // when
        List<Answers.DeadLetterGroup> groups = api.deadLetters(null);

        // then: by size, then tenant, entity and reason; the smallest key as sample, the latest failure as last seen
        assertThat(groups).containsExactly(
                new Answers.DeadLetterGroup("north", "orders", 422, TOTAL_422, 2, "11", T2, List.of("total")),
                new Answers.DeadLetterGroup("north", "orders", null, "mapping status: not in code table orderStatus",
                        1, "13", T3, List.of()),
                new Answers.DeadLetterGroup("south", "customers", 422, "HTTP 422 name, street: are required", 1, "7", T1,
                        List.of("name", "street")));
        assertThat(api.deadLetters("south")).extracting(Answers.DeadLetterGroup::tenant).containsExactly("south");
        assertRefused(() -> api.deadLetters("east"), 404,
                "tenant: Migration shop has no tenant 'east' (tenants: north, south)");
    }

    @Test
    void recordsInDoubtAreListedNewestFirstByTenantAndEntity() {
        // given
        ledger.record("north", "orders", "1", "FAILED").inDoubt("timeout").updatedAt(T1).insert();
        ledger.record("north", "customers", "1", "MIGRATED").targetId("c-1").inDoubt("connection reset")
                .updatedAt(T3).insert();
        ledger.record("south", "orders", "9", "QUEUED").run("run-2").inDoubt("crash").updatedAt(T2).insert();
        ledger.record("north", "orders", "2", "FAILED").updatedAt(T3).insert();

        // then
        assertThat(api.inDoubt(null, null)).containsExactly(
                new Answers.InDoubtRecord("north", "customers", "1", "MIGRATED", "connection reset", "c-1", "run-1", T3),
                new Answers.InDoubtRecord("south", "orders", "9", "QUEUED", "crash", null, "run-2", T2),
                new Answers.InDoubtRecord("north", "orders", "1", "FAILED", "timeout", null, "run-1", T1));
        assertThat(api.inDoubt("north", null)).extracting(Answers.InDoubtRecord::sourceKey).containsExactly("1", "1");
        assertThat(api.inDoubt(null, "orders")).extracting(Answers.InDoubtRecord::sourceKey).containsExactly("9", "1");
        assertThat(api.inDoubt("north", "orders")).extracting(Answers.InDoubtRecord::sourceKey).containsExactly("1");
        assertRefused(() -> api.inDoubt("east", null), 404,
                "tenant: Migration shop has no tenant 'east' (tenants: north, south)");
        assertRefused(() -> api.inDoubt(null, "invoices"), 404,
                "entity: Migration shop has no entity 'invoices' (entities: customers, orders)");
    }

    @Test
    void theInDoubtListingStopsAtAThousandTheNewest() {
        ledger.jdbc().update("insert into splice_record (tenant, entity, source_key, status, run_id, attempts, updated_at,"
                + " in_doubt, in_doubt_reason) select 'north', 'orders', lpad(g::text, 4, '0'), 'FAILED', 'run-1', 1,"
                + " timestamp '2026-12-06 09:00:00' + g * interval '1 second', true, 'timeout'"
                + " from generate_series(1, 1001) g");

        List<Answers.InDoubtRecord> listed = api.inDoubt(null, null);

        assertThat(listed).hasSize(1000);
        assertThat(listed.get(0).sourceKey()).isEqualTo("1001");
        assertThat(listed.get(999).sourceKey()).isEqualTo("0002");
    }

    @Test
    void aReplayNeedsAKnownEntityATenantOfSeveralAndExactlyOneKindOfSelection() {
        givenFailedOrders();

        assertRefused(() -> api.replay("{}"), 400, "entity: required (a text of at most 100 characters)");
        assertRefused(() -> api.replay("{\"entity\": \"orders\", \"tenant\": \"north\", \"all\": true, \"from\": \"dlq\"}"),
                400, "from: must be dead-letters or source, was 'dlq'");
        assertRefused(() -> api.replay("{\"entity\": \"invoices\", \"tenant\": \"north\", \"all\": true}"), 404,
                "entity: Migration shop has no entity 'invoices' (entities: customers, orders)");
        assertRefused(() -> api.replay("{\"entity\": \"orders\", \"all\": true}"), 400,
                "tenant: required: the migration has tenants north, south");
        assertRefused(() -> api.replay("{\"entity\": \"orders\", \"tenant\": \"east\", \"all\": true}"), 404,
                "tenant: Migration shop has no tenant 'east' (tenants: north, south)");
        assertRefused(() -> api.replay("{\"entity\": \"orders\", \"tenant\": \"north\", \"all\": true, \"sourceKeys\": [\"1\"]}"),
                400, "all: true selects every FAILED record and takes no reason or sourceKeys");
        assertRefused(() -> api.replay("{\"entity\": \"orders\", \"tenant\": \"north\", \"all\": true, \"reason\": \"x\"}"),
                400, "all: true selects every FAILED record and takes no reason or sourceKeys");
        assertRefused(() -> api.replay("{\"entity\": \"orders\", \"tenant\": \"north\"}"), 400, NO_SELECTION);
        assertRefused(() -> api.replay("{\"entity\": \"orders\", \"tenant\": \"north\", \"all\": false, \"sourceKeys\": []}"),
                400, NO_SELECTION);
        assertRefused(() -> api.replay("{\"entity\": \"orders\", \"tenant\": \"north\", \"reasn\": \"x\"}"), 400,
                "unknown field 'reasn' (fields: entity, tenant, reason, sourceKeys, all, dryRun, from, rate)");
        assertRefused(() -> api.replay("{\"entity\": \"orders\", \"tenant\": \"north\", \"reason\": \"HTTP 503\"}"), 404,
                "reason: no FAILED record of orders (tenant north) has the fingerprint 'HTTP 503'");
        assertRefused(() -> api.replay("{\"entity\": \"orders\", \"tenant\": \"south\", \"reason\": \"" + TOTAL_422 + "\"}"),
                404, "reason: no FAILED record of orders (tenant south) has the fingerprint '" + TOTAL_422 + "'");
        assertRefused(() -> api.replay("{\"entity\": \"orders\", \"tenant\": \"north\", \"all\": true, \"rate\": 0}"), 400,
                "rate: must be a whole number from 1 to 10000, was 0");

        assertThat(replays).isEmpty();
        assertThat(controls.getRates()).containsEntry("orders", 50);
        assertOrdersStillFailed();
    }

    @Test
    void aSelectionIsBoundedInSizeAndLength() {
        String keys = IntStream.range(0, 1001).mapToObj(i -> "\"" + i + "\"").collect(Collectors.joining(", "));
        assertRefused(() -> api.replay("{\"entity\": \"orders\", \"tenant\": \"north\", \"sourceKeys\": [" + keys + "]}"),
                400, "sourceKeys: at most 1000 entries, was 1001");
        assertRefused(() -> api.replay("{\"entity\": \"orders\", \"tenant\": \"north\", \"sourceKeys\": [\""
                + "k".repeat(201) + "\"]}"), 400, "sourceKeys: entries are texts of 1 to 200 characters");
        assertRefused(() -> api.discard("{\"entity\": \"orders\", \"tenant\": \"north\", \"sourceKeys\": [null], \"why\": \"x\"}"),
                400, "sourceKeys: entries are texts of 1 to 200 characters");
        assertRefused(() -> api.discard("{\"entity\": \"orders\", \"tenant\": \"north\", \"reason\": \""
                + "r".repeat(1001) + "\", \"dryRun\": true}"), 400, "reason: at most 1000 characters, was 1001");
    }

    @Test
    void aDryRunReplayAnswersWhatEachRecordWouldDoAndChangesNothing() throws Exception {
        // given four FAILED orders: one sendable, one the code table refuses, two whose customer is not migrated
        givenFailedOrders();

        // when
        Object answer = api.replay("{\"entity\": \"orders\", \"tenant\": \"north\", \"all\": true, \"dryRun\": true}");

        // then
        Map<String, Object> sendable = new LinkedHashMap<>();
        sendable.put("legacyId", 1);
        sendable.put("customerId", 101L);
        sendable.put("status", "NEW");
        sendable.put("total", new java.math.BigDecimal("12.5"));
        assertThat(answer).isInstanceOfSatisfying(Answers.ReplayPreview.class, preview -> {
            assertThat(preview.entity()).isEqualTo("orders");
            assertThat(preview.tenant()).isEqualTo("north");
            assertThat(preview.dryRun()).isTrue();
            assertThat(preview.sourceKeys()).containsExactly("1", "2", "3", "4");
            assertThat(preview.more()).isFalse();
            assertThat(preview.records()).isEqualTo(4);
            assertThat(preview.wouldSend()).isEqualTo(1);
            assertThat(preview.wouldFailMapping()).isEqualTo(1);
            assertThat(preview.wouldBeBlocked()).isEqualTo(2);
            assertThat(preview.samples()).containsExactly(
                    Map.of("sourceKey", "1", "failedWith", TOTAL_422, "wouldSend", sendable),
                    Map.of("sourceKey", "2", "failedWith", TOTAL_422,
                            "wouldFail", "mapping status: has no entry in code table orderStatus"),
                    Map.of("sourceKey", "3", "failedWith", "HTTP 500",
                            "wouldBeBlocked", "parent customers FAILED: HTTP 422 name: is required"),
                    Map.of("sourceKey", "4", "failedWith", "HTTP 500", "wouldBeBlocked", "parent customers never migrated"));
        });
        assertThat(api.status(answer)).isEqualTo(200);
        assertThat(replays).isEmpty();
        assertOrdersStillFailed();
    }

    @Test
    void aReplayFromTheDeadLettersHandsExactlyTheChosenKeysToItsRouteAtTheGivenRate() throws Exception {
        givenFailedOrders();

        // when
        Object answer = api.replay("{\"entity\": \"orders\", \"tenant\": \"north\", \"reason\": \"" + TOTAL_422
                + "\", \"rate\": 7}");

        // then: accepted (202), the keys of that fingerprint, the rate set before the records go
        assertThat(answer).isEqualTo(new Answers.ReplayAccepted(true, "orders", "north", "dead-letters",
                List.of("1", "2"), false, 2, "/api/runs"));
        assertThat(api.status(answer)).isEqualTo(202);
        assertThat(controls.getRates()).containsEntry("orders", 7);
        await().atMost(Duration.ofSeconds(5)).until(() -> replays.size() == 1);
        Replayed replayed = replays.get(0);
        assertThat(replayed.route()).isEqualTo("replay-dead-letters");
        assertThat(replayed.headers()).containsEntry(Keys.TENANT_HEADER, "north")
                .containsEntry(Keys.REPLAY_ENTITY, "orders")
                .containsEntry(DeadLetterWorkbench.CHOSEN,
                        new DeadLetterWorkbench.Chosen("north", "orders", List.of("1", "2"), false));
        // and: the route, not the API, queues them again
        assertOrdersStillFailed();
    }

    @Test
    void aReplayFromTheSourceGoesToTheEntitysExtractWithOnlyTheFailedKeysNamed() throws Exception {
        givenFailedOrders();
        ledger.record("north", "orders", "8", "MIGRATED").insert();

        Object answer = api.replay("{\"entity\": \"orders\", \"tenant\": \"north\", \"sourceKeys\": [\"4\", \"8\", \"9\", \"1\"],"
                + " \"from\": \"source\"}");

        assertThat(answer).isEqualTo(new Answers.ReplayAccepted(true, "orders", "north", "source", List.of("1", "4"),
                false, 2, "/api/runs"));
        await().atMost(Duration.ofSeconds(5)).until(() -> replays.size() == 1);
        assertThat(replays.get(0).route()).isEqualTo("replay-entity");
        assertThat(replays.get(0).headers()).containsEntry(DeadLetterWorkbench.CHOSEN,
                new DeadLetterWorkbench.Chosen("north", "orders", List.of("1", "4"), false));
        assertThat(controls.getRates()).containsEntry("orders", 50);
    }

    @Test
    void aReplayOfKeysNoLongerFailedStartsNothing() throws Exception {
        ledger.record("north", "orders", "8", "MIGRATED").insert();

        Object answer = api.replay("{\"entity\": \"orders\", \"tenant\": \"north\", \"sourceKeys\": [\"8\", \"9\"]}");

        assertThat(answer).isEqualTo(new Answers.ReplayAccepted(false, "orders", "north", "dead-letters", List.of(),
                false, 0, "/api/runs"));
        assertThat(api.status(answer)).isEqualTo(200);
        assertThat(replays).isEmpty();
    }

    @Test
    void aDiscardRecordsWhySoADryRunIsTheOnlyOneWithoutIt() throws Exception {
        givenFailedOrders();

        assertRefused(() -> api.discard("{\"entity\": \"orders\", \"tenant\": \"north\", \"all\": true}"), 400,
                "why: required: a discard records why in the ledger");
        assertRefused(() -> api.discard("{\"entity\": \"orders\", \"tenant\": \"north\", \"all\": true, \"why\": \"  \"}"),
                400, "why: required: a discard records why in the ledger");
        assertRefused(() -> api.discard("{\"entity\": \"orders\", \"tenant\": \"north\", \"all\": true, \"why\": \""
                + "w".repeat(2001) + "\"}"), 400, "why: at most 2000 characters, was 2001");
        assertRefused(() -> api.discard("{\"entity\": \"orders\", \"tenant\": \"north\", \"why\": \"test data\"}"), 400,
                NO_SELECTION);
        assertRefused(() -> api.discard("{\"entity\": \"orders\", \"why\": \"test data\", \"all\": true}"), 400,
                "tenant: required: the migration has tenants north, south");

        Answers.Discarded dryRun = api.discard("{\"entity\": \"orders\", \"tenant\": \"north\", \"reason\": \"HTTP 500\","
                + " \"dryRun\": true}");

        assertThat(dryRun).isEqualTo(new Answers.Discarded("orders", "north", true, List.of("3", "4"), false, 2, 0));
        assertOrdersStillFailed();
    }

    @Test
    void aSelectionTakesAtMostTenThousandRecordsInKeyOrderAndSaysThatThereAreMore() throws Exception {
        ledger.jdbc().update("insert into splice_record (tenant, entity, source_key, status, run_id, attempts, reason,"
                + " updated_at) select 'north', 'orders', 'K' || lpad(g::text, 5, '0'), 'FAILED', 'run-1', 1, 'HTTP 500',"
                + " now() from generate_series(1, 10001) g");

        Answers.Discarded dryRun = api.discard("{\"entity\": \"orders\", \"tenant\": \"north\", \"all\": true,"
                + " \"dryRun\": true}");

        assertThat(dryRun.records()).isEqualTo(10_000);
        assertThat(dryRun.more()).isTrue();
        assertThat(dryRun.sourceKeys()).hasSize(10_000).startsWith("K00001").endsWith("K10000");
    }

    @Test
    void theOnlyTenantIsTheDefaultOfASelection() throws Exception {
        // given a migration without tenants: its one tenant is "default"
        CompiledMigration single = TestMigrations.compile(TestMigrations.read(YAML.replace("""
                tenants:
                  - { name: north, filter: north }
                  - { name: south, filter: south }
                """, "")));
        DeadLetterApi singleApi = deadLetterApi(single, new EntityControls(camel, single, new TargetRates(single)));
        ledger.record("default", "orders", "5", "FAILED").failed(500, "HTTP 500", null).insert();

        Answers.Discarded dryRun = singleApi.discard("{\"entity\": \"orders\", \"all\": true, \"dryRun\": true}");

        assertThat(dryRun).isEqualTo(new Answers.Discarded("orders", "default", true, List.of("5"), false, 1, 0));
    }

    /**
     * North's FAILED orders 1 and 2 (422 on total; 2's status is not in the code table), 3 and 4 (HTTP 500; 3's
     * customer FAILED, 4's never read). Customer 1 is migrated as 101.
     */
    private static void givenFailedOrders() {
        ledger.record("north", "customers", "1", "MIGRATED").targetId("101").insert();
        ledger.record("north", "customers", "3", "FAILED").failed(422, "HTTP 422 name: is required", "name").insert();
        order("1", 1, "N", TOTAL_422, 422);
        order("2", 1, "X", TOTAL_422, 422);
        order("3", 3, "N", "HTTP 500", 500);
        order("4", 4, "S", "HTTP 500", 500);
    }

    private static void order(String key, int customer, String status, String reason, int httpStatus) {
        ledger.record("north", "orders", key, "FAILED").group(String.valueOf(customer)).failed(httpStatus, reason, null)
                .payload("{\"id\": " + key + ", \"customer_id\": " + customer + ", \"status\": \"" + status
                        + "\", \"total\": 12.5}").insert();
    }

    private static void assertOrdersStillFailed() {
        assertThat(ledger.jdbc().queryForList("select source_key from splice_record where entity = 'orders'"
                + " and status = 'FAILED' order by source_key", String.class)).containsExactly("1", "2", "3", "4");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status,
                                      String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).as("status of %s", message).isEqualTo(status);
            assertThat(e).hasMessage(message);
        });
    }
}

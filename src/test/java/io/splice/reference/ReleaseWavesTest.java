package io.splice.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.splice.definition.CompiledMigration;
import io.splice.ledger.BlockedRecord;
import io.splice.ledger.Blocking;
import io.splice.ledger.Ledger;
import io.splice.record.Keys;
import io.splice.testing.TestLedger;
import io.splice.testing.TestMigrations;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Waves of released records on a real ledger: when they go (only once every record left in flight is a released
 * one), in which order, and what the send-released route leaves in the ledger. The route is a stand-in that records
 * each wave and, like the real one, marks it sent or unsendable.
 */
class ReleaseWavesTest {

    // levels: [customers, products], [orders], [lines]; lines has a composite key (region text, id number)
    private static final String YAML = """
            migration: shop
            tenants:
              - { name: north, filter: north }
              - { name: south, filter: south }
            entities:
              customers:
                source: { table: customers, columns: [id, region], tenantColumn: region, key: id }
                group: id
                mapping: { fields: { legacyId: id } }
                target: { path: /api/customers }
              products:
                source: { table: products, columns: [code, region], tenantColumn: region, key: code, keyType: [text] }
                group: code
                mapping: { fields: { code: code } }
                target: { path: /api/products }
              orders:
                source: { table: orders, columns: [id, customer_id, region], tenantColumn: region, key: id }
                group: customer_id
                dependsOn: [customers]
                references: { customer_id: customers }
                mapping: { fields: { legacyId: id, customerId: customer_id } }
                target: { path: /api/orders }
              lines:
                source:
                  table: lines
                  columns: [region, id, order_id]
                  tenantColumn: region
                  key: [region, id]
                  keyType: [text, number]
                group: order_id
                dependsOn: [orders]
                references: { order_id: orders }
                mapping: { fields: { legacyId: id, orderId: order_id } }
                target: { path: /api/lines }
            """;
    private static final List<String> ORDERS_LEVEL = List.of("orders");

    private static TestLedger ledger;
    private static CompiledMigration migration;
    private static CamelContext camel;
    private static ReleaseWaves waves;
    private static final List<List<BlockedRecord>> sentWaves = new CopyOnWriteArrayList<>();
    private static final List<String> sentForRuns = new CopyOnWriteArrayList<>();
    private static volatile boolean brokerDown;

    @BeforeAll
    static void start() throws Exception {
        ledger = TestLedger.create("releasewaves");
        migration = TestMigrations.compile(TestMigrations.read(YAML));
        camel = new DefaultCamelContext();
        waves = new ReleaseWaves(camel, migration, new Blocking(ledger.dataSource()), new Ledger(ledger.dataSource()));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // as routes/pipeline.camel.yaml's send-released: sent once on the broker, unsendable when that fails
                from("direct:send-released").routeId("send-released")
                        .doTry()
                            .process(exchange -> {
                                sentWaves.add(List.copyOf(exchange.getMessage().getBody(List.class)));
                                sentForRuns.add(exchange.getProperty(Keys.RUN_ID, String.class));
                                if (brokerDown) {
                                    throw new IllegalStateException("the broker does not answer");
                                }
                            })
                            .bean(waves, "sent")
                        .doCatch(Exception.class)
                            .bean(waves, "unsendable")
                        .end();
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
    void emptyLedger() {
        ledger.clear();
        sentWaves.clear();
        sentForRuns.clear();
        brokerDown = false;
    }

    @Test
    void theLevelsAreAsTheWavesExpectThem() {
        assertThat(migration.levels()).containsExactly(List.of("customers", "products"), List.of("orders"),
                List.of("lines"));
    }

    @Test
    void aWaveIsInLevelOrderThenTenantGroupAndSourceKeyAsTheExtractReadsIt() {
        // given released records in the order their parents happened to migrate
        List<BlockedRecord> released = List.of(
                record("north", "lines", "north|10", "O1"),
                record("south", "orders", "2", "1"),
                record("north", "orders", "10", "1"),
                record("north", "lines", "n\\|x|1", "O1"),
                record("north", "products", "b", "b"),
                record("north", "orders", "1", "2"),
                record("north", "orders", "9", "1"),
                record("north", "lines", "north|9", "O1"),
                record("north", "orders", "100", "1"),
                record("north", "orders", "5", null),
                record("north", "products", "a10", "a10"),
                record("north", "customers", "3", "3"));

        // when
        List<BlockedRecord> sorted = waves.inSourceOrder(released);

        // then: level 0 (customers, products), orders, lines; numbers as numbers, texts as texts, no group first;
        // a composite key column by column ("n|x" after "north": compared decoded, not as the escaped text)
        assertThat(sorted).extracting(r -> r.entity() + " " + r.tenant() + " " + r.groupKey() + " " + r.sourceKey())
                .containsExactly(
                        "customers north 3 3",
                        "products north a10 a10",
                        "products north b b",
                        "orders north null 5",
                        "orders north 1 9",
                        "orders north 1 10",
                        "orders north 1 100",
                        "orders north 2 1",
                        "orders south 1 2",
                        "lines north O1 north|9",
                        "lines north O1 north|10",
                        "lines north O1 n\\|x|1");
        assertThat(released).as("the given list is left as it was").first().isEqualTo(record("north", "lines",
                "north|10", "O1"));
    }

    @Test
    void nothingQueuedIsNothingInFlightAndNoWave() {
        ledger.record("north", "orders", "1", "MIGRATED").group("1").insert();
        ledger.record("north", "orders", "2", "FAILED").group("1").insert();

        assertThat(waves.inFlight("run-1", ORDERS_LEVEL)).isZero();
        assertThat(waves.inFlight("run-1", null)).isZero();
        assertThat(sentWaves).isEmpty();
    }

    @Test
    void releasedRecordsWaitWhileOtherRecordsOfTheLevelAreWithoutOutcome() {
        // given two released records and one the extract queued, still on the broker
        released("north", "orders", "1", "1");
        released("north", "orders", "2", "1");
        ledger.record("north", "orders", "3", "QUEUED").group("2").insert();

        // when
        long inFlight = waves.inFlight("run-1", ORDERS_LEVEL);

        // then: all three are in flight; the released ones still wait, naming their parent
        assertThat(inFlight).isEqualTo(3);
        assertThat(sentWaves).isEmpty();
        assertThat(blockedBy("orders", "1")).isEqualTo("customers C1");
        assertThat(blockedBy("orders", "2")).isEqualTo("customers C2");
    }

    @Test
    void whenOnlyReleasedRecordsAreLeftTheyGoAsOneWaveInSourceOrderOnce() {
        // given the level's records without outcome are all released ones (inserted as their parents migrated)
        released("north", "orders", "10", "1");
        released("south", "orders", "2", "1");
        released("north", "orders", "9", "1");
        released("north", "orders", "1", "2");
        released("north", "orders", "100", "1");
        // and: records of another level, of another run, and with an outcome, none of which is this level's wave
        ledger.record("north", "customers", "7", "QUEUED").group("7").insert();
        ledger.record("north", "orders", "50", "QUEUED").group("3").run("run-2").blockedBy("customers", "C3").insert();
        ledger.record("north", "orders", "60", "MIGRATED").group("3").insert();

        // when
        long inFlight = waves.inFlight("run-1", ORDERS_LEVEL);

        // then: one wave of exactly the five, by tenant, group and numeric key, for this run
        assertThat(inFlight).isEqualTo(5);
        assertThat(sentWaves).hasSize(1);
        assertThat(sentWaves.get(0)).containsExactly(
                record("north", "orders", "9", "1"),
                record("north", "orders", "10", "1"),
                record("north", "orders", "100", "1"),
                record("north", "orders", "1", "2"),
                record("south", "orders", "2", "1"));
        assertThat(sentForRuns).containsExactly("run-1");
        // and: sent, they wait no more for a wave but for their outcome, still QUEUED
        assertThat(ledger.jdbc().queryForObject("select count(*) from splice_record where run_id = 'run-1'"
                + " and entity = 'orders' and status = 'QUEUED' and blocked_by_entity is null", Long.class)).isEqualTo(5);
        assertThat(blockedBy("orders", "50")).isEqualTo("customers C3");

        // when the step asks again while their outcomes are still out
        long again = waves.inFlight("run-1", ORDERS_LEVEL);

        // then: still in flight, and not sent a second time
        assertThat(again).isEqualTo(5);
        assertThat(sentWaves).hasSize(1);
    }

    @Test
    void aLevelSendsOnlyItsOwnReleasedRecordsAndAReplayWaitsForTheOutcomesOfTheWaveBefore() {
        // given a run released lines (a composite key), orders and customers
        released("north", "lines", "north|10", "O1");
        released("north", "orders", "4", "1");
        released("north", "lines", "north|9", "O1");
        released("north", "customers", "12", "12");

        // when the lines' level asks: the orders and customers are not its records
        assertThat(waves.inFlight("run-1", List.of("lines"))).isEqualTo(2);
        assertThat(sentWaves).containsExactly(List.of(record("north", "lines", "north|9", "O1"),
                record("north", "lines", "north|10", "O1")));

        // when a replay (no level) asks while the lines sent have no outcome yet: the others keep waiting
        assertThat(waves.inFlight("run-1", null)).isEqualTo(4);
        assertThat(sentWaves).hasSize(1);

        // when the lines have their outcome
        ledger.jdbc().update("update splice_record set status = 'MIGRATED' where entity = 'lines'");
        long inFlight = waves.inFlight("run-1", null);

        // then: the rest of the run's released records go, each entity in its level's order
        assertThat(inFlight).isEqualTo(2);
        assertThat(sentWaves).hasSize(2);
        assertThat(sentWaves.get(1)).containsExactly(record("north", "customers", "12", "12"),
                record("north", "orders", "4", "1"));
    }

    @Test
    void aWaveThatCannotBeSentIsBlockedAgainAndNoLongerInFlight() {
        // given
        released("north", "orders", "1", "1");
        released("north", "orders", "2", "1");
        brokerDown = true;

        // when
        long inFlight = waves.inFlight("run-1", ORDERS_LEVEL);

        // then: the wave was tried once; its records are BLOCKED again, still naming their parents
        assertThat(inFlight).isEqualTo(2);
        assertThat(sentWaves).hasSize(1);
        assertThat(ledger.statusOf("north", "orders", "1")).isEqualTo("BLOCKED");
        assertThat(ledger.statusOf("north", "orders", "2")).isEqualTo("BLOCKED");
        assertThat(blockedBy("orders", "1")).isEqualTo("customers C1");
        assertThat(waves.inFlight("run-1", ORDERS_LEVEL)).isZero();
        assertThat(sentWaves).hasSize(1);
    }

    /** QUEUED for run-1 by its parent's migration, still naming the parent: waiting for its wave. */
    private static void released(String tenant, String entity, String key, String group) {
        ledger.record(tenant, entity, key, "QUEUED").group(group).payload(payload(key))
                .blockedBy(entity.equals("lines") ? "orders" : "customers", "C" + key).insert();
    }

    private static BlockedRecord record(String tenant, String entity, String key, String group) {
        return new BlockedRecord(tenant, entity, key, group, payload(key));
    }

    private static String payload(String key) {
        return "{\"id\":\"" + key.replace("\\", "\\\\") + "\"}";
    }

    private static String blockedBy(String entity, String key) {
        return ledger.jdbc().queryForObject("select blocked_by_entity || ' ' || blocked_by_key from splice_record"
                + " where tenant = 'north' and entity = ? and source_key = ?", String.class, entity, key);
    }
}

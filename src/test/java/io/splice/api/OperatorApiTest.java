package io.splice.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.splice.definition.CompiledMigration;
import io.splice.definition.MigrationDefinition;
import io.splice.ledger.Ledger;
import io.splice.ledger.OperatorQueries;
import io.splice.ledger.Runs;
import io.splice.ledger.Stages;
import io.splice.plan.Plan;
import io.splice.record.Keys;
import io.splice.report.RunReport;
import io.splice.report.RunReportBuilder;
import io.splice.target.TargetAvailability;
import io.splice.target.TargetRates;
import io.splice.testing.TestLedger;
import io.splice.testing.TestMigrations;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator API's bean without Camel Main: a plain Camel context whose direct:run-tenants records what a run
 * start sends, load routes to pause and resize, and a real PostgreSQL ledger for runs and progress.
 */
class OperatorApiTest {

    static final String YAML = """
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
                source: { table: orders, columns: [id, customer_id, region], tenantColumn: region, key: id }
                group: customer_id
                dependsOn: [customers]
                references: { customer_id: customers }
                mapping: { fields: { legacyId: id, customerId: customer_id } }
                target: { path: /api/orders, rate: 20 }
            plan:
              parameters:
                dryRunFirst: { type: boolean, default: false }
                secondsToWait: { type: integer, default: 30 }
              stages:
                - name: customers
                  migrate: [customers]
                - name: orders
                  migrate: [orders]
            """;
    private static final Instant NOW = Instant.parse("2026-12-06T10:15:30Z");

    private static TestLedger ledger;
    private static MigrationDefinition definition;
    private static CompiledMigration migration;
    private static CamelContext camel;
    private static final List<Map<String, Object>> runStarts = new CopyOnWriteArrayList<>();
    private static volatile CountDownLatch runGoesOn = new CountDownLatch(0);

    private final ScheduledExecutorService probes = Executors.newSingleThreadScheduledExecutor();
    private TargetAvailability availability;
    private EntityControls controls;
    private OperatorApi api;

    @BeforeAll
    static void start() throws Exception {
        ledger = TestLedger.create("operatorapi");
        definition = TestMigrations.read(YAML);
        migration = TestMigrations.compile(definition);
        camel = new DefaultCamelContext();
        camel.addComponent("jms", JmsLoadRoutes.component());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run-tenants").routeId("run-tenants")
                        .process(exchange -> {
                            runStarts.add(new HashMap<>(exchange.getMessage().getHeaders()));
                            runGoesOn.await(10, TimeUnit.SECONDS);
                        });
                // as Splice's, every entity's load route consumes its queue; none runs unless a test starts it
                from(JmsLoadRoutes.uri("customers", 1)).routeId("load-customers").autoStartup(false).log("${body}");
                from(JmsLoadRoutes.uri("orders", 2)).routeId("load-orders").autoStartup(false).log("${body}");
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
    void api() throws Exception {
        ledger.clear();
        runStarts.clear();
        availability = new TargetAvailability(entity -> () -> false, 1, Duration.ofHours(1), probes,
                Clock.fixed(NOW, ZoneOffset.UTC));
        controls = new EntityControls(camel, migration, new TargetRates(migration));
        Ledger records = new Ledger(ledger.dataSource());
        RunReportBuilder reports = new RunReportBuilder(records, new Runs(ledger.dataSource()),
                new Stages(ledger.dataSource()), Plan.of(definition));
        api = new OperatorApi(camel, migration, Plan.of(definition).definition(), new OperatorQueries(ledger.dataSource()),
                reports, controls, new ApiRequests(), availability);
    }

    @AfterEach
    void stopProbes() throws Exception {
        camel.getRouteController().stopRoute("load-customers");
        runGoesOn.countDown();
        probes.shutdownNow();
    }

    @Test
    void aRunOfOneTenantIsStartedInTheBackgroundWithItsParametersAsTheCliWritesThem() {
        // given a run that goes on until the test lets it
        runGoesOn = new CountDownLatch(1);

        // when
        Answers.RunAccepted accepted = api.startRun(
                "{\"tenant\": \"south\", \"parameters\": {\"dryRunFirst\": true, \"secondsToWait\": 45}}");

        // then: answered while the run still goes on
        assertThat(accepted).isEqualTo(new Answers.RunAccepted(true, List.of("south"),
                Map.of("dryRunFirst", "true", "secondsToWait", "45"), "/api/runs"));
        await().atMost(Duration.ofSeconds(5)).until(() -> runStarts.size() == 1);
        assertThat(runGoesOn.getCount()).isEqualTo(1);
        Map<String, Object> headers = runStarts.get(0);
        assertThat(headers.get(Keys.TENANT_HEADER)).isEqualTo("south");
        assertThat(headers.get(Keys.PARAMETERS_HEADER)).isEqualTo(Map.of("dryRunFirst", "true", "secondsToWait", "45"));
    }

    @Test
    void anEmptyBodyStartsEveryTenantWithThePlansDefaults() {
        Answers.RunAccepted accepted = api.startRun("");

        assertThat(accepted).isEqualTo(new Answers.RunAccepted(true, List.of("north", "south"), Map.of(), "/api/runs"));
        await().atMost(Duration.ofSeconds(5)).until(() -> runStarts.size() == 1);
        assertThat(runStarts.get(0).get(Keys.TENANT_HEADER)).isNull();
        assertThat(runStarts.get(0).get(Keys.PARAMETERS_HEADER)).isEqualTo(Map.of());
    }

    @Test
    void numbersAndTextsAreWrittenAsGiven() {
        Answers.RunAccepted accepted = api.startRun(
                "{\"parameters\": {\"secondsToWait\": \"60\", \"dryRunFirst\": \"FALSE\"}}");

        assertThat(accepted.parameters()).containsExactly(Map.entry("secondsToWait", "60"),
                Map.entry("dryRunFirst", "FALSE"));
        await().atMost(Duration.ofSeconds(5)).until(() -> runStarts.size() == 1);
    }

    @Test
    void aRequestThatIsNotAStartRunIsA400NamingWhatIsWrongAndStartsNothing() {
        assertRefused("{\"tenant\": \"north\"", 400,
                "malformed JSON at line 1, column 19 (field tenant): Unexpected end-of-input: expected close marker for Object"
                        + " (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled);"
                        + " line: 1, column: 1])");
        assertRefused("{\"tenants\": \"north\"}", 400, "unknown field 'tenants' (fields: tenant, parameters)");
        assertRefused("{\"tenant\": 5}", 400, "tenant: a text of at most 100 characters");
        assertRefused("{\"tenant\": \"" + "n".repeat(101) + "\"}", 400, "tenant: at most 100 characters, was 101");
        assertRefused("{\"parameters\": [\"dryRunFirst\"]}", 400,
                "parameters: an object of texts by name, at most 100");
        assertRefused("{\"parameters\": {" + IntStream.range(0, 101).mapToObj(i -> "\"p" + i + "\": 1")
                .collect(Collectors.joining(", ")) + "}}", 400, "parameters: at most 100 entries, was 101");
        assertThat(runStarts).isEmpty();
    }

    @Test
    void anUnknownTenantIsA404() {
        assertRefused("{\"tenant\": \"east\"}", 404, "tenant: Migration shop has no tenant 'east' (tenants: north, south)");
        assertThat(runStarts).isEmpty();
    }

    @Test
    void parametersAreCheckedAsTheCliChecksThemBeforeTheRunStarts() {
        assertRefused("{\"parameters\": {\"dryRunFirst\": [true]}}", 400,
                "parameters.dryRunFirst: must be a text, a number or true/false");
        assertRefused("{\"parameters\": {\"dryRunFirst\": null}}", 400,
                "parameters.dryRunFirst: must be a text, a number or true/false");
        assertRefused("{\"parameters\": {\"speed\": 3}}", 400,
                "parameters: Unknown plan parameter 'speed' (parameters: dryRunFirst, secondsToWait)");
        assertRefused("{\"parameters\": {\"dryRunFirst\": \"yes\"}}", 400,
                "parameters: Plan parameter dryRunFirst: must be true or false, was 'yes'");
        assertRefused("{\"parameters\": {\"secondsToWait\": \"soon\"}}", 400,
                "parameters: Plan parameter secondsToWait: must be a whole number, was 'soon'");
        assertRefused("{\"parameters\": {\"secondsToWait\": 2.5}}", 400,
                "parameters: Plan parameter secondsToWait: must be a whole number, was '2.5'");
        assertRefused("{\"parameters\": {\"secondsToWait\": 12345678901234567890}}", 400,
                "parameters: Plan parameter secondsToWait: must be a whole number, was '12345678901234567890'");
        assertThat(runStarts).isEmpty();
    }

    @Test
    void theLatestFiftyRunsNewestFirst() {
        // given 52 runs, a minute apart; the newest failed
        Instant first = Instant.parse("2026-12-01T08:00:00Z");
        for (int i = 0; i < 51; i++) {
            ledger.run(String.format("run-%02d", i), i % 2 == 0 ? "north" : "south", "COMPLETED",
                    first.plus(i, ChronoUnit.MINUTES), first.plus(i, ChronoUnit.MINUTES).plusSeconds(30));
        }
        ledger.run("run-51", "north", "RUNNING", first.plus(51, ChronoUnit.MINUTES), null);
        ledger.jdbc().update("update splice_run set status = 'FAILED', error = 'extract of orders failed'"
                + " where run_id = 'run-50'");

        // when
        List<Answers.RunSummary> runs = api.runs();

        // then
        assertThat(runs).hasSize(50);
        assertThat(runs.get(0)).isEqualTo(new Answers.RunSummary("run-51", "north", "shop", "RUN", "RUNNING",
                first.plus(51, ChronoUnit.MINUTES), null, null));
        assertThat(runs.get(1)).isEqualTo(new Answers.RunSummary("run-50", "north", "shop", "RUN", "FAILED",
                first.plus(50, ChronoUnit.MINUTES), first.plus(50, ChronoUnit.MINUTES).plusSeconds(30),
                "extract of orders failed"));
        assertThat(runs.get(49).runId()).isEqualTo("run-02");
    }

    @Test
    void aRunIsItsReportAndAnUnknownRunIsA404() {
        ledger.run("run-7", "south", "COMPLETED", NOW.minusSeconds(60), NOW);

        assertThat(api.run("run-7")).isInstanceOfSatisfying(RunReport.class, report -> {
            assertThat(report.runId()).isEqualTo("run-7");
            assertThat(report.tenant()).isEqualTo("south");
            assertThat(report.status()).isEqualTo("COMPLETED");
            assertThat(report.durationSeconds()).isEqualTo(60.0);
        });
        assertNotFound(() -> api.run("run-8"), "id: no run run-8");
        assertNotFound(() -> api.run(null), "id: no run null");
        String tooLong = "r".repeat(101);
        assertNotFound(() -> api.run(tooLong), "id: no run " + tooLong);
    }

    @Test
    void progressCountsEachTenantsEntityByStatusWithTheLastMinutesRateAndAnEta() {
        // given north's customers: 2 migrated in the last minute, 1 long ago, and 4 still queued
        Instant now = Instant.now();
        for (String key : List.of("1", "2")) {
            ledger.record("north", "customers", key, "MIGRATED").updatedAt(now.minusSeconds(10)).insert();
        }
        ledger.record("north", "customers", "3", "MIGRATED").updatedAt(now.minus(2, ChronoUnit.HOURS)).insert();
        for (String key : List.of("4", "5", "6", "7")) {
            ledger.record("north", "customers", key, "QUEUED").insert();
        }
        ledger.record("north", "customers", "8", "FAILED").inDoubt("no answer within the response timeout").insert();
        ledger.record("north", "customers", "9", "BLOCKED").insert();
        ledger.record("north", "customers", "10", "DISCARDED").insert();
        // and: north's orders queued, none migrated lately; south's customers all migrated
        ledger.record("north", "orders", "1", "QUEUED").insert();
        ledger.record("north", "orders", "2", "QUEUED").insert();
        ledger.record("south", "customers", "1", "MIGRATED").updatedAt(now.minusSeconds(5)).insert();
        // and: the orders' target stopped answering
        availability.failed("orders", "HTTP 503");

        // when
        List<Answers.Progress> progress = api.progress();

        // then: an ETA only where records are queued and some migrated in the last minute (4 at 2/60 per s: 120 s)
        // (in order of tenant and entity; the failed one is in doubt)
        assertThat(progress).containsExactly(
                new Answers.Progress("north", "customers", 10, 3, 1, 1, 4, 1, 1, 2.0 / 60, 120L, null),
                new Answers.Progress("north", "orders", 2, 0, 0, 0, 2, 0, 0, 0.0, null, NOW),
                new Answers.Progress("south", "customers", 1, 1, 0, 0, 0, 0, 0, 1.0 / 60, null, null));
    }

    @Test
    void anEmptyLedgerHasNoProgress() {
        assertThat(api.progress()).isEmpty();
    }

    @Test
    void resumingStartsTheEntitysLoadRouteAndPausingStopsIt() throws Exception {
        // (its consumers find no broker: they keep trying in the background, which is all a start asks of them)
        assertThat(api.resume("customers", "{}")).isEqualTo(new Answers.EntityStatus("customers", "Started"));
        assertThat(camel.getRouteController().getRouteStatus("load-customers")).isEqualTo(ServiceStatus.Started);
        assertThat(camel.getRouteController().getRouteStatus("load-orders")).isEqualTo(ServiceStatus.Stopped);

        assertThat(api.pause("customers", "")).isEqualTo(new Answers.EntityStatus("customers", "Stopped"));
        assertThat(camel.getRouteController().getRouteStatus("load-customers")).isEqualTo(ServiceStatus.Stopped);
    }

    @Test
    void pausingOrResumingAnUnknownEntityOrWithFieldsIsRefused() {
        assertNotFound(() -> api.pause("invoices", null),
                "entity: Migration shop has no entity 'invoices' (entities: customers, orders)");
        assertNotFound(() -> api.resume("invoices", null),
                "entity: Migration shop has no entity 'invoices' (entities: customers, orders)");
        // a resume with a field is refused before the route is touched
        assertRefused(() -> api.resume("customers", "{\"now\": true}"), 400, "unknown field 'now' (fields: none)");
        assertRefused(() -> api.pause("customers", "{\"now\": true}"), 400, "unknown field 'now' (fields: none)");
        assertThat(camel.getRouteController().getRouteStatus("load-customers")).isEqualTo(ServiceStatus.Stopped);
    }

    @Test
    void aRateIsSetForTheEntityWithinItsBounds() {
        assertThat(api.rate("customers", "{\"rate\": 7}")).isEqualTo(new Answers.EntityRate("customers", 7));
        assertThat(api.rate("orders", "{\"rate\": 10000}")).isEqualTo(new Answers.EntityRate("orders", 10_000));
        assertThat(controls.getRates()).containsExactly(Map.entry("customers", 7), Map.entry("orders", 10_000));

        assertRefused(() -> api.rate("customers", "{\"rate\": 0}"), 400,
                "rate: must be a whole number from 1 to 10000, was 0");
        assertRefused(() -> api.rate("customers", "{\"rate\": 10001}"), 400,
                "rate: must be a whole number from 1 to 10000, was 10001");
        assertRefused(() -> api.rate("customers", "{\"rate\": 1.5}"), 400, "rate: a whole number from 1 to 10000");
        assertRefused(() -> api.rate("customers", "{\"rate\": \"5\"}"), 400, "rate: a whole number from 1 to 10000");
        assertRefused(() -> api.rate("customers", "{}"), 400, "rate: required (a whole number from 1 to 10000)");
        assertRefused(() -> api.rate("invoices", "{\"rate\": 5}"), 404,
                "entity: Migration shop has no entity 'invoices' (entities: customers, orders)");
        assertThat(controls.getRates()).containsExactly(Map.entry("customers", 7), Map.entry("orders", 10_000));
    }

    @Test
    void theConsumersOfAnEntitysQueueAreSetWithinTheirBounds() {
        assertThat(api.concurrency("orders", "{\"concurrency\": 5}"))
                .isEqualTo(new Answers.EntityConcurrency("orders", 5));
        assertThat(JmsLoadRoutes.container(camel, "orders").getMaxConcurrentConsumers()).isEqualTo(5);

        assertRefused(() -> api.concurrency("orders", "{\"concurrency\": 0}"), 400,
                "concurrency: must be a whole number from 1 to 64, was 0");
        assertRefused(() -> api.concurrency("orders", "{\"concurrency\": 65}"), 400,
                "concurrency: must be a whole number from 1 to 64, was 65");
        assertRefused(() -> api.concurrency("invoices", "{\"concurrency\": 2}"), 404,
                "entity: Migration shop has no entity 'invoices' (entities: customers, orders)");
        assertThat(JmsLoadRoutes.container(camel, "orders").getConcurrentConsumers()).isEqualTo(5);
    }

    private void assertRefused(String body, int status, String message) {
        assertRefused(() -> api.startRun(body), status, message);
    }

    private static void assertNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertRefused(call, 404, message);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status,
                                      String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).as("status of %s", message).isEqualTo(status);
            assertThat(e).hasMessage(message);
        });
    }
}

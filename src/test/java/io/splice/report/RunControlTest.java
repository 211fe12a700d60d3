package io.splice.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.splice.definition.CompiledMigration;
import io.splice.definition.MigrationDefaults;
import io.splice.definition.MigrationDefinition;
import io.splice.ledger.Ledger;
import io.splice.ledger.Runs;
import io.splice.ledger.Stages;
import io.splice.pipeline.RetrySummary;
import io.splice.pipeline.StoppedException;
import io.splice.plan.Plan;
import io.splice.record.Keys;
import io.splice.testing.CompiledDefinition;
import io.splice.testing.TestLedger;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The run routes' start, failure, wait and finish steps (RunControl) with plain values, on a real PostgreSQL ledger. */
class RunControlTest {

    private static final String YAML = """
            migration: shop
            tenants:
              - { name: north, filter: north }
              - { name: south, filter: south }
            entities:
              customers:
                source: { table: customers, columns: [id, name], tenantColumn: region, key: id }
                group: id
                mapping: { fields: { legacyId: id, name: name } }
                target: { path: /api/customers }
            """;

    @TempDir
    Path workDir;

    // one ledger for the class (creating a database takes seconds); each test starts with an empty one
    private static TestLedger ledger;
    private static JdbcTemplate jdbc;
    private RunControl control;

    @BeforeAll
    static void createLedger() throws SQLException {
        ledger = TestLedger.create("runcontrol");
        jdbc = ledger.jdbc();
    }

    @AfterAll
    static void dropLedger() throws Exception {
        ledger.close();
    }

    @BeforeEach
    void control() throws Exception {
        ledger.clear();
        MigrationDefinition definition = CompiledDefinition.load(workDir, YAML);
        CompiledMigration migration = CompiledMigration.compile(definition,
                new MigrationDefaults("default", 100, 10, 1, 50, 100));
        Ledger records = new Ledger(ledger.dataSource());
        Runs runs = new Runs(ledger.dataSource());
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        RunReportBuilder reports = new RunReportBuilder(records, runs, new Stages(ledger.dataSource()),
                Plan.of(definition));
        // no read-back: nothing here asks the target (a Camel context that never starts is only its producer's home)
        ReadBackCheck readBack = new ReadBackCheck(new DefaultCamelContext(), migration, records, json, 0);
        control = new RunControl(migration, runs, records, reports, new ReportFiles(workDir, json, runs), "host-1",
                readBack, new RetrySummary());
    }

    @Test
    void aRunCoversTheNamedTenantOrEveryTenant() {
        assertThat(control.tenants(null)).containsExactly("north", "south");
        assertThat(control.tenants(" ")).containsExactly("north", "south");
        assertThat(control.tenants("south")).containsExactly("south");
        assertThatThrownBy(() -> control.tenants("east")).hasMessageContaining("east");
    }

    @Test
    void aReplayOfAMigrationWithSeveralTenantsMustNameOne() {
        Map<String, Object> properties = new HashMap<>();

        assertThatThrownBy(() -> control.startReplay("customers", null, properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Migration shop has several tenants (north, south): name the one to replay");
        assertThat(jdbc.queryForObject("select count(*) from splice_run", Long.class)).isZero();
    }

    @Test
    void aReplayStartsARunOfKindReplayOwnedByThisProcess() {
        // given
        Map<String, Object> properties = new HashMap<>();

        // when
        control.startReplay("customers", "south", properties);

        // then
        String runId = (String) properties.get(Keys.RUN_ID);
        assertThat(runId).matches("\\d{8}-\\d{6}-[0-9a-f]{8}");
        assertThat(properties).containsEntry(Keys.TENANT, "south").containsEntry(Keys.REPLAY_ENTITY, "customers");
        Map<String, Object> run = jdbc.queryForMap("select tenant, kind, owner, status from splice_run where run_id = ?",
                runId);
        assertThat(run).containsEntry("tenant", "south").containsEntry("kind", "REPLAY").containsEntry("owner", "host-1")
                .containsEntry("status", "RUNNING");
    }

    @Test
    void aReplayOfAnUnknownEntityStartsNoRun() {
        assertThatThrownBy(() -> control.startReplay("invoices", "north", new HashMap<>()))
                .hasMessageContaining("invoices");
        assertThat(jdbc.queryForObject("select count(*) from splice_run", Long.class)).isZero();
    }

    @Test
    void aFailureIsDescribedInTheOperatorsWords() {
        Exception cause = new IllegalStateException("connection refused");

        assertThat(control.failed(new RuntimeException("wrapper", cause))).contains("connection refused");
        assertThat(control.failed(new StoppedException("while reading customers")))
                .isEqualTo("Splice stopped (shutdown) while reading customers; the next run resumes here");
    }

    @Test
    void recordsStillInFlightAfterTheWaitMeanTheWaitBrokeOff() {
        assertThatCode(() -> control.awaited(0L)).doesNotThrowAnyException();
        assertThatCode(() -> control.awaited(null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> control.awaited(3L)).isInstanceOf(StoppedException.class)
                .hasMessage("Splice stopped (shutdown) with 3 records of the run still in flight; the next run resumes here");
    }

    @Test
    void aFinishedRunIsCompletedAndItsReportWritten() throws Exception {
        // given
        Map<String, Object> properties = new HashMap<>();
        control.startReplay("customers", "north", properties);
        String runId = (String) properties.get(Keys.RUN_ID);

        // when
        CompletedRun completed = control.finish(runId, null, null);

        // then
        assertThat(jdbc.queryForObject("select status from splice_run where run_id = ?", String.class, runId))
                .isEqualTo("COMPLETED");
        assertThat(completed.report().status()).isEqualTo("COMPLETED");
        JsonNode written = new ObjectMapper().readTree(completed.reportFile().toFile());
        assertThat(written.path("runId").asText()).isEqualTo(runId);
        assertThat(written.path("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void aRunWithAnErrorOrAFailedRestoreEndsFailedWithTheFirstReason() throws Exception {
        Map<String, Object> first = new HashMap<>();
        control.startReplay("customers", "north", first);
        Map<String, Object> second = new HashMap<>();
        control.startReplay("customers", "north", second);

        control.finish((String) first.get(Keys.RUN_ID), "extract of customers failed", "restore failed");
        control.finish((String) second.get(Keys.RUN_ID), null, "restore of prepare failed: HTTP 500");

        assertThat(jdbc.queryForMap("select status, error from splice_run where run_id = ?", first.get(Keys.RUN_ID)))
                .containsEntry("status", "FAILED").containsEntry("error", "extract of customers failed");
        assertThat(jdbc.queryForMap("select status, error from splice_run where run_id = ?", second.get(Keys.RUN_ID)))
                .containsEntry("status", "FAILED").containsEntry("error", "restore of prepare failed: HTTP 500");
    }
}

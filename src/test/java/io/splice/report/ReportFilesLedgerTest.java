package io.splice.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.splice.definition.EntityDefinition;
import io.splice.definition.MigrationDefinition;
import io.splice.ledger.Ledger;
import io.splice.ledger.LedgerSchema;
import io.splice.ledger.Runs;
import io.splice.ledger.Stages;
import io.splice.plan.Plan;
import io.splice.testing.TestDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** report.json, failed.csv and report.html of a run, from a real ledger (PostgreSQL, and H2 for the embedded default). */
class ReportFilesLedgerTest {

    private static final String RUN = "20250301-100000-run2";
    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");
    private static final String SECRET = "s3cr3t-Pa55word";

    @TempDir
    Path workDir;

    @Test
    void writesTheFilesFromAPostgresLedger() throws Exception {
        try (TestDatabase database = TestDatabase.create("report")) {
            writesTheFiles(database.dataSource());
        }
    }

    @Test
    void writesTheFilesFromAnH2Ledger() throws Exception {
        byte[] suffix = new byte[6];
        new SecureRandom().nextBytes(suffix);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:splice_rep_" + HexFormat.of().formatHex(suffix)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        try {
            writesTheFiles(h2);
        } finally {
            new JdbcTemplate(h2).execute("SHUTDOWN");
        }
    }

    private void writesTheFiles(DataSource dataSource) throws Exception {
        // given
        LedgerSchema.migrate(dataSource);
        givenARunOfTenantNorth(new JdbcTemplate(dataSource));
        Ledger ledger = new Ledger(dataSource);
        RunReportBuilder builder = new RunReportBuilder(ledger, new Runs(dataSource), new Stages(dataSource), plan());
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        ReportFiles files = new ReportFiles(workDir, json, new Runs(dataSource));

        // when
        RunReport report = builder.build(RUN);
        Path reportJson = files.write(report);
        files.writeForPeople(report, ledger);

        // then: the records not migrated, ordered by entity, status and key, without payloads or request bodies
        Path directory = workDir.resolve("runs").resolve(RUN);
        assertThat(reportJson.getParent()).isEqualTo(directory.toAbsolutePath().normalize());
        String csv = Files.readString(directory.resolve("failed.csv"), StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n", -1)).containsExactly(
                "tenant,entity,source_key,status,reason,field,http_status,blocked_by,in_doubt",
                "north,addresses,A4,BLOCKED,parent projects FAILED: mapping houseNumber: is not a whole number,,,projects P3,",
                "north,addresses,A3,FAILED,HTTP 422 street: is required,street,422,,",
                "north,addresses,A5,FAILED,\"HTTP 422 note: must not contain \"\"<script>\"\", or commas\",note,422,,",
                "north,documents,D1,QUEUED,,,,,",
                "north,projects,P3,FAILED,mapping houseNumber: is not a whole number,houseNumber,,,",
                "");
        assertThat(csv).doesNotContain(SECRET);

        // and: the reconciliation counts the tenant's ledger across runs, and only what the run read whole
        assertThat(report.reconciliation()).containsExactly(
                new RunReport.Reconciliation("projects", 3, 2, 1, 0, 0, 0L, 0),
                new RunReport.Reconciliation("addresses", 6, 2, 2, 1, 0, 1L, 0),
                new RunReport.Reconciliation("documents", 2, 0, 0, 0, 1, null, 0));
        JsonNode written = json.readTree(reportJson.toFile()).path("reconciliation");
        assertThat(written.get(1).toString()).isEqualTo("{\"entity\":\"addresses\",\"sourceRows\":6,\"migrated\":2,"
                + "\"failed\":2,\"blocked\":1,\"queued\":0,\"notInLedger\":1,\"discarded\":0}");
        assertThat(written.get(2).path("notInLedger").isNull()).isTrue();

        // and: the page, with this run's migrations per 10 s (10:00:05; 10:00:12 and :14; nothing until 10:00:35)
        List<Instant> migratedAt = new ArrayList<>();
        ledger.eachMigratedAt(RUN, migratedAt::add);
        assertThat(migratedAt).containsExactlyInAnyOrder(START.plusSeconds(5), START.plusSeconds(12),
                START.plusSeconds(14));
        Throughput throughput = new Throughput(START, Duration.ofSeconds(10));
        migratedAt.forEach(throughput::add);
        assertThat(throughput.counts(report.finishedAt())).containsExactly(1L, 2L, 0L, 0L);
        String html = Files.readString(directory.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<a href=\"failed.csv\">failed.csv</a>", "Every record not migrated (5)",
                        "3 in all, at most 2 in one interval (0.2 records/s)", "<td>migrateCompletedProjects</td><td>true</td>",
                        "<td class=\"status completed\">COMPLETED</td>")
                .contains("HTTP 422 note: must not contain &quot;&lt;script&gt;&quot;, or commas")
                .doesNotContain("<script", SECRET);
    }

    private static Plan plan() {
        LinkedHashMap<String, EntityDefinition> entities = new LinkedHashMap<>();
        entities.put("projects", entity(List.of()));
        entities.put("addresses", entity(List.of("projects")));
        entities.put("documents", entity(List.of("projects")));
        return Plan.of(new MigrationDefinition("addresses", null, null, List.of(), entities, null, null));
    }

    private static EntityDefinition entity(List<String> dependsOn) {
        return new EntityDefinition(null, null, null, dependsOn, null, null, null);
    }

    /**
     * Run 2 of tenant north read projects (3, one already migrated by run 1) and addresses (6, one of them never
     * recorded) to the end, and documents only in part; tenant south's records must not count.
     */
    private static void givenARunOfTenantNorth(JdbcTemplate jdbc) {
        String run = "insert into splice_run (run_id, tenant, status, started_at, finished_at, migration, kind, parameters)"
                + " values (?, ?, ?, ?, ?, 'addresses', 'RUN', ?)";
        jdbc.update(run, "20250201-090000-run1", "north", "COMPLETED", at(-86_400), at(-86_300), null);
        jdbc.update(run, RUN, "north", "COMPLETED", at(0), at(35), "{\"migrateCompletedProjects\":true}");
        jdbc.update(run, "20250301-100000-south", "south", "COMPLETED", at(0), at(35), null);
        String extract = "insert into splice_run_entity (run_id, entity, read_count, skipped_count, queued_count,"
                + " started_at, finished_at) values (?, ?, ?, ?, ?, ?, ?)";
        jdbc.update(extract, RUN, "projects", 3, 1, 2, at(0), at(2));
        jdbc.update(extract, RUN, "addresses", 6, 0, 4, at(10), at(12));
        jdbc.update(extract, RUN, "documents", 2, 0, 1, at(20), null);
        String stage = "insert into splice_stage (run_id, stage, attempt, kind, status, started_at, finished_at)"
                + " values (?, ?, 1, ?, 'COMPLETED', ?, ?)";
        jdbc.update(stage, RUN, "migrate", "migrate", at(0), at(30));
        jdbc.update(stage, RUN, "report", "report", at(30), at(35));

        record(jdbc, "north", "projects", "P1", "MIGRATED", "20250201-090000-run1", null, null, at(-86_350));
        record(jdbc, "north", "projects", "P2", "MIGRATED", RUN, null, null, at(5));
        record(jdbc, "north", "projects", "P3", "FAILED", RUN, "mapping houseNumber: is not a whole number", null, at(6));
        record(jdbc, "north", "addresses", "A1", "MIGRATED", RUN, null, null, at(12));
        record(jdbc, "north", "addresses", "A2", "MIGRATED", RUN, null, null, at(14));
        record(jdbc, "north", "addresses", "A3", "FAILED", RUN, "HTTP 422 street: is required", 422, at(15));
        record(jdbc, "north", "addresses", "A5", "FAILED", RUN,
                "HTTP 422 note: must not contain \"<script>\", or commas", 422, at(16));
        record(jdbc, "north", "addresses", "A4", "BLOCKED", RUN,
                "parent projects FAILED: mapping houseNumber: is not a whole number", null, at(11));
        jdbc.update("update splice_record set blocked_by_entity = 'projects', blocked_by_key = 'P3' where source_key = 'A4'");
        record(jdbc, "north", "documents", "D1", "QUEUED", RUN, null, null, at(21));
        record(jdbc, "south", "addresses", "A1", "MIGRATED", "20250301-100000-south", null, null, at(3));
        record(jdbc, "south", "addresses", "A9", "FAILED", "20250301-100000-south", "HTTP 422 street: is required", 422, at(4));
    }

    private static void record(JdbcTemplate jdbc, String tenant, String entity, String key, String status, String runId,
                               String reason, Integer httpStatus, Timestamp updatedAt) {
        jdbc.update("insert into splice_record (tenant, entity, source_key, status, run_id, attempts, http_status, reason,"
                        + " error_message, payload, request_body, updated_at) values (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)",
                tenant, entity, key, status, runId, httpStatus, reason,
                reason == null ? null : entity + " " + key + ": " + reason,
                "{\"name\":\"Jan Jansen\",\"password\":\"" + SECRET + "\"}",
                "{\"password\":\"" + SECRET + "\"}", updatedAt);
    }

    private static Timestamp at(int seconds) {
        return Timestamp.from(START.plusSeconds(seconds));
    }
}

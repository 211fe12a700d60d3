package io.splice.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
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
import io.splice.ledger.OperatorQueries;
import io.splice.ledger.Runs;
import io.splice.ledger.Stages;
import io.splice.plan.Plan;
import io.splice.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A run interrupted in its migrate stage and resumed, then a record discarded: every report counts each row read once
 * (migrated + failed + blocked + discarded + skipped + without outcome = read), and each attempt shows its own outcomes.
 */
class ResumedRunReportTest {

    private static final String RUN = "20250301-100000-resumed";
    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path workDir;

    @Test
    void aResumedRunWithADiscardedRecordAddsUpInEveryReport() throws Exception {
        try (TestDatabase database = TestDatabase.create("resumed")) {
            // given a resumed run: attempt 1 migrated A1 and A2, then died; attempt 2 read all six addresses again,
            // skipped A0 (run 1's), A1 and A2 (its own), migrated A3, failed A4 and A5; A4 was discarded afterwards
            DataSource dataSource = database.dataSource();
            LedgerSchema.migrate(dataSource);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            givenAResumedRun(jdbc);
            jdbc.update("update splice_record set status = 'DISCARDED', updated_at = ? where source_key = 'A4'", at(60));
            Ledger ledger = new Ledger(dataSource);
            Runs runs = new Runs(dataSource);
            ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
            ReportFiles files = new ReportFiles(workDir, json, runs);

            // when its reports are written
            RunReport report = new RunReportBuilder(ledger, runs, new Stages(dataSource), plan()).build(RUN);
            Path reportJson = files.write(report);
            files.writeForPeople(report, ledger);

            // then report.json counts each row read once, the discarded one as DISCARDED
            JsonNode addresses = json.readTree(reportJson.toFile()).path("entities").get(0);
            assertThat(addresses.toString()).isEqualTo("{\"name\":\"addresses\",\"total\":6,\"migrated\":3,\"failed\":1,"
                    + "\"blocked\":0,\"skipped\":1,\"pending\":0,\"discarded\":1,\"inDoubt\":0}");
            assertThat(report.entities()).allSatisfy(e -> assertThat(e.accountedFor()).as("%s", e).isEqualTo(e.total()));
            assertThat(report.failures()).extracting(RunReport.FailureCount::status, RunReport.FailureCount::count)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("FAILED", 1L),
                            org.assertj.core.groups.Tuple.tuple("DISCARDED", 1L));

            // and each attempt of the stage shows its own outcomes, which add up to the run's
            assertThat(report.tenants().get(0).stages()).extracting(s -> s.name() + "#" + s.attempt() + " " + s.status()
                            + " " + s.migrated() + "/" + s.failed() + "/" + s.blocked() + "/" + s.discarded())
                    .containsExactly("migrate#1 INTERRUPTED 2/0/0/0", "migrate#2 COMPLETED 1/1/0/1");

            // and failed.csv lists exactly the records not migrated: failed + blocked + discarded + without outcome
            Path directory = workDir.resolve("runs").resolve(RUN);
            List<String> csv = Files.readAllLines(directory.resolve("failed.csv"), StandardCharsets.UTF_8);
            assertThat(csv.subList(1, csv.size())).containsExactly(
                    "north,addresses,A4,DISCARDED,HTTP 422 street: is required,street,422,,",
                    "north,addresses,A5,FAILED,HTTP 422 street: is required,street,422,,");
            assertThat((long) csv.size() - 1).isEqualTo(addresses.path("failed").asLong()
                    + addresses.path("blocked").asLong() + addresses.path("discarded").asLong()
                    + addresses.path("pending").asLong());

            // and report.html shows the same numbers
            String html = Files.readString(directory.resolve("report.html"), StandardCharsets.UTF_8);
            assertThat(html).contains("<tr><th>Records migrated</th><td>3 (1 failed, 0 blocked, 1 discarded)</td></tr>",
                    "<tr><td>addresses</td><td class=\"num\">6</td><td class=\"num\">3</td><td class=\"num\">1</td>"
                            + "<td class=\"num\">0</td><td class=\"num\">1</td><td class=\"num\">1</td>"
                            + "<td class=\"num\">0</td><td class=\"num\">0</td></tr>",
                    "<td class=\"status interrupted\">INTERRUPTED</td>", "Every record not migrated (2)");

            // and `status` has DISCARDED on the entity's line, which adds up to the ledger's records
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OperatorQueries queries = new OperatorQueries(dataSource);
            io.splice.cli.StatusCommand.print(queries.latestRuns(10), queries.progress(),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .containsPattern("north\\s+addresses\\s+6\\s+4\\s+1\\s+0\\s+1\\s+0");
        }
    }

    private static Plan plan() {
        LinkedHashMap<String, EntityDefinition> entities = new LinkedHashMap<>();
        entities.put("addresses", new EntityDefinition(null, null, null, List.of(), null, null, null));
        return Plan.of(new MigrationDefinition("addresses", null, null, List.of(), entities, null, null));
    }

    private static void givenAResumedRun(JdbcTemplate jdbc) {
        String run = "insert into splice_run (run_id, tenant, status, started_at, finished_at, migration, kind)"
                + " values (?, 'north', 'COMPLETED', ?, ?, 'addresses', 'RUN')";
        jdbc.update(run, "20250201-090000-run1", at(-86_400), at(-86_300));
        jdbc.update(run, RUN, at(0), at(40));
        // the resumed extract's counts: six read, three of them MIGRATED already (one by run 1, two by attempt 1)
        jdbc.update("insert into splice_run_entity (run_id, entity, read_count, skipped_count, queued_count, started_at,"
                + " finished_at) values (?, 'addresses', 6, 3, 3, ?, ?)", RUN, at(21), at(22));
        String stage = "insert into splice_stage (run_id, stage, attempt, kind, status, started_at, finished_at)"
                + " values (?, 'migrate', ?, 'migrate', ?, ?, ?)";
        jdbc.update(stage, RUN, 1, "INTERRUPTED", at(1), at(20));
        jdbc.update(stage, RUN, 2, "COMPLETED", at(20), at(39));
        record(jdbc, "north", "A0", "MIGRATED", "20250201-090000-run1", at(-86_350));
        record(jdbc, "north", "A1", "MIGRATED", RUN, at(5));
        record(jdbc, "north", "A2", "MIGRATED", RUN, at(8));
        record(jdbc, "north", "A3", "MIGRATED", RUN, at(25));
        record(jdbc, "north", "A4", "FAILED", RUN, at(26));
        record(jdbc, "north", "A5", "FAILED", RUN, at(27));
        // another tenant's records count in `status` only on its own line
        record(jdbc, "south", "A1", "FAILED", "20250301-100000-south", at(3));
    }

    private static void record(JdbcTemplate jdbc, String tenant, String key, String status, String runId,
                               Timestamp updatedAt) {
        boolean failed = !"MIGRATED".equals(status);
        jdbc.update("insert into splice_record (tenant, entity, source_key, status, run_id, attempts, http_status, reason,"
                        + " updated_at) values (?, 'addresses', ?, ?, ?, 1, ?, ?, ?)", tenant, key, status, runId,
                failed ? 422 : null, failed ? "HTTP 422 street: is required" : null, updatedAt);
    }

    private static Timestamp at(int seconds) {
        return Timestamp.from(START.plusSeconds(seconds));
    }
}

package io.splice.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.splice.report.CombinedReport;
import io.splice.report.CompletedRun;
import io.splice.report.ReportFiles;
import io.splice.report.RunReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** What a newcomer types: exit statuses, unknown commands, --help, the combined report of a run over tenants. */
class CommandLineTest {

    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path workDir;

    @Test
    void exitStatusSeparatesEveryRecordMigratedFromRecordsNotMigratedFromFailed() {
        assertThat(ExitStatus.of(List.of(report("r-a", "COMPLETED", counts(6, 6, 0, 0, 0))))).isEqualTo(0);
        assertThat(ExitStatus.of(List.of(report("r-a", "COMPLETED", counts(6, 5, 1, 0, 0))))).isEqualTo(3);
        assertThat(ExitStatus.of(List.of(report("r-a", "COMPLETED", counts(6, 5, 0, 0, 1))))).as("discarded").isEqualTo(3);
        assertThat(ExitStatus.of(List.of(report("r-a", "COMPLETED", counts(6, 6, 0, 0, 0)),
                report("r-b", "FAILED", counts(6, 6, 0, 0, 0))))).isEqualTo(1);
        // a target unreachable the whole time: completed, nothing migrated, every record FAILED
        assertThat(ExitStatus.of(List.of(report("r-a", "COMPLETED", counts(6, 0, 6, 0, 0))))).isNotZero();
    }

    @Test
    void reportOfTheCombinedIdTheDemoPrintsShowsEveryTenantAndTheTotals() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        ReportFiles files = new ReportFiles(workDir, json, null);
        RunReport north = report("r-north", "COMPLETED", counts(6, 6, 0, 0, 0));
        RunReport south = report("r-south", "COMPLETED", counts(6, 4, 1, 0, 1));
        Path northFile = files.write(north);
        Path southFile = files.write(south);
        files.write(CombinedReport.of(List.of(new CompletedRun(north, northFile), new CompletedRun(south, southFile))));

        Result result = execute("report", "r-north-all", "-Dsplice.work-dir=" + workDir);

        assertThat(result.exit()).as(result.err()).isEqualTo(3);
        assertThat(result.out()).contains("Run r-north of ftth COMPLETED", "Run r-south of ftth COMPLETED",
                        "All 2 tenants: COMPLETED, 10 migrated, 1 failed, 0 blocked, 1 discarded, 2 not migrated in all")
                .containsPattern("projects\\s+6\\s+4\\s+1\\s+0\\s+1\\s+0");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void anUnknownCommandOrOptionOrNoCommandIsAnError() {
        Result worker = execute("worker");
        assertThat(worker.exit()).isEqualTo(2);
        assertThat(worker.err()).contains("Unmatched argument at index 0: 'worker'");
        assertThat(worker.out()).isEmpty();

        Result option = execute("status", "--bogus");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err()).contains("Unknown option: '--bogus'");

        Result nothing = execute();
        assertThat(nothing.exit()).isEqualTo(2);
        assertThat(nothing.err()).contains("splice: name a command", "Usage: splice");
    }

    @Test
    void helpOfEveryCommandPrintsNoWarningAndNamesTheExitStatuses() {
        CommandLine cli = new CommandLine(new SpliceCli());
        for (String command : cli.getSubcommands().keySet()) {
            Result help = execute(command, "--help");
            assertThat(help.exit()).as(command).isZero();
            assertThat(help.err()).as(command).isEmpty();
            assertThat(help.out()).as(command).doesNotContain("WARN");
        }
        Result top = execute("--help");
        assertThat(top.err()).isEmpty();
        assertThat(execute("run", "--help").out().replaceAll("\\s+", " ")).contains("Exit status: 0 every record "
                + "migrated; 3 completed, but records not migrated");
    }

    @Test
    void aLoginFailureNamesTheDatabase() {
        Result status = execute("status", "-Dsplice.ledger.url=jdbc:postgresql://127.0.0.1:5432/postgres",
                "-Dsplice.ledger.username=splice_no_such_role");

        assertThat(status.exit()).isEqualTo(2);
        assertThat(status.err()).contains("splice status: Cannot connect to the ledger database "
                + "(jdbc:postgresql://127.0.0.1:5432/postgres, user splice_no_such_role): FATAL:");
    }

    @Test
    void statusWithoutAnyLedgerSaysWhatToPassAndCreatesNone() {
        Result status = execute("status", "-Dsplice.work-dir=" + workDir);

        assertThat(status.exit()).isEqualTo(2);
        assertThat(status.err().strip()).startsWith("splice status: there is no ").contains("--config")
                .doesNotContain("\n");
        assertThat(workDir.resolve("ledger.mv.db")).doesNotExist();
    }

    private static RunReport.EntityCounts counts(long total, long migrated, long failed, long blocked, long discarded) {
        return new RunReport.EntityCounts("projects", total, migrated, failed, blocked, 0, 0, discarded);
    }

    private static RunReport report(String runId, String status, RunReport.EntityCounts counts) {
        return new RunReport(runId, "ftth", "RUN", runId.substring(2), status, START, START.plusSeconds(12), 12.0,
                null, Map.of(), List.of(counts), List.of(), List.of(), List.of(), List.of());
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result execute(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream previousOut = System.out;
        PrintStream previousErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine cli = new CommandLine(new SpliceCli());
            cli.setOut(new java.io.PrintWriter(System.out, true));
            cli.setErr(new java.io.PrintWriter(System.err, true));
            int exit = cli.setExecutionExceptionHandler(SpliceCli::report).execute(args);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(previousOut);
            System.setErr(previousErr);
        }
    }
}

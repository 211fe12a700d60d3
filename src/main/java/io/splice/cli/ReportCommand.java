package io.splice.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.splice.report.CombinedReport;
import io.splice.report.RunReport;
import io.splice.report.SummaryPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** A run's summary again, from its report.json in the work dir; {@code <runId>-all} is a run over every tenant. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Print the summary of a run (its report.json under <work-dir>/runs/<runId>/); <runId>-all, the "
                + "id a run over several tenants prints, prints every tenant's summary and the totals.",
                "Right after `demo` it reads the demo's reports (work/demo/demo.properties) unless --config says "
                        + "otherwise.", ExitStatus.HELP})
public class ReportCommand implements Callable<Integer> {

    private static final String ALL = "-all";

    @Parameters(paramLabel = "RUN_ID", description = "The run, as `status` or the run's summary names it.")
    String runId;

    @Mixin
    RuntimeOptions options;

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public Integer call() throws Exception {
        Path runs = options.lookingAt("report", "ledger", System.err).workDir().resolve("runs");
        Path file = runs.resolve(runId).resolve("report.json");
        if (!Files.isRegularFile(file)) {
            System.err.println("splice report: no report for run " + runId + " (looked for " + file.toAbsolutePath()
                    + "; `status` lists the runs)");
            return ExitStatus.FAILED;
        }
        PrintStream out = System.out;
        if (!runId.endsWith(ALL)) {
            RunReport report = json.readValue(file.toFile(), RunReport.class);
            SummaryPrinter.print(report, file.toAbsolutePath(), out);
            return ExitStatus.of(List.of(report));
        }
        CombinedReport all = json.readValue(file.toFile(), CombinedReport.class);
        List<RunReport> reports = new ArrayList<>();
        for (String tenantRun : all.runIds()) {
            Path tenantFile = runs.resolve(tenantRun).resolve("report.json");
            if (Files.isRegularFile(tenantFile)) {
                RunReport report = read(tenantFile);
                SummaryPrinter.print(report, tenantFile.toAbsolutePath(), out);
                reports.add(report);
            } else {
                out.printf("%nRun %s: no report (looked for %s)%n", tenantRun, tenantFile.toAbsolutePath());
            }
        }
        out.printf("%nAll %d tenants: %s, %d migrated, %d failed, %d blocked, %d discarded, %d not migrated in all%n",
                all.runIds().size(), all.status(), all.migrated(), all.failed(), all.blocked(), all.discarded(),
                all.notMigrated());
        if (all.inDoubt() > 0) {
            out.printf("In doubt in all: %d (their request may have reached the target unanswered; see failed.csv)%n",
                    all.inDoubt());
        }
        out.println("Report (all tenants): " + file.toAbsolutePath());
        return reports.size() < all.runIds().size() ? ExitStatus.FAILED : ExitStatus.of(reports);
    }

    private RunReport read(Path file) throws IOException {
        return json.readValue(file.toFile(), RunReport.class);
    }
}

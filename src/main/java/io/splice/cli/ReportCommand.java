package io.splice.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.splice.report.RunReport;
import io.splice.report.SummaryPrinter;
import io.splice.runtime.SpliceProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** A run's summary again, from its report.json in the work dir. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Print the summary of a run (its report.json under <work-dir>/runs/<runId>/).")
public class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_ID", description = "The run, as `status` or the run's summary names it.")
    String runId;

    @Mixin
    RuntimeOptions options;

    @Override
    public Integer call() throws Exception {
        Path file = SpliceProperties.settings(options.propertyFiles(), options.overrides()).workDir()
                .resolve("runs").resolve(runId).resolve("report.json");
        if (!Files.isRegularFile(file)) {
            System.err.println("splice report: no report for run " + runId + " (looked for " + file.toAbsolutePath() + ")");
            return 1;
        }
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        RunReport report = json.readValue(file.toFile(), RunReport.class);
        SummaryPrinter.print(report, file.toAbsolutePath(), System.out);
        return "COMPLETED".equals(report.status()) ? 0 : 1;
    }
}

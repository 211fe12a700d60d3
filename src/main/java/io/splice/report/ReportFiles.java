package io.splice.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import io.splice.ledger.Ledger;
import io.splice.ledger.Runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes a run's report under {@code <work-dir>/runs/<runId>/}: report.json, and failed.csv and report.html. */
public class ReportFiles {

    // the throughput chart's resolution
    private static final Duration THROUGHPUT_BUCKET = Duration.ofSeconds(10);

    private final Path runsDirectory;
    private final ObjectMapper json;
    private final Runs runs;

    /** @param runs the ledger's runs: failed.csv lists every record of a run not migrated */
    public ReportFiles(Path workDir, ObjectMapper json, Runs runs) {
        this.runsDirectory = workDir.resolve("runs");
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.runs = runs;
    }

    /** The whole of a run over several tenants, beside the first tenant's run. */
    public Path write(CombinedReport report) throws IOException {
        Path directory = Files.createDirectories(runsDirectory.resolve(report.runIds().get(0) + "-all"));
        Path file = directory.resolve("report.json");
        json.writeValue(file.toFile(), report);
        return file.toAbsolutePath().normalize();
    }

    public Path write(RunReport report) throws IOException {
        Path directory = Files.createDirectories(runsDirectory.resolve(report.runId()));
        Path file = directory.resolve("report.json");
        json.writeValue(file.toFile(), report);
        return file.toAbsolutePath().normalize();
    }

    /**
     * failed.csv (the records not migrated, streamed from the ledger) and report.html beside report.json: for the
     * people who fix the legacy data and those who follow the migration. Times show in this machine's zone.
     */
    public void writeForPeople(RunReport report, Ledger ledger) throws IOException {
        Path directory = Files.createDirectories(runsDirectory.resolve(report.runId()));
        long notMigrated = FailedCsv.write(directory.resolve(FailedCsv.FILE), report.runId(), runs);
        Throughput throughput = new Throughput(report.startedAt(), THROUGHPUT_BUCKET);
        ledger.eachMigratedAt(report.runId(), throughput::add);
        Files.writeString(directory.resolve(HtmlReport.FILE),
                new HtmlReport(ZoneId.systemDefault()).render(report, throughput, notMigrated), StandardCharsets.UTF_8);
    }
}

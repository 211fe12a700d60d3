package io.splice.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes a run's report under {@code <work-dir>/runs/<runId>/}. */
public class ReportFiles {

    private final Path runsDirectory;
    private final ObjectMapper json;

    public ReportFiles(Path workDir, ObjectMapper json) {
        this.runsDirectory = workDir.resolve("runs");
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
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
}

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
import io.splice.report.ReportFiles;
import io.splice.report.RunReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class StatusAndReportCommandTest {

    @TempDir
    Path workDir;

    @Test
    void statusListsRunsAndRecordsByTenantEntityAndStatus() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        StatusCommand.print(List.of(Map.of("run_id", "r-1", "tenant", "nordnet", "kind", "RUN", "status", "FAILED",
                        "started_at", "2026-11-25 09:00:00")),
                List.of(Map.of("tenant", "nordnet", "entity", "addresses", "status", "MIGRATED", "records", 683L)),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("r-1", "nordnet", "FAILED")
                .containsPattern("nordnet\\s+addresses\\s+683\\s+683\\s+0\\s+0\\s+0\\s+0");
    }

    @Test
    void reportPrintsARunsSummaryFromItsReportFileAndExitsByItsStatus() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        RunReport report = new RunReport("r-7", "ftth", "RUN", "glasweb", "FAILED", Instant.parse("2026-11-25T09:00:00Z"),
                Instant.parse("2026-11-25T09:00:12Z"), 12.0, "Stage wait-for-planboard-jobs: timed out", Map.of(),
                List.of(new RunReport.EntityCounts("projects", 6, 6, 0, 0, 0, 0, 0)), List.of(), List.of(), List.of(), List.of());
        new ReportFiles(workDir, json, null).write(report);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new SpliceCli()).execute("report", "r-7", "-Dsplice.work-dir=" + workDir);
        } finally {
            System.setOut(previous);
        }

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Run r-7 of ftth FAILED in 12.0 s (tenant glasweb)",
                "Error: Stage wait-for-planboard-jobs: timed out");
    }
}

package io.splice.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's first command, run the way a new user runs it: java -jar target/splice.jar demo. */
class DemoJarIT {

    @TempDir
    Path workDir;

    @Test
    void theDemoMigratesEndToEndAndASecondDemoMigratesNothing() throws Exception {
        // when the demo runs on embedded defaults
        Result first = demo();

        // then it exits 0, prints the summary and, last, the report's path
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("addresses", "migrated", "Failures by reason:");
        JsonNode report = first.report();
        assertThat(report.path("runId").asText()).isNotBlank();
        assertThat(report.path("startedAt").asText()).isNotBlank();
        assertThat(report.path("finishedAt").asText()).isNotBlank();
        JsonNode addresses = report.path("entities").get(0);
        assertThat(addresses.path("name").asText()).isEqualTo("addresses");
        assertThat(addresses.path("total").asLong()).isEqualTo(200);
        assertThat(addresses.path("migrated").asLong() + addresses.path("failed").asLong()).isEqualTo(200);
        assertThat(addresses.path("failed").asLong()).isPositive();
        assertThat(report.path("failures").get(0).path("reason").asText()).isNotBlank();

        // and a second demo on the same work dir migrates nothing
        Result second = demo();
        assertThat(second.exitCode()).as(second.output()).isZero();
        JsonNode again = second.report().path("entities").get(0);
        assertThat(again.path("migrated").asLong()).isZero();
        assertThat(again.path("skipped").asLong()).isEqualTo(addresses.path("migrated").asLong());
    }

    private Result demo() throws IOException, InterruptedException {
        Path output = Files.createTempFile(workDir.getParent(), "demo", ".out");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/splice.jar", "demo", "--work-dir", workDir.toString(), "--scale", "0.1"))
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("demo did not finish within 3 minutes:\n" + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {

        JsonNode report() throws IOException {
            List<String> lines = output.strip().lines().toList();
            String last = lines.get(lines.size() - 1);
            assertThat(last).startsWith("Report: ");
            return new ObjectMapper().readTree(Path.of(last.substring("Report: ".length())).toFile());
        }
    }
}

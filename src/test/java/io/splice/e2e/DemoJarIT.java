package io.splice.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    void theDemoMigratesEveryTenantEndToEndAndASecondDemoMigratesNothing() throws Exception {
        // when the demo runs on embedded defaults
        Result first = demo();

        // then it exits 0 and prints one summary per tenant, each naming its report
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("addresses", "migrated", "Not migrated, by reason:");
        List<JsonNode> reports = first.reports();
        assertThat(reports).extracting(r -> r.path("tenant").asText()).containsExactly("acme-fiber", "glasweb", "nordnet");
        long addresses = 0;
        long migrated = 0;
        for (JsonNode report : reports) {
            assertThat(report.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(report.path("migration").asText()).isEqualTo("ftth");
            assertThat(report.path("startedAt").asText()).isNotBlank();
            assertThat(report.path("tenants").get(0).path("stages")).extracting(stage -> stage.path("status").asText())
                    .isNotEmpty().allMatch("COMPLETED"::equals);
            assertThat(report.path("finishedAt").asText()).isNotBlank();
            assertThat(report.path("entities")).extracting(e -> e.path("name").asText())
                    .containsExactly("projects", "addresses", "connections", "assignments", "assignment_updates",
                            "documents", "planboards");
            for (JsonNode entity : report.path("entities")) {
                // every record read has an outcome
                assertThat(entity.path("migrated").asLong() + entity.path("failed").asLong()
                        + entity.path("blocked").asLong()).as("%s", entity).isEqualTo(entity.path("total").asLong());
                migrated += entity.path("migrated").asLong();
            }
            addresses += report.path("entities").get(1).path("total").asLong();
        }
        assertThat(addresses).isEqualTo(200);
        assertThat(reports).anySatisfy(r -> assertThat(r.path("failures").get(0).path("reason").asText()).isNotBlank());

        // and a second demo on the same work dir migrates nothing again
        Result second = demo();
        assertThat(second.exitCode()).as(second.output()).isZero();
        long skipped = 0;
        for (JsonNode report : second.reports()) {
            for (JsonNode entity : report.path("entities")) {
                assertThat(entity.path("migrated").asLong()).as("%s", entity).isZero();
                skipped += entity.path("skipped").asLong();
            }
        }
        assertThat(skipped).isEqualTo(migrated);
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

        List<JsonNode> reports() throws IOException {
            List<String> lines = output.strip().lines().toList();
            String last = lines.get(lines.size() - 1);
            assertThat(last).startsWith("Report (all tenants): ");
            JsonNode all = new ObjectMapper().readTree(Path.of(last.substring("Report (all tenants): ".length())).toFile());
            assertThat(all.path("tenants")).hasSize(3);
            List<JsonNode> reports = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith("Report: ")) {
                    reports.add(new ObjectMapper().readTree(Path.of(line.substring("Report: ".length())).toFile()));
                }
            }
            return reports;
        }
    }
}

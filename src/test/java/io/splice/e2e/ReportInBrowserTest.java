package io.splice.e2e;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import io.splice.report.CompletedRun;
import io.splice.report.RunReport;
import io.splice.sample.SampleDataGenerator;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real run's report.html as a project manager sees it: rendered by headless Chromium (Debian package chromium),
 * with its summary in the page and its charts painted; and failed.csv as the data owners get it, line for line the
 * ledger's records that were not migrated.
 */
class ReportInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final int MIGRATED_GREEN = 0x2e7d32;
    private static final int FAILED_RED = 0xc62828;

    @TempDir
    Path workDir;

    private TestStack stack;
    private CompletedRun run;
    private SpliceUnderTest splice;

    @BeforeEach
    void given() throws Exception {
        // CI installs Chromium (.ci/run); elsewhere the test needs it too, but does not fail a build without it
        if (!Files.isExecutable(CHROMIUM)) {
            if (System.getenv("CI") != null) {
                fail("Chromium is not installed at " + CHROMIUM + ": apt-get install chromium");
            }
            assumeTrue(false, "Chromium is not installed (apt-get install chromium)");
        }
        stack = TestStack.create();
        new SampleDataGenerator(5, 0.1).generate(stack.source().dataSource());
        SandboxTarget sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults().withFaults(FaultSettings.none())));
        splice = stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox,
                Map.of("splice.load.rate", "1000")));
        run = splice.run();
    }

    @AfterEach
    void dropEverything() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void chromiumRendersTheSummaryAndPaintsTheCharts() throws Exception {
        Path html = run.reportFile().getParent().resolve("report.html");
        RunReport.EntityCounts addresses = run.report().entities().get(0);
        assertThat(addresses.migrated()).isPositive();
        assertThat(addresses.failed()).isPositive();

        // the DOM Chromium built from the page: the heading, the run's facts and the entity's counts, two charts
        String dom = chromium("--dump-dom", html.toUri().toString());
        assertThat(dom).contains("Migration addresses for tenant default")
                .contains("<tr><th>Run</th><td>" + run.report().runId() + "</td></tr>")
                .contains("<tr><td>addresses</td><td class=\"num\">" + addresses.total() + "</td><td class=\"num\">"
                        + addresses.migrated() + "</td><td class=\"num\">" + addresses.failed() + "</td>")
                .contains("<svg");

        // what it painted: the migrated (green) and failed (red) bars of the entities chart are on the screen
        Path screenshot = workDir.resolve("report.png");
        chromium("--window-size=1100,5000", "--screenshot=" + screenshot, html.toUri().toString());
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(pixels(image, MIGRATED_GREEN)).as("green pixels of the migrated bars").isGreaterThan(2_000);
        assertThat(pixels(image, FAILED_RED)).as("red pixels of the failed bars").isGreaterThan(20);
    }

    @Test
    void failedCsvListsExactlyTheRecordsTheLedgerHasNotMigrated() throws Exception {
        List<String> lines = Files.readAllLines(run.reportFile().getParent().resolve("failed.csv"), StandardCharsets.UTF_8);

        assertThat(lines.get(0)).isEqualTo("tenant,entity,source_key,status,reason,field,http_status,blocked_by,in_doubt");
        Set<String> inCsv = lines.subList(1, lines.size()).stream()
                .map(line -> String.join(",", List.of(line.split(",", -1)).subList(0, 4))).collect(Collectors.toSet());
        Set<String> inLedger = splice.ledger().queryForList("select tenant, entity, source_key, status from splice_record"
                        + " where status in ('FAILED', 'BLOCKED')").stream()
                .map(row -> row.get("tenant") + "," + row.get("entity") + "," + row.get("source_key") + "," + row.get("status"))
                .collect(Collectors.toSet());
        assertThat(lines).hasSize(inLedger.size() + 1);
        assertThat(inCsv).isNotEmpty().isEqualTo(inLedger);
    }

    private static long pixels(BufferedImage image, int rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }

    private String chromium(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--user-data-dir=" + workDir.resolve("chromium-profile")));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(workDir.resolve("chromium.log").toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            fail("Chromium failed: " + Files.readString(workDir.resolve("chromium.log")));
        }
        return out;
    }
}

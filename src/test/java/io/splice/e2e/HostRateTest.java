package io.splice.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.splice.report.CompletedRun;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.ReceivedRequest;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The target host's rate (target.rate) holds at the host from the first second on, with four entities of one level
 * starting at once and two more of the next level starting while the first ones finish.
 */
class HostRateTest {

    private static final int HOST_RATE = 20;
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path workDir;

    private TestStack stack;

    @BeforeEach
    void createDatabases() throws Exception {
        stack = TestStack.create();
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void noOneSecondWindowAtTheHostHoldsMoreThanTheHostRate() throws Exception {
        // given six entities whose own rates are far above the host's: four of the first level, two of the second
        new JdbcTemplate(stack.source().dataSource()).execute("create table items as select g as id, g % 5 as grp, "
                + "'item ' || g as name from generate_series(1, 150) as g");
        Path migrations = Files.createDirectories(workDir.resolve("config/migrations"));
        Files.writeString(migrations.resolve("items.yaml"), definition());
        SandboxTarget sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults().withFaults(FaultSettings.none())));
        SpliceUnderTest splice = stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox,
                Map.of("splice.migrations", "file:" + migrations)));

        // when
        CompletedRun run = splice.run();

        // then everything arrived, and no sliding 1-second window at the host (from any arrival) holds more than
        // the host's rate, 10% of tolerance
        assertThat(run.report().status()).isEqualTo("COMPLETED");
        assertThat(sandbox.records("items")).hasSize(150);
        List<Long> arrivals = sandbox.requests().stream().filter(r -> !r.method().equals("HEAD"))
                .map(ReceivedRequest::arrivedNanos).sorted().toList();
        assertThat(arrivals).hasSizeGreaterThanOrEqualTo(150);
        int busiest = 0;
        int firstSecond = 0;
        int start = 0;
        for (int end = 0; end < arrivals.size(); end++) {
            while (arrivals.get(end) - arrivals.get(start) >= SECOND) {
                start++;
            }
            busiest = Math.max(busiest, end - start + 1);
            if (arrivals.get(end) - arrivals.get(0) < SECOND) {
                firstSecond++;
            }
        }
        assertThat(firstSecond).as("requests in the first second").isLessThanOrEqualTo(HOST_RATE * 11 / 10);
        assertThat(busiest).as("requests in the busiest second").isLessThanOrEqualTo(HOST_RATE * 11 / 10);
    }

    private static String definition() {
        StringBuilder yaml = new StringBuilder("""
                migration: items
                target:
                  rate: %d
                entities:
                """.formatted(HOST_RATE));
        String[] names = {"first_a", "first_b", "first_c", "first_d", "second_a", "second_b"};
        for (int i = 0; i < names.length; i++) {
            yaml.append("""
                      %s:
                        source:
                          query: |
                            select id, grp, name from items
                             where id %% 6 = %d and id > :#lastKey order by id limit :#pageSize
                          key: id
                        group: grp
                        %s
                        mapping:
                          fields:
                            legacyId: id
                            name: name
                        target:
                          path: /api/v1/items
                          rate: 1000
                    """.formatted(names[i], i, i < 4 ? "" : "dependsOn: [first_a]"));
        }
        return yaml.toString();
    }
}

package io.splice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.splice.testing.ShopDefinition;
import io.splice.testing.ShopSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code splice validate --config DIR}: what the operator reads, and the exit status a script checks. */
class ValidateCommandTest {

    private static final String UNREACHABLE_TARGET = "http://127.0.0.1:1";
    private static final String TARGET_WARNING = "shop.yaml: warning: splice.target.url: the target " + UNREACHABLE_TARGET
            + " cannot be reached (ConnectException); records will wait and retry when the run starts";

    private static ShopSource source;

    @TempDir
    Path config;

    @BeforeAll
    static void createSource() throws Exception {
        source = ShopSource.create();
    }

    @AfterAll
    static void dropSource() throws Exception {
        source.close();
    }

    @Test
    void aValidDefinitionExitsWithZeroAndSaysWhatItHolds() throws Exception {
        // given
        writeMigration(ShopDefinition.YAML);

        // when
        Run run = validate();

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly(TARGET_WARNING,
                "Migration shop (shop.yaml) is valid: 2 entities, 2 tenants, 1 warning.");
    }

    @Test
    void aBrokenDefinitionExitsWithOneAndListsEveryError() throws Exception {
        // given
        String broken = ShopDefinition.replaced(ShopDefinition.with("pageSize: 50", "pageSize: 0"),
                "dependsOn: [customers]", "dependsOn: [customers, invoices]");
        writeMigration(broken);

        // when
        Run run = validate();

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).containsExactly(
                "shop.yaml: entity 'customers': source.pageSize: must be a whole number above 0, was 0",
                "shop.yaml: entity 'orders': dependsOn: names unknown entity 'invoices' (entities: customers, orders)",
                "2 errors: nothing would start.");
    }

    private void writeMigration(String yaml) throws Exception {
        Files.createDirectories(config.resolve("migrations"));
        Files.writeString(config.resolve("migrations").resolve(ShopDefinition.FILE), yaml);
    }

    private Run validate() {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            int exitCode = new CommandLine(new SpliceCli()).execute("validate", "--config", config.toString(),
                    "-Dsplice.source.url=" + source.url(), "-Dsplice.target.url=" + UNREACHABLE_TARGET);
            return new Run(exitCode, printed.toString(StandardCharsets.UTF_8).lines().toList());
        } finally {
            System.setOut(original);
        }
    }

    private record Run(int exitCode, List<String> lines) {
    }
}

package io.splice.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.sandbox.StoredRecord;
import io.splice.testing.CapturedLogs;
import io.splice.testing.ItemsSource;
import io.splice.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each settings layer alone configures `run`, `status` and `validate` (a --config directory, --config files in order,
 * the environment in a child JVM, -D), and a higher layer wins over a lower one. Five legacy databases whose items
 * differ (A: 3 items, B: 2, C: 4, D: 5, E: 6; every test sends others) show which source a run read; a ledger of its
 * own per test shows which ledger `status` read; validate's warning about an unreachable target names the target it
 * checked, and a source without the items table fails its check.
 */
class SettingLayersTest {

    private static final String NOWHERE = "http://127.0.0.1:1";
    private static final String ELSEWHERE = "http://127.0.0.1:2";

    private static final Map<String, TestDatabase> SOURCES = new LinkedHashMap<>();
    private static SandboxTarget sandbox;

    @TempDir
    static Path definitions;

    @TempDir
    Path dir;

    private TestDatabase ledger;

    @BeforeAll
    static void sourcesAndTarget() throws Exception {
        Map<String, Integer> items = Map.of("a", 3, "b", 2, "c", 4, "d", 5, "e", 6);
        for (String name : items.keySet().stream().sorted().toList()) {
            TestDatabase source = TestDatabase.create("layer" + name);
            SOURCES.put(name, source);
            JdbcTemplate jdbc = new JdbcTemplate(source.dataSource());
            jdbc.execute("create table items (id bigint primary key, grp integer not null, name varchar(100), qty integer)");
            // ids 100 apart per source, names that say which source they are from
            jdbc.update("insert into items select g, g % 2, ? || '-' || g, 1 from generate_series(?, ?) as g",
                    name.toUpperCase(Locale.ROOT), base(name) + 1, base(name) + items.get(name));
        }
        Files.writeString(definitions.resolve("items.yaml"), ItemsSource.DEFINITION);
        sandbox = SandboxTarget.start(SandboxOptions.defaults().withFaults(FaultSettings.none()));
    }

    @AfterAll
    static void dropSources() throws Exception {
        sandbox.close();
        for (TestDatabase source : SOURCES.values()) {
            source.close();
        }
    }

    @AfterEach
    void dropLedger() throws Exception {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void aConfigDirectoryAloneConfiguresRunStatusAndValidate() throws Exception {
        // given a configuration directory: application.properties naming source A, and migrations/items.yaml
        ledger = TestDatabase.create("ledger");
        Path config = Files.createDirectories(dir.resolve("etc"));
        Files.createDirectories(config.resolve("migrations"));
        Files.copy(definitions.resolve("items.yaml"), config.resolve("migrations/items.yaml"));
        Files.writeString(config.resolve("application.properties"), properties(settings("a")));

        // when run, status and validate are given nothing but the directory
        Result run;
        try (CapturedLogs logs = new CapturedLogs()) {
            run = execute("run", "--config", config.toString());
            // then the start-up log says where the source came from
            assertThat(logs.lines()).contains("splice.source.url = " + SOURCES.get("a").url() + " from "
                    + config.resolve("application.properties").toAbsolutePath());
        }
        Result status = execute("status", "--config", config.toString());
        Result validate = execute("validate", "--config", config.toString());

        // then the run read A into the sandbox and its ledger, status read that ledger, validate checked A's query
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(namesAtTheTarget()).contains("A-1", "A-2", "A-3");
        assertThat(status.out()).containsPattern("default\\s+items\\s+3\\s+3\\s+0\\s+0\\s+0\\s+0");
        assertThat(validate.exit()).as(validate.err()).isZero();
        assertThat(validate.out()).contains("Migration items (items.yaml) is valid: 1 entity, 1 tenant.")
                .doesNotContain("cannot be reached");
    }

    @Test
    void configFilesApplyInOrderTheLaterWinsAndMinusDWinsOverBoth() throws Exception {
        // given a file naming source A and a second naming source B
        ledger = TestDatabase.create("ledger");
        Path first = Files.writeString(dir.resolve("first.properties"), properties(settings("a")));
        Path second = Files.writeString(dir.resolve("second.properties"),
                "splice.source.url = " + SOURCES.get("b").url() + "\n");
        Path unreachable = Files.writeString(dir.resolve("unreachable.properties"), "splice.target.url = " + NOWHERE + "\n");

        // when it runs with both files, status reads with the first alone
        Result run = execute("run", "--config", first.toString(), "--config", second.toString());
        Result status = execute("status", "--config", first.toString());

        // then B's items were read (the later file won), into the first file's ledger
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(namesAtTheTarget()).contains("B-101", "B-102");
        assertThat(status.out()).containsPattern("default\\s+items\\s+2\\s+2\\s+0\\s+0\\s+0\\s+0");

        // and validate checks the target of the later file, unless -D names another
        Result later = execute("validate", "--config", first.toString(), "--config", unreachable.toString());
        Result minusD = execute("validate", "--config", first.toString(), "--config", unreachable.toString(),
                "-Dsplice.target.url=" + ELSEWHERE);
        assertThat(later.out()).contains("the target " + NOWHERE + " cannot be reached");
        assertThat(minusD.out()).contains("the target " + ELSEWHERE + " cannot be reached").doesNotContain(NOWHERE);

        // and a -D on the run's command line wins over the files: D's items
        ledger.close();
        ledger = TestDatabase.create("ledger");
        Files.writeString(first, properties(settings("a")));
        Result runD = execute("run", "--config", first.toString(), "--config", second.toString(),
                "-Dsplice.source.url=" + SOURCES.get("d").url());
        assertThat(runD.exit()).as(runD.err()).isZero();
        assertThat(namesAtTheTarget()).contains("D-301", "D-305");
        assertThat(execute("status", "--config", first.toString()).out())
                .containsPattern("default\\s+items\\s+5\\s+5\\s+0\\s+0\\s+0\\s+0");
    }

    @Test
    void minusDAloneConfiguresRunStatusAndValidate() throws Exception {
        // given nothing but -D
        ledger = TestDatabase.create("ledger");
        List<String> minusD = settings("c").entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList();

        // when
        Result run = execute(concat(List.of("run"), minusD));
        Result status = execute(concat(List.of("status"), minusD));
        Result validate = execute(concat(List.of("validate"), minusD));
        Result unreachable = execute(concat(concat(List.of("validate"), minusD), List.of("-Dsplice.target.url=" + NOWHERE)));

        // then C's items, in that ledger; validate checked C's query and the target -D named
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(namesAtTheTarget()).contains("C-201", "C-204");
        assertThat(status.out()).containsPattern("default\\s+items\\s+4\\s+4\\s+0\\s+0\\s+0\\s+0");
        assertThat(validate.exit()).as(validate.err()).isZero();
        assertThat(validate.out()).contains("Migration items (items.yaml) is valid: 1 entity, 1 tenant.");
        assertThat(unreachable.out()).contains("the target " + NOWHERE + " cannot be reached");
    }

    @Test
    void theEnvironmentAloneConfiguresRunStatusAndValidateWinsOverFilesAndLosesToMinusD() throws Exception {
        // given the settings only as environment variables (SPLICE_SOURCE_URL for splice.source.url), in a child JVM
        ledger = TestDatabase.create("ledger");
        Map<String, String> environment = new LinkedHashMap<>();
        settings("e").forEach((key, value) -> environment.put(key.toUpperCase(Locale.ROOT).replace('.', '_')
                .replace('-', '_'), value));

        // when
        Result run = child(environment, "run");
        Result status = child(environment, "status");

        // then E's items went into that ledger
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        // (the test class path's logback-test.xml logs to stdout)
        assertThat(run.out() + run.err()).contains("splice.source.url = " + SOURCES.get("e").url() + " from environment SPLICE_SOURCE_URL");
        assertThat(namesAtTheTarget()).contains("E-401", "E-406");
        assertThat(status.out()).containsPattern("default\\s+items\\s+6\\s+6\\s+0\\s+0\\s+0\\s+0");

        // and given a file naming an unreachable target and source A, the environment the sandbox and a source without
        // the items table (the ledger), and -D source E: validate checks the environment's target and -D's source
        Path file = Files.writeString(dir.resolve("file.properties"), "splice.target.url = " + NOWHERE + "\n"
                + "splice.source.url = " + SOURCES.get("a").url() + "\n");
        Map<String, String> over = new LinkedHashMap<>(environment);
        over.put("SPLICE_SOURCE_URL", ledger.url());
        Result validate = child(over, "validate", "--config", file.toString(), "-Dsplice.source.url=" + SOURCES.get("e").url());
        assertThat(validate.exit()).as(validate.out() + validate.err()).isZero();
        assertThat(validate.out()).contains("Migration items (items.yaml) is valid").doesNotContain(NOWHERE);
    }

    @Test
    void aConfigThatDoesNotExistIsOneLineNamingIt() {
        Path missing = dir.resolve("no-such-dir");
        for (String command : List.of("run", "status", "validate")) {
            Result result = execute(command, "--config", missing.toString());
            assertThat(result.exit()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("splice " + command + ": --config " + missing + ": no such file or directory\n");
        }
    }

    /** Everything a run needs, from one source; its own work dir and in-VM broker. */
    private Map<String, String> settings(String source) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("splice.work-dir", dir.resolve("work-" + source).toString());
        settings.put("splice.source.url", SOURCES.get(source).url());
        settings.put("splice.source.username", SOURCES.get(source).user());
        settings.put("splice.source.password", SOURCES.get(source).password());
        settings.put("splice.ledger.url", ledger.url());
        settings.put("splice.ledger.username", ledger.user());
        settings.put("splice.ledger.password", ledger.password());
        settings.put("splice.target.url", sandbox.baseUrl());
        settings.put("splice.migrations", "file:" + definitions.resolve("items.yaml"));
        settings.put("splice.broker.in-vm-id", String.valueOf(ThreadLocalRandom.current().nextInt(1, 1_000_000)));
        settings.put("splice.load.rate", "1000");
        settings.put("camel.main.jmx-enabled", "false");
        return settings;
    }

    private static String properties(Map<String, String> settings) {
        return settings.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static List<String> namesAtTheTarget() {
        return sandbox.records("items").stream().map(StoredRecord::body).map(body -> String.valueOf(body.get("name")))
                .toList();
    }

    private static int base(String source) {
        return 100 * ("abcde".indexOf(source));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static Result execute(List<String> args) {
        return execute(args.toArray(String[]::new));
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result execute(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream previousOut = System.out;
        PrintStream previousErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine cli = new CommandLine(new SpliceCli());
            cli.setOut(new java.io.PrintWriter(System.out, true));
            cli.setErr(new java.io.PrintWriter(System.err, true));
            int exit = cli.setExecutionExceptionHandler(SpliceCli::report).execute(args);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(previousOut);
            System.setErr(previousErr);
        }
    }

    /** The CLI in a JVM of its own with this environment (a JVM cannot change its own), on the test class path. */
    private Result child(Map<String, String> environment, String... args) throws Exception {
        // an empty entry would put the working directory's routes/ on the class path beside the bundled ones
        String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(Collectors.joining(java.io.File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, SpliceCli.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "child", ".out");
        Path err = Files.createTempFile(dir, "child", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        // only the layer under test: no setting of the machine's own environment
        builder.environment().keySet().removeIf(name -> name.startsWith("SPLICE_") || name.startsWith("CAMEL_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("splice " + String.join(" ", args) + " did not end in 2 minutes:\n" + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}

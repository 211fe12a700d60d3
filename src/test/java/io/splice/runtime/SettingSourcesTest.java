package io.splice.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The layers, each over the ones before: bundled < --config in order < environment < JVM -D < command line -D. */
class SettingSourcesTest {

    @TempDir
    Path dir;

    @Test
    void eachLayerWinsOverTheOnesBeforeItAndSaysWhereItCameFrom() throws Exception {
        // given two files, the environment, a JVM system property and the command line, each setting one more key
        Path first = write("first.properties", "splice.source.url = jdbc:first\nsplice.ledger.url = jdbc:first\n"
                + "splice.target.url = http://first\nsplice.load.rate = 1\nsplice.extract.page-size = 1\n");
        Path second = write("second.properties", "splice.ledger.url = jdbc:second\nsplice.target.url = http://second\n"
                + "splice.load.rate = 2\nsplice.extract.page-size = 2\n");
        Map<String, String> environment = Map.of("SPLICE_TARGET_URL", "http://env", "SPLICE_LOAD_RATE", "3",
                "SPLICE_EXTRACT_PAGE_SIZE", "3", "SPLICE_TARGET_DB_URL", "jdbc:env-target-db");
        Properties system = new Properties();
        system.setProperty("splice.load.rate", "4");
        system.setProperty("splice.extract.page-size", "4");
        system.setProperty("java.home", "/not/a/setting");

        // when
        SettingSources sources = SettingSources.builder(List.of(first, second), environment, system)
                .layer("-D on the command line", Map.of("splice.extract.page-size", "5")).build();

        // then
        assertThat(sources.get("splice.work-dir")).contains(new SettingSources.Setting(
                Path.of("./work").toAbsolutePath().normalize().toString(), SettingSources.BUNDLED));
        assertThat(sources.get("splice.source.url")).contains(new SettingSources.Setting("jdbc:first", first.toString()));
        assertThat(sources.get("splice.ledger.url")).contains(new SettingSources.Setting("jdbc:second", second.toString()));
        assertThat(sources.get("splice.target.url"))
                .contains(new SettingSources.Setting("http://env", "environment SPLICE_TARGET_URL"));
        // a dash becomes an underscore too (Camel's convention)
        assertThat(sources.get("splice.target-db.url"))
                .contains(new SettingSources.Setting("jdbc:env-target-db", "environment SPLICE_TARGET_DB_URL"));
        assertThat(sources.get("splice.load.rate"))
                .contains(new SettingSources.Setting("4", "JVM system property -Dsplice.load.rate"));
        assertThat(sources.get("splice.extract.page-size"))
                .contains(new SettingSources.Setting("5", "-D on the command line"));
        assertThat(sources.values()).doesNotContainKey("java.home");
    }

    @Test
    void aConfigDirectoryBringsItsDefinitionsAndItsPropertiesWhichReachTheBundledPlaceholders() throws Exception {
        // given a configuration directory whose file moves the work dir
        Path config = Files.createDirectories(dir.resolve("etc"));
        Files.createDirectories(config.resolve("migrations"));
        Files.writeString(config.resolve("application.properties"), "splice.work-dir = " + dir.resolve("data") + "\n");

        // when
        SettingSources sources = SettingSources.builder(List.of(config), Map.of(), new Properties()).build();

        // then the bundled source URL's {{splice.work-dir}} is the directory's
        assertThat(sources.resolved("splice.migrations")).isEqualTo("file:" + config.resolve("migrations").toAbsolutePath());
        assertThat(sources.get("splice.migrations").orElseThrow().origin()).isEqualTo("--config " + config + " (its definitions)");
        assertThat(sources.resolved("splice.source.url")).startsWith("jdbc:h2:file:" + dir.resolve("data") + "/source;");
        assertThat(sources.fromBundledDefaults("splice.source.url")).isTrue();
        assertThat(sources.fromBundledDefaults("splice.work-dir")).isFalse();
        assertThat(SpliceProperties.settings(sources).workDir()).isEqualTo(dir.resolve("data"));
    }

    @Test
    void theCamelViewOfTheSettingsIsTheLayersViewEvenWhereTheEnvironmentIsOverruled() throws Exception {
        // given the environment sets a key the command line sets too
        Path file = write("a.properties", "splice.target.url = http://file\n");
        SettingSources sources = SettingSources.builder(List.of(file), Map.of("SPLICE_TARGET_URL", "http://env"),
                new Properties()).layer("-D", Map.of("splice.tenant", "t1")).build();

        // then Settings (built through Camel's properties component) sees what the layers say
        Settings settings = SpliceProperties.settings(sources);
        assertThat(settings.targetUrl()).isEqualTo("http://env");
        assertThat(settings.tenant()).isEqualTo("t1");
    }

    @Test
    void aMissingConfigIsOneLineNamingIt() {
        Path missing = dir.resolve("no-such.properties");
        assertThatThrownBy(() -> SettingSources.builder(List.of(missing), Map.of(), new Properties()))
                .isInstanceOf(SettingSources.ConfigNotFoundException.class)
                .hasMessage("--config " + missing + ": no such file or directory");
    }

    @Test
    void theStartUpLinesSayWhereEachConnectionSettingCameFromAndNeverShowASecret() throws Exception {
        // given passwords in a file, the environment and a URL
        Path file = write("a.properties", "splice.source.url = jdbc:postgresql://db:5432/legacy?password=hunter2\n"
                + "splice.source.password = hunter3\nsplice.target.url = https://ops:hunter4@new-system\n");
        SettingSources sources = SettingSources.builder(List.of(file), Map.of("SPLICE_TARGET_TOKEN", "hunter5",
                "SPLICE_LEDGER_PASSWORD_FILE", "/run/secrets/ledger"), new Properties()).build();

        // when
        List<String> lines = SettingOrigins.lines(sources);

        // then
        assertThat(lines).contains(
                "splice.source.url = jdbc:postgresql://db:5432/legacy?password=*** from " + file,
                "splice.target.url = https://ops:***@new-system from " + file,
                "splice.broker.url = (empty: the embedded broker) from " + SettingSources.BUNDLED,
                "splice.source.password is set, from " + file,
                "splice.ledger.password is read from the file named by splice.ledger.password-file, from environment "
                        + "SPLICE_LEDGER_PASSWORD_FILE",
                "splice.target.token is set, from environment SPLICE_TARGET_TOKEN");
        assertThat(String.join("\n", lines)).doesNotContain("hunter");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}

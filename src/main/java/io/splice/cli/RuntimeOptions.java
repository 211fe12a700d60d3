package io.splice.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.splice.runtime.SettingSources;
import io.splice.runtime.Settings;
import io.splice.runtime.SpliceProperties;

import picocli.CommandLine.Option;

/** Options every command that starts Splice (or checks its configuration) shares. */
class RuntimeOptions {

    @Option(names = "--config", paramLabel = "FILE|DIR",
            description = {"A property file applied over the bundled defaults, or a configuration directory: its "
                    + "application.properties and its migrations/ (or its own *.yaml) migration definitions.",
                    "Repeatable; later ones win. The environment (SPLICE_LOAD_RATE) wins over them, -D over all "
                            + "(docs/settings.md)."})
    List<Path> config = new ArrayList<>();

    @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Set one property, e.g. -Dsplice.load.rate=50 (wins over files and the environment).")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--routes", paramLabel = "DIR",
            description = "Load the YAML routes from this directory instead of the ones bundled in the jar.")
    Path routesDirectory;

    /** The layered settings, with what the command itself sets (named by origin) under the command line's -D. */
    SettingSources sources(String origin, Map<String, String> fromCommand) {
        return builder(config, origin, fromCommand).build();
    }

    SettingSources sources() {
        return sources("", Map.of());
    }

    /** The layers up to the command line's -D, for an option that must win even over -D (--dry-run). */
    SettingSources.Builder builder() {
        return builder(config, "", Map.of());
    }

    private SettingSources.Builder builder(List<Path> configuration, String origin, Map<String, String> fromCommand) {
        SettingSources.Builder builder = SettingSources.builder(configuration).layer(origin, fromCommand);
        if (routesDirectory != null) {
            builder.layer("--routes", Map.of("camel.main.routes-include-pattern",
                    "file:" + routesDirectory.toAbsolutePath() + "/*.camel.yaml"));
        }
        return builder.layer("-D on the command line", properties);
    }

    /**
     * The settings of a command that looks at existing data (status, report, validate): when nothing chose its
     * database and the default one is missing, the demo's (see DemoSettings).
     *
     * @param database which default database the command needs: "ledger" or "source"
     */
    Settings lookingAt(String command, String database, PrintStream err) {
        SettingSources sources = sources();
        if (config.isEmpty() && sources.fromBundledDefaults("splice.work-dir")
                && sources.fromBundledDefaults("splice." + database + ".url")) {
            Settings defaults = SpliceProperties.settings(sources);
            Optional<Path> missing = DemoSettings.missingH2File(
                    ("ledger".equals(database) ? defaults.ledger() : defaults.source()).url());
            Optional<Path> demo = DemoSettings.insteadOf(command, missing, err);
            if (demo.isPresent()) {
                sources = builder(List.of(demo.get()), "", Map.of()).build();
            }
        }
        // a command that only looks keeps its stderr for its own one-line errors: the origins at DEBUG
        io.splice.runtime.SettingOrigins.debug(sources);
        return SpliceProperties.settings(sources);
    }
}

package io.splice.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.splice.runtime.Settings;
import io.splice.runtime.SpliceProperties;

import picocli.CommandLine.Option;

/** Options every command that starts Splice (or checks its configuration) shares. */
class RuntimeOptions {

    @Option(names = "--config", paramLabel = "FILE|DIR",
            description = {"A property file applied over the bundled defaults, or a configuration directory: its "
                    + "application.properties and its migrations/ (or its own *.yaml) migration definitions.",
                    "Repeatable; later ones win."})
    List<Path> config = new ArrayList<>();

    @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Set one property, e.g. -Dsplice.load.rate=50 (wins over files).")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--routes", paramLabel = "DIR",
            description = "Load the YAML routes from this directory instead of the ones bundled in the jar.")
    Path routesDirectory;

    /** The property files: --config files, and application.properties of --config directories. */
    List<Path> propertyFiles() {
        List<Path> files = new ArrayList<>();
        for (Path path : config) {
            if (!Files.isDirectory(path)) {
                files.add(path);
            } else if (Files.isRegularFile(path.resolve("application.properties"))) {
                files.add(path.resolve("application.properties"));
            }
        }
        return files;
    }

    /**
     * The settings of a command that looks at existing data (status, report, validate): when it was given none and the
     * default database it needs is missing, the demo's (see DemoSettings).
     *
     * @param database which default database the command needs: "ledger" or "source"
     */
    Settings lookingAt(String command, String database, PrintStream err) {
        List<Path> files = propertyFiles();
        if (config.isEmpty() && !properties.containsKey("splice.work-dir")
                && !properties.containsKey("splice." + database + ".url")) {
            Settings defaults = SpliceProperties.settings(files, overrides());
            Optional<Path> missing = DemoSettings.missingH2File(
                    ("ledger".equals(database) ? defaults.ledger() : defaults.source()).url());
            files = DemoSettings.insteadOf(command, missing, err).map(List::of).orElse(files);
        }
        // the files' own values as overrides too: a placeholder of the bundled defaults ({{splice.work-dir}}) must
        // see them
        Map<String, String> layered = new LinkedHashMap<>();
        for (Path file : files) {
            java.util.Properties values = new java.util.Properties();
            try (java.io.Reader in = Files.newBufferedReader(file)) {
                values.load(in);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot read " + file, e);
            }
            values.stringPropertyNames().forEach(key -> layered.put(key, values.getProperty(key).trim()));
        }
        layered.putAll(overrides());
        return SpliceProperties.settings(files, layered);
    }

    Map<String, String> overrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (routesDirectory != null) {
            overrides.put("camel.main.routes-include-pattern", "file:" + routesDirectory.toAbsolutePath() + "/*.camel.yaml");
        }
        for (Path path : config) {
            if (Files.isDirectory(path)) {
                Path migrations = path.resolve("migrations");
                overrides.put("splice.migrations", "file:" + (Files.isDirectory(migrations) ? migrations : path).toAbsolutePath());
            }
        }
        overrides.putAll(properties);
        // H2's file URLs under the work dir refuse a path like work/demo (only ./work/demo or absolute)
        overrides.computeIfPresent("splice.work-dir", (key, dir) -> Path.of(dir).toAbsolutePath().normalize().toString());
        return overrides;
    }
}

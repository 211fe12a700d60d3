package io.splice.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Option;

/** Options every command that starts Splice shares. */
class RuntimeOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Property file applied over the bundled defaults (repeatable; later files win).")
    List<Path> configFiles = new ArrayList<>();

    @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Set one property, e.g. -Dsplice.load.rate=50 (wins over files).")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--routes", paramLabel = "DIR",
            description = "Load the YAML routes from this directory instead of the ones bundled in the jar.")
    Path routesDirectory;

    Map<String, String> overrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (routesDirectory != null) {
            overrides.put("camel.main.routes-include-pattern", "file:" + routesDirectory.toAbsolutePath() + "/*.camel.yaml");
        }
        overrides.putAll(properties);
        return overrides;
    }
}

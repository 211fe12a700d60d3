package io.splice.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.splice.runtime.SettingSources;

/**
 * The demo's settings, kept in its work dir ({@code demo.properties}), so that `status`, `report` and `validate` right
 * after `demo` look at the demo's ledger, reports and databases instead of the empty defaults.
 */
final class DemoSettings {

    static final Path DEFAULT_WORK_DIR = Path.of("work", "demo");
    static final String FILE = "demo.properties";

    // what a later command needs to find the demo's data (the sandbox's URL only lives as long as the demo)
    private static final List<String> KEPT = List.of("splice.work-dir", "splice.source.url", "splice.target-db.url",
            "splice.target-db.username", "splice.target.url");

    private DemoSettings() {
    }

    static Path write(Path workDir, SettingSources sources) throws IOException {
        String lines = KEPT.stream().filter(key -> !sources.resolved(key).isEmpty())
                // a properties file reads a backslash as an escape (Windows paths)
                .map(key -> key + " = " + sources.resolved(key).replace("\\", "\\\\"))
                .collect(Collectors.joining("\n", "# written by `splice demo`: pass it with --config to look at the "
                        + "demo's data\n", "\n"));
        return Files.writeString(workDir.resolve(FILE), lines);
    }

    /**
     * The demo's settings, for a command given no configuration whose default ledger (or source) does not exist
     * while a demo's does; says so in one line on {@code err}.
     *
     * @param missing the default database the command needs, when it does not exist
     */
    static Optional<Path> insteadOf(String command, Optional<Path> missing, PrintStream err) {
        Path demo = DEFAULT_WORK_DIR.resolve(FILE);
        if (missing.isEmpty() || !Files.isRegularFile(demo)) {
            return Optional.empty();
        }
        err.println("splice " + command + ": using the demo's settings (" + demo + "): there is no "
                + missing.get() + "; --config FILE chooses others");
        return Optional.of(demo);
    }

    /** The file of an embedded H2 database URL ({@code jdbc:h2:file:PATH;…}) when it does not exist. */
    static Optional<Path> missingH2File(String url) {
        if (url == null || !url.startsWith("jdbc:h2:file:")) {
            return Optional.empty();
        }
        String path = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
        Path file = Path.of(path + ".mv.db");
        return Files.exists(file) ? Optional.empty() : Optional.of(file.normalize());
    }

    /** The one line that says what to pass when a command has no data to look at. */
    static String hint(Path missing) {
        return "there is no " + missing + " (nothing ran with these settings): pass the run's settings with "
                + "--config FILE, or after `demo` --config " + DEFAULT_WORK_DIR.resolve(FILE);
    }
}

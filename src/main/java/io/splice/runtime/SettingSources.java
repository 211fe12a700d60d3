package io.splice.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where Splice's settings are layered, each layer winning over the ones before it: the bundled
 * defaults, then the {@code --config} files and directories in the order given, then the environment
 * ({@code splice.target-db.url} from {@code SPLICE_TARGET_DB_URL}, Camel's convention), then JVM system properties,
 * then the command line ({@code -D}, and what options like {@code --routes} set). Every value remembers where it came
 * from, for the start-up log ({@link SettingOrigins}).
 */
public final class SettingSources {

    /** The bundled defaults, in the jar. */
    static final String DEFAULTS_RESOURCE = "config/application.properties";
    static final String BUNDLED = "the bundled " + DEFAULTS_RESOURCE;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}:]+)}}");

    /** A setting's value as it is written (placeholders unresolved) and the layer it came from. */
    public record Setting(String value, String origin) {
    }

    private final Map<String, Setting> settings;
    private final Map<String, String> environment;

    private SettingSources(Map<String, Setting> settings, Map<String, String> environment) {
        this.settings = settings;
        this.environment = environment;
    }

    /** Bundled defaults, the --config files and directories, the process's environment and system properties. */
    public static Builder builder(List<Path> config) {
        return builder(config, System.getenv(), System.getProperties());
    }

    static Builder builder(List<Path> config, Map<String, String> environment, Properties system) {
        return new Builder(environment).bundledDefaults().config(config).environment().systemProperties(system);
    }

    /** Every setting that any layer but the environment's fallback gives, as Camel is to see it. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        settings.forEach((key, setting) -> values.put(key, setting.value()));
        return values;
    }

    /** The winning value and its layer; a key no file names is still looked up in the environment. */
    public Optional<Setting> get(String key) {
        Setting setting = settings.get(key);
        if (setting != null) {
            return Optional.of(setting);
        }
        return environmentVariable(environment, key).map(name -> new Setting(environment.get(name), "environment " + name));
    }

    /** The value with its {{placeholders}} resolved, trimmed; empty when unset. */
    public String resolved(String key) {
        return resolve(get(key).map(Setting::value).orElse(""), 0).trim();
    }

    /** Whether a key's value is the bundled default's. */
    public boolean fromBundledDefaults(String key) {
        return get(key).map(setting -> setting.origin().equals(BUNDLED)).orElse(false);
    }

    private String resolve(String value, int depth) {
        if (depth > 10) {
            return value;
        }
        Matcher matcher = PLACEHOLDER.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String inner = get(matcher.group(1).trim()).map(Setting::value).orElse(matcher.group());
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(resolve(inner, depth + 1)));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    /** The environment variable that sets a key, Camel's way: {@code KEY} upper-cased, else with . and - as _. */
    static Optional<String> environmentVariable(Map<String, String> environment, String key) {
        String upper = key.toUpperCase(java.util.Locale.ROOT);
        if (environment.containsKey(upper)) {
            return Optional.of(upper);
        }
        String normalized = upper.replace('-', '_').replace('.', '_');
        return environment.containsKey(normalized) ? Optional.of(normalized) : Optional.empty();
    }

    /** Layers added in increasing precedence. */
    public static final class Builder {

        private final Map<String, Setting> settings = new LinkedHashMap<>();
        private final Map<String, String> environment;

        Builder(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
        }

        Builder bundledDefaults() {
            try (InputStream in = SettingSources.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The jar holds no " + DEFAULTS_RESOURCE);
                }
                return layer(BUNDLED, read(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the bundled " + DEFAULTS_RESOURCE, e);
            }
        }

        /**
         * The --config files and directories in order: a file is a property file; a directory contributes its
         * migrations/ (else its own *.yaml) as splice.migrations, then its application.properties if it has one.
         */
        public Builder config(List<Path> config) {
            for (Path path : config) {
                if (Files.isDirectory(path)) {
                    Path migrations = path.resolve("migrations");
                    Path definitions = (Files.isDirectory(migrations) ? migrations : path).toAbsolutePath().normalize();
                    layer("--config " + path + " (its definitions)", Map.of("splice.migrations", "file:" + definitions));
                    Path properties = path.resolve("application.properties");
                    if (Files.isRegularFile(properties)) {
                        file(properties);
                    }
                } else if (Files.isRegularFile(path)) {
                    file(path);
                } else {
                    throw new ConfigNotFoundException(path);
                }
            }
            return this;
        }

        private void file(Path file) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                layer(file.toAbsolutePath().normalize().toString(), read(in));
            } catch (IOException e) {
                throw new IllegalArgumentException("--config " + file + " cannot be read: " + e.getClass().getSimpleName());
            }
        }

        /** The environment overrides every key the layers so far name; Camel falls back to it for the others. */
        Builder environment() {
            for (String key : List.copyOf(settings.keySet())) {
                environmentVariable(environment, key)
                        .ifPresent(name -> settings.put(key, new Setting(environment.get(name), "environment " + name)));
            }
            return this;
        }

        /** JVM system properties of Splice and Camel ({@code java -Dsplice.load.rate=50 -jar ...}). */
        Builder systemProperties(Properties system) {
            for (String key : system.stringPropertyNames()) {
                if (key.startsWith("splice.") || key.startsWith("camel.")) {
                    settings.put(key, new Setting(system.getProperty(key), "JVM system property -D" + key));
                }
            }
            return this;
        }

        /** A layer over everything so far, e.g. the command line's -D. */
        public Builder layer(String origin, Map<String, String> values) {
            values.forEach((key, value) -> settings.put(key, new Setting(value, origin)));
            return this;
        }

        public SettingSources build() {
            Setting workDir = settings.get("splice.work-dir");
            if (workDir != null && !workDir.value().isBlank() && !workDir.value().contains("{{")) {
                // H2's file URLs under the work dir refuse a path like work/demo (only ./work/demo or absolute)
                settings.put("splice.work-dir", new Setting(
                        Path.of(workDir.value().trim()).toAbsolutePath().normalize().toString(), workDir.origin()));
            }
            return new SettingSources(Collections.unmodifiableMap(new LinkedHashMap<>(settings)), environment);
        }

        private static Map<String, String> read(Reader in) throws IOException {
            Properties properties = new Properties();
            properties.load(in);
            Map<String, String> values = new LinkedHashMap<>();
            // trailing blanks are no part of a value (Camel trims them too)
            properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key).strip()));
            return values;
        }
    }

    /** A --config that names nothing: the operator's typo, said in one line. */
    public static final class ConfigNotFoundException extends IllegalArgumentException {

        ConfigNotFoundException(Path path) {
            super("--config " + path + ": no such file or directory");
        }
    }
}

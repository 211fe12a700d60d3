package io.splice.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Splice's property layering (bundled defaults, then the operator's files, then explicit overrides; environment
 * variables win over files), for commands that read the configuration without starting Camel Main.
 */
public final class SpliceProperties {

    private SpliceProperties() {
    }

    static String locations(List<Path> propertyFiles) {
        List<String> locations = new ArrayList<>();
        locations.add(SpliceRuntime.DEFAULTS);
        propertyFiles.forEach(file -> locations.add("file:" + file.toAbsolutePath()));
        return String.join(",", locations);
    }

    /** Settings as a started Splice would see them. */
    public static Settings settings(List<Path> propertyFiles, Map<String, String> overrides) {
        return Settings.from(context(propertyFiles, overrides));
    }

    /** One property as a started Splice would see it (empty when unset). */
    static String value(List<Path> propertyFiles, Map<String, String> overrides, String key) {
        return context(propertyFiles, overrides).getPropertiesComponent().resolveProperty(key).map(String::trim).orElse("");
    }

    private static CamelContext context(List<Path> propertyFiles, Map<String, String> overrides) {
        // built (type converters for the override properties), never started
        CamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().setLocation(locations(propertyFiles));
        Properties override = new Properties();
        override.putAll(overrides);
        context.getPropertiesComponent().setOverrideProperties(override);
        return context;
    }
}

package io.splice.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.component.properties.PropertiesComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Hands the layered settings ({@link SettingSources}) to Camel, for a started Splice and for commands that read the
 * configuration without starting Camel Main: every value as an override property, so Camel's own precedence between
 * its property files (the first location wins there) never decides; the environment and JVM system properties only
 * as Camel's fallback for keys no layer names (SettingSources has already put them where they belong).
 */
public final class SpliceProperties {

    private SpliceProperties() {
    }

    /** Settings as a started Splice would see them. */
    public static Settings settings(SettingSources sources) {
        return Settings.from(context(sources));
    }

    /** For callers that only have files and explicit overrides (tests): the overrides win over everything. */
    public static Settings settings(List<Path> propertyFiles, Map<String, String> overrides) {
        return settings(SettingSources.builder(propertyFiles).layer("the caller's overrides", overrides).build());
    }

    /** Camel's properties component sees the layers' result: the environment and -D no longer win by Camel's rules. */
    static Map<String, String> camelProperties(SettingSources sources) {
        Map<String, String> properties = new java.util.LinkedHashMap<>(sources.values());
        properties.put("camel.component.properties.environment-variable-mode",
                String.valueOf(PropertiesComponent.ENVIRONMENT_VARIABLES_MODE_FALLBACK));
        properties.put("camel.component.properties.system-properties-mode",
                String.valueOf(PropertiesComponent.SYSTEM_PROPERTIES_MODE_FALLBACK));
        return properties;
    }

    private static CamelContext context(SettingSources sources) {
        // built (type converters for the override properties), never started
        CamelContext context = new DefaultCamelContext();
        PropertiesComponent properties = (PropertiesComponent) context.getPropertiesComponent();
        properties.setEnvironmentVariableMode(PropertiesComponent.ENVIRONMENT_VARIABLES_MODE_FALLBACK);
        properties.setSystemPropertiesMode(PropertiesComponent.SYSTEM_PROPERTIES_MODE_FALLBACK);
        Properties override = new Properties();
        override.putAll(sources.values());
        properties.setOverrideProperties(override);
        return context;
    }
}

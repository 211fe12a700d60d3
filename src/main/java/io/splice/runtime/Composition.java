package io.splice.runtime;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

/**
 * What every configuration class builds with: Camel, the typed settings (read once, in {@link Settings#from}), what
 * closes when Camel stops, and the registry the routes find the beans in.
 */
record Composition(CamelContext context, Settings settings, Shutdown shutdown, Registry registry) {

    /** Binds the bean under the name the routes use, and hands it back for the beans that use it. */
    <T> T bind(String name, T bean) {
        registry.bind(name, bean);
        return bean;
    }
}

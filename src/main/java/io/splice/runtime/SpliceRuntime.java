package io.splice.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.splice.report.CompletedRun;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

/**
 * Splice's Camel Main: the bundled defaults, then the operator's property files, then explicit overrides
 * (command line, tests). The CLI and the end-to-end tests start Splice through this one class.
 */
public final class SpliceRuntime implements AutoCloseable {

    static final String DEFAULTS = "classpath:config/application.properties";

    private final Main main;

    private SpliceRuntime(Main main) {
        this.main = main;
    }

    public static SpliceRuntime start(List<Path> propertyFiles, Map<String, String> overrides) throws Exception {
        Main main = new Main();
        main.configure().addConfiguration(SpliceConfiguration.class);
        List<String> locations = new ArrayList<>();
        locations.add(DEFAULTS);
        propertyFiles.forEach(file -> locations.add("file:" + file.toAbsolutePath()));
        main.setPropertyPlaceholderLocations(String.join(",", locations));
        overrides.forEach(main::addOverrideProperty);
        main.start();
        return new SpliceRuntime(main);
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    /** Runs the configured migration once, to the end: its report, also written as report.json. */
    public CompletedRun runMigration() throws IOException {
        try (ProducerTemplate template = context().createProducerTemplate()) {
            return template.requestBody("direct:run-migration", null, CompletedRun.class);
        }
    }

    @Override
    public void close() {
        main.stop();
    }
}

package io.splice.broker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.nio.file.StandardCopyOption;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Artemis inside the Splice JVM: the same broker.xml as the external broker, reachable only in-VM,
 * with its journal under the work directory.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
    private final int inVmId;

    private EmbeddedBroker(int inVmId) {
        this.inVmId = inVmId;
    }

    /**
     * @param brokerXml     URL or classpath name of broker.xml
     * @param dataDirectory where the journal, bindings and paging files live
     * @param consumers     consumers per queue (splice.<entity>): dispatch waits for them so message groups spread
     */
    public static EmbeddedBroker start(String brokerXml, Path dataDirectory, int inVmId,
                                       Map<String, Integer> consumers) throws Exception {
        EmbeddedBroker broker = new EmbeddedBroker(inVmId);
        broker.server.setConfiguration(broker.configuration(brokerXml, dataDirectory, consumers));
        broker.server.start();
        LOG.info("Embedded Artemis started (in-VM id {}, data in {})", inVmId, dataDirectory);
        return broker;
    }

    public String url() {
        return "vm://" + inVmId;
    }

    private Configuration configuration(String brokerXml, Path dataDirectory, Map<String, Integer> consumers) throws Exception {
        FileConfiguration config = new FileConfiguration();
        FileDeploymentManager deployment = new FileDeploymentManager(readableFile(brokerXml, dataDirectory).toUri().toString());
        deployment.addDeployable(config);
        deployment.readConfiguration();

        config.clearAcceptorConfigurations();
        config.addAcceptorConfiguration("in-vm", url());
        // in-VM only, no port is opened: there is nobody to authenticate
        config.setSecurityEnabled(false);
        config.setJMXManagementEnabled(true);
        config.setBindingsDirectory(dataDirectory.resolve("bindings").toString());
        config.setJournalDirectory(dataDirectory.resolve("journal").toString());
        config.setPagingDirectory(dataDirectory.resolve("paging").toString());
        config.setLargeMessagesDirectory(dataDirectory.resolve("large-messages").toString());
        config.setNodeManagerLockDirectory(dataDirectory.toString());
        // merged over splice.#'s settings by Artemis: only the consumer count differs per entity queue
        consumers.forEach((queue, count) -> config.addAddressSetting(queue,
                new AddressSettings().setDefaultConsumersBeforeDispatch(count)));
        return config;
    }

    /**
     * broker.xml as a file: Artemis cannot read it from inside a jar, and if it cannot find it, it silently
     * starts on defaults (no DLQ, no paging) - so a missing file stops Splice here instead.
     */
    private static Path readableFile(String brokerXml, Path dataDirectory) throws IOException {
        Path file = Path.of(brokerXml.startsWith("file:") ? brokerXml.substring("file:".length()) : brokerXml);
        if (Files.isRegularFile(file)) {
            return file;
        }
        String resource = brokerXml.startsWith("classpath:") ? brokerXml.substring("classpath:".length()) : brokerXml;
        try (InputStream in = EmbeddedBroker.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("splice.broker.config: no broker configuration at '" + brokerXml
                        + "' (neither a file nor on the classpath)");
            }
            Path copy = Files.createDirectories(dataDirectory).resolve("broker.xml");
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
        LOG.info("Embedded Artemis stopped");
    }
}

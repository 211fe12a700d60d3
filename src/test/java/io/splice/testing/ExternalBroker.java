package io.splice.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A broker Splice reaches over TCP with credentials, configured by the project's broker/broker.xml (security
 * on), listening on a free port instead of 61616 — optionally with TLS only, on a given key store. It can be stopped
 * and started again on the same port and journal, as an operator restarts a broker.
 */
public final class ExternalBroker implements AutoCloseable {

    private final Path dataDirectory;
    private final String user;
    private final String password;
    private final int port;
    private final String acceptorTls;
    private EmbeddedActiveMQ server;

    private ExternalBroker(Path dataDirectory, String user, String password, int port, String acceptorTls) {
        this.dataDirectory = dataDirectory;
        this.user = user;
        this.password = password;
        this.port = port;
        this.acceptorTls = acceptorTls;
    }

    public static ExternalBroker start(Path dataDirectory, String user, String password) throws Exception {
        return start(dataDirectory, user, password, "");
    }

    /** An acceptor that speaks TLS only, with the certificate's key store. */
    public static ExternalBroker startWithTls(Path dataDirectory, String user, String password,
                                              SelfSignedCertificate certificate) throws Exception {
        return start(dataDirectory, user, password, "&sslEnabled=true&keyStoreType=PKCS12&keyStorePath="
                + certificate.keyStore().toAbsolutePath() + "&keyStorePassword=" + certificate.password());
    }

    private static ExternalBroker start(Path dataDirectory, String user, String password, String acceptorTls)
            throws Exception {
        ExternalBroker broker = new ExternalBroker(dataDirectory, user, password, freePort(), acceptorTls);
        broker.startAgain();
        return broker;
    }

    /** Starts the broker (again): the same port, the same journal, so persistent messages survive a restart. */
    public synchronized void startAgain() throws Exception {
        FileConfiguration config = new FileConfiguration();
        FileDeploymentManager deployment = new FileDeploymentManager(Path.of("broker/broker.xml").toUri().toString());
        deployment.addDeployable(config);
        deployment.readConfiguration();
        config.clearAcceptorConfigurations();
        config.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port + "?protocols=CORE" + acceptorTls);
        config.setBindingsDirectory(dataDirectory.resolve("bindings").toString());
        config.setJournalDirectory(dataDirectory.resolve("journal").toString());
        config.setPagingDirectory(dataDirectory.resolve("paging").toString());
        config.setLargeMessagesDirectory(dataDirectory.resolve("large-messages").toString());
        config.setNodeManagerLockDirectory(dataDirectory.toString());
        SecurityConfiguration users = new SecurityConfiguration();
        users.addUser(user, password);
        users.addRole(user, "splice");
        server = new EmbeddedActiveMQ();
        server.setConfiguration(config);
        server.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
        server.start();
    }

    /** Stops the broker: its clients lose their connections until it is started again. */
    public synchronized void stop() throws Exception {
        if (server != null) {
            ActiveMQServer broker = server.getActiveMQServer();
            // the clients go first, then the broker: Artemis' stop() can deadlock when the sessions it closes roll
            // back their deliveries while it stops the journal (seen once in BrokerRestartReliabilityIT: the critical
            // analyzer halted the JVM). Closing the connections first lets those rollbacks finish before.
            broker.getRemotingService().stop(false);
            try {
                await().atMost(Duration.ofSeconds(10)).pollInSameThread().until(() -> broker.getSessions().isEmpty());
            } catch (ConditionTimeoutException stillClosing) {
                // stop anyway: what is left is closed by the stop itself
            }
            server.stop();
            server = null;
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}

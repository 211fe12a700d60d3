package io.splice.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

/**
 * A broker Splice reaches over TCP with credentials, configured by the project's broker/broker.xml (security
 * on), listening on a free port instead of 61616 — optionally with TLS only, on a given key store.
 */
public final class ExternalBroker implements AutoCloseable {

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
    private final int port;

    private ExternalBroker(int port) {
        this.port = port;
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
        ExternalBroker broker = new ExternalBroker(freePort());
        FileConfiguration config = new FileConfiguration();
        FileDeploymentManager deployment = new FileDeploymentManager(Path.of("broker/broker.xml").toUri().toString());
        deployment.addDeployable(config);
        deployment.readConfiguration();
        config.clearAcceptorConfigurations();
        config.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + broker.port + "?protocols=CORE" + acceptorTls);
        config.setBindingsDirectory(dataDirectory.resolve("bindings").toString());
        config.setJournalDirectory(dataDirectory.resolve("journal").toString());
        config.setPagingDirectory(dataDirectory.resolve("paging").toString());
        config.setLargeMessagesDirectory(dataDirectory.resolve("large-messages").toString());
        config.setNodeManagerLockDirectory(dataDirectory.toString());
        SecurityConfiguration users = new SecurityConfiguration();
        users.addUser(user, password);
        users.addRole(user, "splice");
        broker.server.setConfiguration(config);
        broker.server.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
        broker.server.start();
        return broker;
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
        server.stop();
    }
}

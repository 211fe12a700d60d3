package io.splice.broker;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import io.splice.tls.TrustStore;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.uri.ConnectionFactoryParser;
import org.apache.activemq.artemis.utils.uri.URISchema;

/**
 * TLS to an external broker (splice.broker.trust-store): Artemis' client reads sslEnabled, trustStorePath and
 * trustStorePassword as transport parameters of the broker URL. They are handed to Artemis' own URL parser as
 * parameters beside the URL instead of being written into it, so no URL string holds the password (Artemis masks
 * it when it prints a transport).
 */
final class BrokerTls {

    private BrokerTls() {
    }

    static ActiveMQConnectionFactory factory(String url, TrustStore trustStore) {
        // opened here first: a missing file or a wrong password fails the start naming the setting
        trustStore.load();
        try {
            ConnectionFactoryParser parser = new ConnectionFactoryParser();
            URI uri = parser.expandURI(url);
            Map<String, String> given = URISchema.parseQuery(uri.getQuery(), null);
            Map<String, String> tls = new HashMap<>();
            tls.put(TransportConstants.SSL_ENABLED_PROP_NAME, "true");
            tls.put(TransportConstants.TRUSTSTORE_PATH_PROP_NAME, trustStore.path().toAbsolutePath().toString());
            tls.put(TransportConstants.TRUSTSTORE_PASSWORD_PROP_NAME, trustStore.password());
            tls.put(TransportConstants.TRUSTSTORE_TYPE_PROP_NAME, "PKCS12");
            // Artemis' client does not check the broker's host name unless told to; a URL may still say verifyHost=false
            if (!given.containsKey(TransportConstants.VERIFY_HOST_PROP_NAME)) {
                tls.put(TransportConstants.VERIFY_HOST_PROP_NAME, "true");
            }
            return parser.newObject(uri, tls, null);
        } catch (Exception e) {
            throw new IllegalArgumentException("Property splice.broker.url (" + url + ") cannot be used with TLS: "
                    + e.getMessage(), e);
        }
    }
}

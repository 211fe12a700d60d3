package io.splice.tls;

import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * Whom Splice trusts when it calls the target over https: the certificates of splice.target.trust-store, or the
 * JVM's default trust when it is not set (a CA-signed target needs nothing). The same store for every client —
 * camel-http's (records and plan calls) and the JDK's (health check, read-back, start-up reachability) — and
 * the host name is verified against the certificate by all of them.
 */
public final class TargetTrust {

    private final KeyStore store;
    private final SSLContext sslContext;

    private TargetTrust(KeyStore store, SSLContext sslContext) {
        this.store = store;
        this.sslContext = sslContext;
    }

    /** The JVM's default trust only. */
    public static TargetTrust jvmDefault() {
        return of(TrustStore.none("splice.target.trust-store"));
    }

    public static TargetTrust of(TrustStore trustStore) {
        try {
            if (!trustStore.configured()) {
                return new TargetTrust(null, SSLContext.getDefault());
            }
            KeyStore store = trustStore.load();
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return new TargetTrust(store, context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS towards the target cannot be set up: " + e.getMessage(), e);
        }
    }

    /** A JDK HTTP client builder that trusts the target. */
    public HttpClient.Builder httpClient() {
        return HttpClient.newBuilder().sslContext(sslContext);
    }

    /** For camel-http's https component; null without a trust store (the JVM's default trust applies). */
    public SSLContextParameters camelParameters() {
        if (store == null) {
            return null;
        }
        KeyStoreParameters keyStore = new KeyStoreParameters();
        keyStore.setKeyStore(store);
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(keyStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        // "TLS", not Camel's default "TLSv1.3": a target that offers only TLS 1.2 is still reached
        parameters.setSecureSocketProtocol("TLS");
        return parameters;
    }
}

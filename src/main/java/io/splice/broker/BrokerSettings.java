package io.splice.broker;

import io.splice.tls.TrustStore;

/**
 * An empty url means the embedded broker; a trust store turns on TLS to an external one.
 *
 * @param sendRetries how often a page the broker cannot take is sent again
 */
public record BrokerSettings(String url, String username, String password, String config, int inVmId,
                             TrustStore trustStore, int sendRetries) {
    public boolean embedded() {
        return url == null || url.isBlank();
    }
}

package io.splice.tls;

import javax.net.ssl.SSLException;

/** What an operator needs to read when a call failed in its TLS handshake: the JSSE reason, not just the class. */
public final class TlsFailures {

    private TlsFailures() {
    }

    /**
     * "SSLHandshakeException: PKIX path building failed: …" for a TLS failure anywhere in the cause chain;
     * the exception's class name otherwise.
     */
    public static String describe(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException tls) {
                return tls.getClass().getSimpleName() + ": " + tls.getMessage();
            }
        }
        return error.getClass().getSimpleName();
    }
}

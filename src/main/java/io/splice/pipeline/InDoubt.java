package io.splice.pipeline;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

import io.splice.record.Keys;
import org.apache.camel.Exchange;

/**
 * In doubt: a record's request may have reached the target, and its answer was never heard (docs/outages-and-retries.md).
 * A call that failed after it left (a response timeout, a connection reset or closed before the answer) leaves the
 * reason on the exchange, and the outcome write records it (ledger V7): no write of its own.
 */
public final class InDoubt {

    static final String TIMEOUT = "no answer within the response timeout; the target may have processed the request";
    static final String CONNECTION_LOST = "the connection broke before the answer; the target may have processed the request";
    /** A QUEUED record whose call had begun when its process died (ledger's sending_since, see IncomingRecord). */
    static final String PROCESS_DIED = "Splice stopped while the request was in flight; the target may have processed it";

    private InDoubt() {
    }

    /** Notes a failed call whose request may have arrived; a look-up (a GET) or a call never connected is no doubt. */
    // Exchange: its callers (RetryBudget, Outcomes.failed) hold it; the call's flags are read and the doubt kept on it
    public static void note(Exchange exchange, Throwable error) {
        if (!exchange.getProperty(Keys.CALLING_TARGET, false, Boolean.class)
                || exchange.getProperty(Keys.LOOKING_UP, false, Boolean.class)) {
            return;
        }
        String reason = reason(error);
        if (reason != null) {
            flag(exchange, reason);
        }
    }

    /** The reason this exchange's record is in doubt, kept from the first doubt; null if none. */
    public static String reasonOf(Exchange exchange) {
        return exchange.getProperty(Keys.IN_DOUBT, String.class);
    }

    static void flag(Exchange exchange, String reason) {
        if (exchange.getProperty(Keys.IN_DOUBT) == null) {
            exchange.setProperty(Keys.IN_DOUBT, reason);
        }
    }

    /** Why the failure leaves the request in doubt, or null: it never left (no connection, no TLS) or was answered. */
    static String reason(Throwable error) {
        boolean lost = false;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException
                    || t instanceof SSLException || name.equals("ConnectTimeoutException")
                    || name.equals("HttpHostConnectException")) {
                return null;
            }
            if (t instanceof SocketTimeoutException) {
                return TIMEOUT;
            }
            // a reset, a broken pipe, NoHttpResponseException, ConnectionClosedException, a truncated body
            lost |= t instanceof IOException;
        }
        return lost ? CONNECTION_LOST : null;
    }
}

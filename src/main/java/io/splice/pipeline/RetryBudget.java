package io.splice.pipeline;

import io.splice.record.Keys;
import io.splice.target.TargetAvailability;
import io.splice.target.TargetUnavailableException;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * The load routes' retryWhile (routes/error-handling.camel.yaml): whether a record that failed transiently is tried
 * again. A call that failed while its target is taken as down does not spend the record's retries: the record waits
 * (TargetAvailability.awaitTarget) and stays QUEUED. Any other transient failure spends one of
 * splice.retry.maximum-redeliveries; when they are spent the record is dead-lettered (FAILED).
 */
public class RetryBudget implements Predicate {

    /** Retries the record spent, over its redeliveries in this delivery. */
    static final String SPENT = "spliceRetriesSpent";

    private final TargetAvailability availability;
    private final RetrySummary summary;
    private final int maximumRetries;

    public RetryBudget(TargetAvailability availability, RetrySummary summary, int maximumRetries) {
        this.availability = availability;
        this.summary = summary;
        this.maximumRetries = maximumRetries;
    }

    // Exchange: a Predicate (retryWhileRef); reads the caught exception, keeps the retries spent over redeliveries
    @Override
    public boolean matches(Exchange exchange) {
        Throwable error = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String cause = cause(error);
        // a timeout or a reset after the request left: the record is in doubt, whatever its retries bring
        InDoubt.note(exchange, error);
        String runId = exchange.getProperty(Keys.RUN_ID, String.class);
        String entity = exchange.getProperty(Keys.ENTITY, String.class);
        // set just before the call (pipeline.camel.yaml): the failure is the target's, not the ledger's or the source's
        boolean targetCall = exchange.getProperty(Keys.CALLING_TARGET, false, Boolean.class);
        exchange.removeProperty(Keys.CALLING_TARGET);
        // a certificate the trust store does not hold is no outage: waiting would never end; the records spend their
        // retries and end FAILED with the TLS reason, to be replayed once the trust store is fixed
        if (targetCall && entity != null && !untrusted(error) && availability.failed(entity, cause)) {
            summary.waited(runId);
            // no back-off on top of the wait: the record goes on as soon as a probe gets an answer
            if (exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY) == null) {
                exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, 0L);
            }
            return true;
        }
        int spent = exchange.getProperty(SPENT, 0, Integer.class) + 1;
        exchange.setProperty(SPENT, spent);
        if (spent > maximumRetries) {
            return false;
        }
        summary.retried(runId, cause);
        return true;
    }

    private static boolean untrusted(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException) {
                return true;
            }
        }
        return false;
    }

    static String cause(Throwable error) {
        if (error instanceof TargetUnavailableException unavailable) {
            return "HTTP " + unavailable.status();
        }
        return error == null ? "unknown" : error.getClass().getSimpleName();
    }
}

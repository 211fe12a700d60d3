package io.splice.target.auth;

import java.util.function.BiConsumer;

import io.splice.record.Keys;
import org.apache.camel.Exchange;

/**
 * How Splice proves itself to the target: the header(s) every request carries (splice.target.auth.*, see
 * docs/target-authentication.md). Implementations never show their secrets in toString, logs or exceptions.
 */
public interface TargetAuthentication {

    /** The exchange property holding which credentials (their generation) a call carried; see {@link TokenRenewal}. */
    String GENERATION = "spliceTokenGeneration";

    /**
     * Adds the credentials to a request about to leave.
     *
     * @return the generation of the credentials it carries (renewed credentials have a higher one)
     * @throws TokenUnavailableException the token endpoint gave no token (an outage of the target, not of the record)
     */
    long authorize(BiConsumer<String, String> header) throws TokenUnavailableException;

    /**
     * The target answered 401 to credentials of this generation: renews them if this mode can (a newer generation
     * already there is kept; concurrent refusals of one token renew it once).
     *
     * @return whether a call with renewed credentials is worth one more try
     */
    default boolean renewAfterRefusal(long generation) {
        return false;
    }

    /** Whether credentials can be had now; an outage's probe asks this as well as the target. */
    default boolean available() {
        return true;
    }

    /** The mode and its settings without secrets, for the start-up log. */
    String describe();

    /**
     * Route step right before a call to the target (records, read-backs, plan calls): sets the credentials on the
     * message. A token endpoint that fails is the target's failure: it counts towards an outage (RetryBudget).
     */
    default void authorizeCall(Exchange exchange) throws TokenUnavailableException {
        try {
            exchange.setProperty(GENERATION, authorize(exchange.getMessage()::setHeader));
        } catch (TokenUnavailableException e) {
            exchange.setProperty(Keys.CALLING_TARGET, Boolean.TRUE);
            throw e;
        }
    }

    static TargetAuthentication none() {
        return new TargetAuthentication() {
            @Override
            public long authorize(BiConsumer<String, String> header) {
                return 0;
            }

            @Override
            public String describe() {
                return "none";
            }

            @Override
            public String toString() {
                return describe();
            }
        };
    }
}

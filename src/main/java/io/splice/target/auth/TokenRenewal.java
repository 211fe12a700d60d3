package io.splice.target.auth;

import io.splice.record.Keys;
import io.splice.record.RecordContext;
import io.splice.record.RecordKey;
import io.splice.target.ContentStreams;
import io.splice.target.TargetAvailability;
import io.splice.target.TargetRejectedException;
import org.apache.camel.Exchange;

/**
 * Route step right after a record's call (pipeline.camel.yaml, call-target-host): a 401 to an OAuth2 token renews
 * the token once and has the call tried once more (a retry, back through the throttles, with no back-off); a 401 to
 * the renewed token too is a permanent failure, "target refused the renewed token". Other modes' 401 is left to
 * TargetResponse (a permanent HTTP 401). A 401 is an answer: it never counts towards an outage.
 */
public class TokenRenewal {

    /** Set once a call's token was renewed after a 401; cleared by any other answer. */
    static final String RENEWED = "spliceTokenRenewed";
    static final String REFUSED_RENEWED = "target refused the renewed token";

    private final TargetAuthentication authentication;
    private final TargetAvailability availability;

    public TokenRenewal(TargetAuthentication authentication, TargetAvailability availability) {
        this.authentication = authentication;
        this.availability = availability;
    }

    /**
     * Takes the exchange for Camel's redelivery delay, the renewed mark the next attempt reads (the method throws, so
     * it cannot return it), the upload stream closed and the call's mark removed.
     */
    public void afterCall(Exchange exchange) throws Exception {
        if (exchange.getProperty(Keys.READ_BACK, false, Boolean.class)) {
            return;
        }
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null || status != 401) {
            exchange.removeProperty(RENEWED);
            return;
        }
        RecordKey key = RecordContext.keyOf(exchange);
        if (exchange.getProperty(RENEWED, false, Boolean.class)) {
            answered(exchange);
            throw new TargetRejectedException(401, REFUSED_RENEWED, key + ": the target answered HTTP 401 to a renewed "
                    + "OAuth2 token too (" + REFUSED_RENEWED + "): check that splice.target.auth.scopes and "
                    + "splice.target.auth.audience give the client access to this call");
        }
        long generation = exchange.getProperty(TargetAuthentication.GENERATION, 0L, Long.class);
        if (!authentication.renewAfterRefusal(generation)) {
            return;
        }
        answered(exchange);
        exchange.setProperty(RENEWED, true);
        // the token was the problem, not the target's load: no back-off before the call with the renewed token
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, 0L);
        throw new TokenRefusedException(key + ": the target refused the OAuth2 token (HTTP 401); it was renewed and "
                + "the call is tried once more");
    }

    /**
     * The same after a plan's own call (run.camel.yaml): a 401 to an OAuth2 token renews it once and the call is tried
     * again (plan-calls' redelivery); a 401 to the renewed token is left to TargetCalls, which fails the stage. Takes
     * the exchange as afterCall does: the redelivery delay and the renewed mark.
     */
    public void afterPlanCall(Exchange exchange) throws TokenRefusedException {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null || status != 401) {
            exchange.removeProperty(RENEWED);
            return;
        }
        long generation = exchange.getProperty(TargetAuthentication.GENERATION, 0L, Long.class);
        if (exchange.getProperty(RENEWED, false, Boolean.class) || !authentication.renewAfterRefusal(generation)) {
            return;
        }
        exchange.setProperty(RENEWED, true);
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, 0L);
        throw new TokenRefusedException("The target refused the OAuth2 token (HTTP 401) to a plan's call; it was "
                + "renewed and the call is tried once more");
    }

    /** The target answered: the call's upload stream is closed, and the answer keeps the outage circuit closed. */
    private void answered(Exchange exchange) {
        ContentStreams.close(exchange);
        availability.answeredCall(exchange);
    }
}

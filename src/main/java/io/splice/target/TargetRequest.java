package io.splice.target;

import io.splice.ledger.RecordKey;
import io.splice.pipeline.IncomingRecord;
import io.splice.pipeline.Keys;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Prepares every attempt of a call to the target from scratch: a redelivery must send the same body and
 * headers as the first attempt, not what the previous response left on the message.
 */
public class TargetRequest {

    private final String bearerToken;

    public TargetRequest(String bearerToken) {
        this.bearerToken = bearerToken == null || bearerToken.isBlank() ? null : bearerToken;
    }

    public void prepare(Exchange exchange) {
        Message message = exchange.getMessage();
        // nothing from JMS or a previous response may leak into the request as an HTTP header
        message.removeHeaders("*");
        RecordKey key = IncomingRecord.keyOf(exchange);
        exchange.setProperty(Keys.ATTEMPTS, exchange.getProperty(Keys.ATTEMPTS, 0, Integer.class) + 1);
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Accept", "application/json");
        message.setHeader("Idempotency-Key", key.idempotencyKey());
        if (bearerToken != null) {
            message.setHeader("Authorization", "Bearer " + bearerToken);
        }
        message.setBody(exchange.getProperty(Keys.REQUEST_BODY, String.class));
    }
}

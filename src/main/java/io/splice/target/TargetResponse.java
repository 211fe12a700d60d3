package io.splice.target;

import java.time.Instant;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.observe.RecordMetrics;
import io.splice.record.Keys;
import io.splice.record.RecordContext;
import io.splice.record.RecordKey;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies the target's answer: the created id on success, a transient failure (redelivered, honouring
 * Retry-After) or a permanent one (dead-lettered with the target's reason).
 */
public class TargetResponse {

    private static final Logger LOG = LoggerFactory.getLogger(TargetResponse.class);

    private final ObjectMapper json;
    private final long maxRetryAfterMillis;
    private final RecordMetrics metrics;
    private final TargetAvailability availability;

    public TargetResponse(ObjectMapper json, long maxRetryAfterMillis, RecordMetrics metrics,
                          TargetAvailability availability) {
        this.availability = availability;
        this.json = json;
        this.maxRetryAfterMillis = maxRetryAfterMillis;
        this.metrics = metrics;
    }

    /**
     * Route step after a record's call. Takes the exchange for its many outputs: the target id and status Outcomes
     * records, the look-up done or missed (spliceLookupMissed, call-target's filter), Camel's redelivery delay, the
     * upload stream closed and the call's mark removed; a bean step, since a method expression runs on a copy of the
     * exchange and loses what a method that throws set on the message.
     */
    public void classify(Exchange exchange) throws Exception {
        ContentStreams.close(exchange);
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String body = message.getBody(String.class);
        RecordKey key = RecordContext.keyOf(exchange);
        Long sentAt = exchange.getProperty(TargetRequest.SENT_AT, Long.class);
        if (sentAt != null && metrics != null) {
            metrics.targetCall(key.entity(), status, System.nanoTime() - sentAt);
        }
        message.removeHeader(Exchange.REDELIVERY_DELAY);
        if (!isTransient(status)) {
            // an answer about the record itself (created, found, refused): the target works
            availability.answeredCall(exchange);
        }
        TargetLookup lookup = exchange.getProperty(Keys.LOOKING_UP, false, Boolean.class)
                ? exchange.getProperty(TargetLookup.PROPERTY, TargetLookup.class) : null;
        if (lookup != null && (lookup.meansAbsent(status) || status >= 200 && status < 300)) {
            if (!lookedUp(exchange, key, lookup, status, body)) {
                exchange.setProperty(Keys.LOOKUP_MISSED, true);
            }
            return;
        }
        if (status >= 200 && status < 300) {
            exchange.setProperty(Keys.TARGET_ID, exchange.getProperty(Keys.DRY_RUN, false, Boolean.class)
                    ? dryRunId(key.sourceKey()) : createdId(key, status, body, exchange));
            exchange.setProperty(Keys.HTTP_STATUS, status);
        } else if (isTransient(status)) {
            OptionalLong wait = RetryAfter.millis(message.getHeader("Retry-After", String.class), Instant.now());
            // Camel's redelivery takes this header over its own back-off for the next attempt
            wait.ifPresent(ms -> message.setHeader(Exchange.REDELIVERY_DELAY, Math.min(ms, maxRetryAfterMillis)));
            throw new TargetUnavailableException(status, key + ": target answered HTTP " + status
                    + wait.stream().mapToObj(ms -> ", Retry-After " + ms + " ms").findFirst().orElse(""),
                    body == null || body.isBlank() ? null : FailureAnswer.read(body, contentType(message), json));
        } else {
            throw rejected(key, status, body, contentType(message), lookup != null);
        }
    }

    /** 5xx, 408 and 429: the target could not take the request now; anything else is an answer. */
    static boolean isTransient(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /**
     * The look-up's answer: found, the record is MIGRATED with that id; absent (a notFound status, an empty list), it
     * is sent (the route calls again); several, or no id where configured, is a permanent failure.
     *
     * @return whether the record was found
     */
    private boolean lookedUp(Exchange exchange, RecordKey key, TargetLookup lookup, int status, String body)
            throws TargetResponseException {
        exchange.setProperty(Keys.LOOKED_UP, true);
        TargetLookup.Result result = lookup.meansAbsent(status) ? new TargetLookup.Absent() : lookup.read(parse(body));
        if (result instanceof TargetLookup.Absent) {
            return false;
        }
        if (result instanceof TargetLookup.Several several) {
            throw new TargetResponseException(status, "lookup found " + several.count() + " records at "
                    + lookup.template(), key + ": lookup found " + several.count() + " records at " + lookup.path()
                    + ": which one is this record's is ambiguous, so it is neither sent nor taken",
                    FailureAnswer.unread(body));
        }
        if (result instanceof TargetLookup.Unreadable unreadable) {
            throw new TargetResponseException(status, unreadable.reason(), key + ": " + unreadable.reason() + " (GET "
                    + lookup.path() + " answered HTTP " + status + "): " + abbreviate(body), FailureAnswer.unread(body));
        }
        exchange.setProperty(Keys.TARGET_ID, ((TargetLookup.Found) result).id());
        exchange.setProperty(Keys.HTTP_STATUS, status);
        if (metrics != null) {
            metrics.count(key.tenant(), key.entity(), "found_at_target", 1);
        }
        LOG.info("{} was already at the target (id {}): not sent again", key, exchange.getProperty(Keys.TARGET_ID));
        return true;
    }

    /** A dry run's record the target was not asked about (it passed Splice's own checks): its spliceTargetId. */
    public String notCalled(@ExchangeProperty(Keys.SOURCE_KEY) String sourceKey) {
        return dryRunId(sourceKey);
    }

    /** Stands for the id the target would give, so a dry run's children find their parent MIGRATED. */
    static String dryRunId(String sourceKey) {
        return "dry-run:" + sourceKey;
    }

    private String createdId(RecordKey key, int status, String body, Exchange exchange) throws TargetResponseException {
        String pointer = exchange.getProperty(Keys.ID_POINTER, "/id", String.class);
        JsonNode id = parse(body).at(pointer);
        if (id.isMissingNode() || id.isNull() || id.isContainerNode()) {
            throw new TargetResponseException(status, "response without id at " + pointer,
                    key + ": target answered HTTP " + status + " without an id at " + pointer + ": " + abbreviate(body),
                    FailureAnswer.unread(body));
        }
        return id.asText();
    }

    private TargetRejectedException rejected(RecordKey key, int status, String body, String contentType, boolean lookup) {
        FailureAnswer answer = FailureAnswer.read(body, contentType, json);
        return new TargetRejectedException(status, answer.reason(), key + ": " + (lookup ? "lookup " : "")
                + "target answered HTTP " + status + ": " + answer.reason() + answer.detail(), answer, lookup);
    }

    private static String contentType(Message message) {
        return message.getHeader(Exchange.CONTENT_TYPE, String.class);
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.missingNode() : json.readTree(body);
        } catch (JsonProcessingException e) {
            return json.missingNode();
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "(empty)" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}

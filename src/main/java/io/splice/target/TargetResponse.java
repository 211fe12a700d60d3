package io.splice.target;

import java.time.Instant;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.splice.ledger.RecordKey;
import io.splice.observe.RecordMetrics;
import io.splice.pipeline.IncomingRecord;
import io.splice.pipeline.Keys;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

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

    public void classify(Exchange exchange) throws Exception {
        ContentStreams.close(exchange);
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String body = message.getBody(String.class);
        RecordKey key = IncomingRecord.keyOf(exchange);
        Long sentAt = exchange.getProperty(TargetRequest.SENT_AT, Long.class);
        if (sentAt != null && metrics != null) {
            metrics.targetCall(key.entity(), status, System.nanoTime() - sentAt);
        }
        message.removeHeader(Exchange.REDELIVERY_DELAY);
        if (!isTransient(status)) {
            // an answer about the record itself (created, found, refused): the target works
            availability.answeredCall(exchange);
        }
        if (exchange.getProperty(Keys.LOOKING_UP, false, Boolean.class) && (status == 404 || status < 300)) {
            lookedUp(exchange, key, status, body);
            return;
        }
        if (status >= 200 && status < 300) {
            exchange.setProperty(Keys.TARGET_ID, exchange.getProperty(Keys.DRY_RUN, false, Boolean.class)
                    ? dryRunId(key) : createdId(key, status, body, exchange));
            exchange.setProperty(Keys.HTTP_STATUS, status);
        } else if (isTransient(status)) {
            OptionalLong wait = RetryAfter.millis(message.getHeader("Retry-After", String.class), Instant.now());
            // Camel's redelivery takes this header over its own back-off for the next attempt
            wait.ifPresent(ms -> message.setHeader(Exchange.REDELIVERY_DELAY, Math.min(ms, maxRetryAfterMillis)));
            throw new TargetUnavailableException(status, key + ": target answered HTTP " + status
                    + wait.stream().mapToObj(ms -> ", Retry-After " + ms + " ms").findFirst().orElse(""));
        } else {
            throw rejected(key, status, body);
        }
    }

    /** 5xx, 408 and 429: the target could not take the request now; anything else is an answer. */
    static boolean isTransient(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /** The look-up's answer: found, the record is MIGRATED with that id; not found, it is sent (the route calls again). */
    private void lookedUp(Exchange exchange, RecordKey key, int status, String body) throws TargetResponseException {
        exchange.setProperty(Keys.LOOKED_UP, true);
        if (status == 404) {
            exchange.setProperty(Keys.LOOKUP_MISSED, true);
            return;
        }
        exchange.setProperty(Keys.TARGET_ID, createdId(key, status, body, exchange));
        exchange.setProperty(Keys.HTTP_STATUS, status);
        if (metrics != null) {
            metrics.count(key.tenant(), key.entity(), "found_at_target", 1);
        }
        LOG.info("{} was already at the target (id {}): not sent again", key, exchange.getProperty(Keys.TARGET_ID));
    }

    /** A dry run's record the target was not asked about: it passed Splice's own checks. */
    public void notCalled(Exchange exchange) {
        exchange.setProperty(Keys.TARGET_ID, dryRunId(IncomingRecord.keyOf(exchange)));
    }

    /** Stands for the id the target would give, so a dry run's children find their parent MIGRATED. */
    static String dryRunId(RecordKey key) {
        return "dry-run:" + key.sourceKey();
    }

    private String createdId(RecordKey key, int status, String body, Exchange exchange) throws TargetResponseException {
        String pointer = exchange.getProperty(Keys.ID_POINTER, "/id", String.class);
        JsonNode id = parse(body).at(pointer);
        if (id.isMissingNode() || id.isNull() || id.isContainerNode()) {
            throw new TargetResponseException(status, "response without id at " + pointer,
                    key + ": target answered HTTP " + status + " without an id at " + pointer + ": " + abbreviate(body));
        }
        return id.asText();
    }

    private TargetRejectedException rejected(RecordKey key, int status, String body) {
        JsonNode answer = parse(body);
        String field = answer.path("field").asText("");
        String reason = answer.path("reason").asText(answer.path("error").asText("rejected"));
        String groupable = field.isEmpty() ? reason : field + ": " + reason;
        JsonNode value = answer.get("value");
        String detail = value == null ? "" : " (value: " + value + ")";
        return new TargetRejectedException(status, groupable,
                key + ": target answered HTTP " + status + ": " + groupable + detail);
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

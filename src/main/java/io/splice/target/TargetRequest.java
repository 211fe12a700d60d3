package io.splice.target;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.splice.definition.CompiledEntity;
import io.splice.definition.CompiledMigration;
import io.splice.definition.TargetDefinition;
import io.splice.observe.RecordMetrics;
import io.splice.record.Keys;
import io.splice.record.PermanentFailure;
import io.splice.record.RecordContext;
import io.splice.record.RecordKey;
import io.splice.report.ReadBackCheck;
import io.splice.target.auth.TargetAuthentication;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.apache.camel.component.http.HttpMethods;

/**
 * Prepares every attempt of a call to the target from scratch: a redelivery must send the same body and
 * headers as the first attempt, not what the previous response left on the message.
 */
public class TargetRequest {

    private static final Pattern PATH_FIELD = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    // when the record entered the throttles, and when its request left: for splice_throttle_wait and splice_target
    static final String THROTTLED_AT = "spliceThrottledAt";
    static final String SENT_AT = "spliceSentAt";

    private final CompiledMigration migration;
    private final TargetRates rates;
    private final ContentStreams content;
    private final RecordMetrics metrics;
    private final TargetAuthentication authentication;
    private final boolean dryRun;

    /** @param dryRun records go to the entity's validatePath, or nowhere: nothing is stored at the target */
    public TargetRequest(CompiledMigration migration, TargetRates rates, ContentStreams content, RecordMetrics metrics,
                         TargetAuthentication authentication, boolean dryRun) {
        this.dryRun = dryRun;
        this.migration = migration;
        this.metrics = metrics;
        this.rates = rates;
        this.content = content;
        this.authentication = authentication;
    }

    /**
     * Route step before the throttles: the request on the message. Takes the exchange for its many outputs besides
     * the message, read by later steps (attempts, idPointer, dry run, look-up, throttle time: TargetResponse, Outcomes);
     * a bean step, not a method expression: an expression runs on a copy of the exchange and loses removals and body.
     */
    public void prepare(Exchange exchange) throws Exception {
        if (!exchange.getProperty(Keys.READ_BACK, false, Boolean.class)) {
            request(exchange);
        }
        // the read-back's GET comes prepared (ReadBackCheck): it only takes its place in the throttles
        exchange.setProperty(THROTTLED_AT, System.nanoTime());
    }

    /** Whether the call is skipped (spliceSkipCall): a dry run's record whose entity has no validatePath. */
    public boolean skipsCall(@ExchangeProperty(Keys.READ_BACK) Boolean readBack,
                             @ExchangeProperty(Keys.ENTITY) String entity) {
        return dryRun && !Boolean.TRUE.equals(readBack) && migration.entity(entity).target().validatePath() == null;
    }

    private void request(Exchange exchange) throws PermanentFailure {
        Message message = exchange.getMessage();
        // nothing from JMS or a previous response may leak into the request as an HTTP header
        Keys.clearHeadersKeepingRedelivery(message);
        RecordKey key = RecordContext.keyOf(exchange);
        CompiledEntity entity = migration.entity(key.entity());
        exchange.setProperty(Keys.ATTEMPTS, exchange.getProperty(Keys.ATTEMPTS, 0, Integer.class) + 1);
        exchange.setProperty(Keys.ID_POINTER, entity.idPointer());
        // the enum, not its name: camel-http converted the name on every call (7% of a consumer's CPU)
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.valueOf(entity.method()));
        message.setHeader(Exchange.HTTP_PATH, expand(entity.target().path(), key, mapped(exchange), true));
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Accept", "application/json");
        entity.target().headers().forEach(message::setHeader);
        message.setHeader(entity.idempotencyHeader(), key.idempotencyKey());
        TargetDefinition.Upload upload = entity.target().upload();
        if (upload == null) {
            message.setBody(exchange.getProperty(Keys.REQUEST_BODY, String.class));
        } else {
            message.setHeader(Exchange.CONTENT_TYPE, expand(upload.contentType(), key, mapped(exchange), false));
        }
        if (dryRun) {
            checkOnly(exchange, entity, key);
        } else {
            lookUpFirst(exchange, entity, key);
        }
    }

    /** The rate the record's throttle and its entity's permits use (spliceRate): see {@link TargetRates#rate}. */
    public int rate(@ExchangeProperty(Keys.TENANT) String tenant, @ExchangeProperty(Keys.ENTITY) String entity) {
        return rates.rate(tenant, entity);
    }

    /**
     * A record an earlier attempt may have created (its process died before the ledger heard, or the broker delivers
     * it again) is first looked up at the target, where the entity has a lookup: by its idempotency key or by fields
     * of the mapped record (a search). Found, it is MIGRATED with that id and not sent again (TargetResponse).
     */
    private static void lookUpFirst(Exchange exchange, CompiledEntity entity, RecordKey key) throws PermanentFailure {
        // most records are new to the target: they never build a look-up
        boolean lookUp = exchange.getProperty(Keys.MAYBE_AT_TARGET, false, Boolean.class)
                && !exchange.getProperty(Keys.LOOKED_UP, false, Boolean.class);
        TargetDefinition.Lookup lookup = lookUp ? entity.target().effectiveLookup() : null;
        lookUp = lookup != null;
        exchange.setProperty(Keys.LOOKING_UP, lookUp);
        exchange.removeProperty(TargetLookup.PROPERTY);
        if (lookUp) {
            String encodedKey = URLEncoder.encode(key.idempotencyKey(), StandardCharsets.UTF_8).replace("+", "%20");
            TargetLookup call = TargetLookup.of(lookup, expand(lookup.path().replace("{idempotencyKey}", encodedKey),
                    key, mapped(exchange), true), entity.idPointer());
            exchange.setProperty(TargetLookup.PROPERTY, call);
            Message message = exchange.getMessage();
            message.setHeader(Exchange.HTTP_METHOD, HttpMethods.GET);
            message.setHeader(Exchange.HTTP_PATH, call.pathOnly());
            if (call.query() != null) {
                message.setHeader(Exchange.HTTP_QUERY, call.query());
            }
            message.removeHeader(Exchange.CONTENT_TYPE);
            message.setBody(null);
        }
    }

    /** A dry run's request goes to the entity's validatePath; without one nothing is sent ({@link #skipsCall}). */
    private static void checkOnly(Exchange exchange, CompiledEntity entity, RecordKey key) throws PermanentFailure {
        exchange.setProperty(Keys.DRY_RUN, true);
        String validatePath = entity.target().validatePath();
        if (validatePath != null) {
            exchange.getMessage().setHeader(Exchange.HTTP_METHOD, HttpMethods.POST);
            exchange.getMessage().setHeader(Exchange.HTTP_PATH, expand(validatePath, key, mapped(exchange), true));
        }
    }

    /**
     * Right before the send: an upload's body is its content, streamed from the source. Takes the exchange: the
     * credentials' generation (TokenRenewal), the send time (TargetResponse) and the stream closed with it.
     */
    public void attachContent(Exchange exchange) throws Exception {
        RecordKey key = RecordContext.keyOf(exchange);
        CompiledEntity entity = migration.entity(key.entity());
        long now = System.nanoTime();
        metrics.throttleWait(key.entity(), now - exchange.getProperty(THROTTLED_AT, now, Long.class));
        exchange.setProperty(SENT_AT, now);
        // after the throttles, so a token is not spent waiting in them (an OAuth2 token may expire meanwhile)
        authentication.authorizeCall(exchange);
        if (entity.target().upload() != null) {
            exchange.getMessage().setBody(content.open(exchange, entity, key));
        }
    }

    private static Map<?, ?> mapped(Exchange exchange) {
        return exchange.getProperty(Keys.MAPPED, Map.class);
    }

    /** A template with {field} replaced by the mapped record's value (URL-encoded in a path). */
    private static String expand(String template, RecordKey key, Map<?, ?> mapped, boolean encode) throws PermanentFailure {
        Matcher matcher = PATH_FIELD.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            Object value = mapped == null ? null : mapped.get(matcher.group(1));
            if (value == null) {
                throw new MissingPathValueException(key, matcher.group(1), template);
            }
            String text = String.valueOf(value);
            matcher.appendReplacement(path, Matcher.quoteReplacement(encode
                    ? URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20") : text));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    /** A path template names a field the record has no value for. */
    static class MissingPathValueException extends PermanentFailure {
        MissingPathValueException(RecordKey key, String field, String template) {
            super("path " + template + ": no value for " + field,
                    key + ": the target path " + template + " needs field " + field + ", which the mapped record lacks");
        }
    }
}

package io.splice.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.definition.CompiledEntity;
import io.splice.definition.CompiledMigration;
import io.splice.ledger.Ledger;
import io.splice.record.Keys;
import io.splice.record.LazyProducer;
import io.splice.target.ReadBackSampling;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconciliation's read-back: a sample of a run's migrated records (those whose request body the ledger kept, see
 * {@link ReadBackSampling}) is read from the target at the entity's {@code readPath} and compared field by field with
 * what was sent. A field the target does not return counts as different; fields the target adds (its id, timestamps)
 * are not compared. At most {@code maxPerEntity} GETs per entity, one after the other, through the entity's call route
 * and so its throttles: the target's rate limit holds for them too.
 */
public class ReadBackCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ReadBackCheck.class);
    private static final int MAX_DIFFERENCES = 20;
    private static final int MAX_VALUE_CHARS = 120;
    private static final int ATTEMPTS = 3;
    private static final long RETRY_PAUSE_MILLIS = 250;

    private final CompiledMigration migration;
    private final Ledger ledger;
    private final ObjectMapper json;
    private final int maxPerEntity;
    private final LazyProducer producer;

    public ReadBackCheck(CamelContext context, CompiledMigration migration, Ledger ledger, ObjectMapper json,
                         int maxPerEntity) {
        this.producer = new LazyProducer(context);
        this.migration = migration;
        this.ledger = ledger;
        this.json = json;
        this.maxPerEntity = maxPerEntity;
    }

    /** The report with its read-back; a dry run's as it is (nothing was written to read back). */
    public RunReport check(RunReport report) {
        if (report.dryRun() || maxPerEntity == 0) {
            return report;
        }
        List<RunReport.ReadBack> results = new ArrayList<>();
        for (RunReport.EntityCounts counts : report.entities()) {
            CompiledEntity entity = migration.entity(counts.name());
            if (!entity.writesSql() && entity.target().readPath() != null) {
                List<Map<String, Object>> sample = ledger.readBackSample(report.runId(), entity.name(), maxPerEntity);
                if (!sample.isEmpty()) {
                    results.add(readBack(report, entity, sample));
                }
            }
        }
        return report.withReadBack(results);
    }

    private RunReport.ReadBack readBack(RunReport report, CompiledEntity entity, List<Map<String, Object>> sample) {
        int matched = 0;
        int differing = 0;
        int missing = 0;
        int unreadable = 0;
        List<RunReport.ReadBackDifference> differences = new ArrayList<>();
        for (Map<String, Object> record : sample) {
            String sourceKey = String.valueOf(record.get("source_key"));
            String targetId = String.valueOf(record.get("target_id"));
            Answer answer = read(entity, sourceKey, targetId, report.tenant());
            if (answer.status() == 404) {
                missing++;
                note(differences, new RunReport.ReadBackDifference(sourceKey, targetId, null, null, "not found (HTTP 404)"));
                continue;
            }
            if (answer.body() == null) {
                unreadable++;
                note(differences, new RunReport.ReadBackDifference(sourceKey, targetId, null, null, answer.problem()));
                continue;
            }
            List<RunReport.ReadBackDifference> found = compare(sourceKey, targetId,
                    parse(String.valueOf(record.get("request_body"))), answer.body());
            if (found.isEmpty()) {
                matched++;
            } else {
                differing++;
                found.forEach(difference -> note(differences, difference));
            }
        }
        return new RunReport.ReadBack(entity.name(), sample.size(), matched, differing, missing, unreadable, differences);
    }

    private List<RunReport.ReadBackDifference> compare(String sourceKey, String targetId, JsonNode sent, JsonNode stored) {
        List<RunReport.ReadBackDifference> differences = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = sent.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode there = stored.get(field.getKey());
            if (!same(field.getValue(), there)) {
                differences.add(new RunReport.ReadBackDifference(sourceKey, targetId, field.getKey(),
                        abbreviate(field.getValue().toString()), there == null ? "(absent)" : abbreviate(there.toString())));
            }
        }
        return differences;
    }

    /** Equal JSON, numbers by value (12 = 12.0), a sent null = an absent field. */
    static boolean same(JsonNode sent, JsonNode stored) {
        if (stored == null || stored.isNull()) {
            return sent.isNull();
        }
        if (sent.isNumber() && stored.isNumber()) {
            return sent.decimalValue().compareTo(stored.decimalValue()) == 0;
        }
        return sent.equals(stored);
    }

    private Answer read(CompiledEntity entity, String sourceKey, String targetId, String tenant) {
        String path = entity.target().readPath().replace("{id}",
                URLEncoder.encode(targetId, StandardCharsets.UTF_8).replace("+", "%20"));
        String problem = null;
        // a transient answer (5xx, 429, an I/O error) is asked again, a little later
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1 && !pause()) {
                return new Answer(0, null, "interrupted");
            }
            // through the entity's call route: its throttles count these GETs as they count the records' calls
            Exchange answer = producer.get().send("direct:call-target-" + entity.name(), exchange -> {
                exchange.setProperty(Keys.READ_BACK, true);
                exchange.setProperty(Keys.TENANT, tenant);
                exchange.setProperty(Keys.ENTITY, entity.name());
                exchange.setProperty(Keys.SOURCE_KEY, sourceKey);
                Message request = exchange.getMessage();
                request.setHeader(Exchange.HTTP_METHOD, "GET");
                request.setHeader(Exchange.HTTP_PATH, path);
                request.setHeader("Accept", "application/json");
                request.setBody(null);
            });
            if (answer.getException() != null) {
                problem = answer.getException().getClass().getSimpleName();
                continue;
            }
            int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
            if (status >= 200 && status < 300) {
                JsonNode body = parse(answer.getMessage().getBody(String.class));
                return body.isObject() ? new Answer(status, body, null)
                        : new Answer(status, null, "HTTP " + status + " without a JSON object");
            }
            problem = "HTTP " + status;
            if (status < 500 && status != 429) {
                return new Answer(status, null, problem);
            }
        }
        LOG.warn("Read-back of {} {} failed: {}", entity.name(), targetId, problem);
        return new Answer(0, null, problem);
    }

    private static boolean pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode parse(String body) {
        try {
            return body == null ? json.missingNode() : json.readTree(body);
        } catch (Exception e) {
            return json.missingNode();
        }
    }

    private static void note(List<RunReport.ReadBackDifference> differences, RunReport.ReadBackDifference difference) {
        if (differences.size() < MAX_DIFFERENCES) {
            differences.add(difference);
        }
    }

    private static String abbreviate(String value) {
        return value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) + "…" : value;
    }

    private record Answer(int status, JsonNode body, String problem) {
    }
}

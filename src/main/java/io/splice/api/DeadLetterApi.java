package io.splice.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.splice.deadletter.DeadLetterWorkbench.Chosen;
import io.splice.deadletter.DeadLetterWorkbench.Selection;
import io.splice.deadletter.DeadLetterWorkbench;
import io.splice.definition.CompiledMigration;
import io.splice.ledger.OperatorQueries;
import io.splice.record.Keys;
import io.splice.record.LazyProducer;
import org.apache.camel.Body;
import org.apache.camel.CamelContext;
import org.apache.camel.Header;

/**
 * Dead letters over HTTP: FAILED records by fingerprint, and their replay and discard. Both take an explicit
 * selection (a fingerprint and/or source keys, or "all": true alone), answer with exactly the keys they touch, and
 * with "dryRun": true touch nothing and answer the same keys.
 */
public class DeadLetterApi {

    private static final String FROM_DEAD_LETTERS = "dead-letters";
    private static final String FROM_SOURCE = "source";
    /** The in-doubt listing's bound: failed.csv and the ledger have them all. */
    static final int MAX_IN_DOUBT = 1000;

    private final LazyProducer producer;
    private final CompiledMigration migration;
    private final OperatorQueries queries;
    private final EntityControls controls;
    private final DeadLetterWorkbench workbench;
    private final ApiRequests requests;

    public DeadLetterApi(CamelContext context, CompiledMigration migration, OperatorQueries queries,
                         EntityControls controls, DeadLetterWorkbench workbench, ApiRequests requests) {
        this.producer = new LazyProducer(context);
        this.migration = migration;
        this.queries = queries;
        this.controls = controls;
        this.workbench = workbench;
        this.requests = requests;
    }

    /** FAILED records grouped by fingerprint (tenant, entity, HTTP status, reason), with counts and a sample key. */
    public List<Answers.DeadLetterGroup> deadLetters(@Header("tenant") String tenant) {
        if (tenant != null) {
            Lookups.known(() -> migration.tenant(tenant), "tenant");
        }
        return queries.deadLetterGroups(tenant).stream().map(row -> new Answers.DeadLetterGroup(
                (String) row.get("tenant"), (String) row.get("entity"),
                row.get("http_status") == null ? null : ((Number) row.get("http_status")).intValue(),
                (String) row.get("reason"), ((Number) row.get("records")).longValue(), (String) row.get("sample_key"),
                row.get("last_seen") instanceof java.sql.Timestamp t ? t.toInstant() : null,
                row.get("fields") == null ? List.of() : List.of(((String) row.get("fields")).split(", "))))
                .toList();
    }

    /** Records in doubt, newest first, at most {@link #MAX_IN_DOUBT}; tenant and entity optional. */
    public List<Answers.InDoubtRecord> inDoubt(@Header("tenant") String tenant, @Header("entity") String entity) {
        if (tenant != null) {
            Lookups.known(() -> migration.tenant(tenant), "tenant");
        }
        if (entity != null) {
            Lookups.known(() -> migration.entity(entity), "entity");
        }
        return queries.inDoubt(tenant, entity, MAX_IN_DOUBT).stream().map(row -> new Answers.InDoubtRecord(
                (String) row.get("tenant"), (String) row.get("entity"), (String) row.get("source_key"),
                (String) row.get("status"), (String) row.get("in_doubt_reason"), (String) row.get("target_id"),
                (String) row.get("run_id"), row.get("updated_at") instanceof java.sql.Timestamp t ? t.toInstant() : null))
                .toList();
    }

    /**
     * A dry run answers the keys and what their replay would do; otherwise exactly those keys are replayed in the
     * background (202), from their dead letters' payload or re-read from the source, at the entity's rate (set to
     * "rate" first when given).
     */
    public Object replay(@Body String body) throws Exception {
        Requests.Replay request = requests.read(body, Requests.Replay.class);
        String from = request.from() == null ? FROM_DEAD_LETTERS : request.from();
        if (!FROM_DEAD_LETTERS.equals(from) && !FROM_SOURCE.equals(from)) {
            throw new ApiException(400, "from: must be dead-letters or source, was '" + from + "'");
        }
        Chosen chosen = choose(request.entity(), request.tenant(), request.reason(), request.sourceKeys(), request.all());
        if (Boolean.TRUE.equals(request.dryRun())) {
            DeadLetterWorkbench.Preview preview = workbench.preview(chosen);
            return new Answers.ReplayPreview(chosen.entity(), chosen.tenant(), true, chosen.sourceKeys(), chosen.more(),
                    chosen.sourceKeys().size(), preview.wouldSend(), preview.wouldFailMapping(), preview.wouldBeBlocked(),
                    preview.samples());
        }
        if (request.rate() != null) {
            controls.setRate(chosen.entity(), request.rate());
        }
        if (!chosen.sourceKeys().isEmpty()) {
            Map<String, Object> headers = new HashMap<>();
            headers.put(Keys.TENANT_HEADER, chosen.tenant());
            headers.put(Keys.REPLAY_ENTITY, chosen.entity());
            headers.put(DeadLetterWorkbench.CHOSEN, chosen);
            producer.get().asyncRequestBodyAndHeaders(
                    FROM_SOURCE.equals(from) ? "direct:replay-entity" : "direct:replay-dead-letters", null, headers);
        }
        return new Answers.ReplayAccepted(!chosen.sourceKeys().isEmpty(), chosen.entity(), chosen.tenant(), from,
                chosen.sourceKeys(), chosen.more(), chosen.sourceKeys().size(), "/api/runs");
    }

    /** A replay that started is 202 (its run is in /api/runs); a dry run, or nothing to replay, is 200. */
    public int status(@Body Object answer) {
        return answer instanceof Answers.ReplayAccepted accepted && accepted.accepted() ? 202 : 200;
    }

    /** DISCARDED with why recorded, out of the DLQ; a dry run answers the same keys and changes nothing. */
    public Answers.Discarded discard(@Body String body) throws Exception {
        Requests.Discard request = requests.read(body, Requests.Discard.class);
        boolean dryRun = Boolean.TRUE.equals(request.dryRun());
        if (!dryRun && (request.why() == null || request.why().isBlank())) {
            throw new ApiException(400, "why: required: a discard records why in the ledger");
        }
        Chosen chosen = choose(request.entity(), request.tenant(), request.reason(), request.sourceKeys(), request.all());
        if (dryRun) {
            return new Answers.Discarded(chosen.entity(), chosen.tenant(), true, chosen.sourceKeys(), chosen.more(),
                    chosen.sourceKeys().size(), 0);
        }
        DeadLetterWorkbench.Discarded done = workbench.discard(chosen, request.why());
        return new Answers.Discarded(chosen.entity(), chosen.tenant(), false, done.sourceKeys(), chosen.more(),
                done.sourceKeys().size(), done.deadLettersRemoved());
    }

    private Chosen choose(String entity, String tenant, String reason, List<String> sourceKeys, Boolean all) {
        Lookups.known(() -> migration.entity(entity), "entity");
        String named = tenant;
        if (named == null) {
            if (migration.tenantNames().size() > 1) {
                throw new ApiException(400, "tenant: required: the migration has tenants "
                        + String.join(", ", migration.tenantNames()));
            }
            named = migration.tenantNames().get(0);
        }
        String chosenTenant = named;
        Lookups.known(() -> migration.tenant(chosenTenant), "tenant");
        boolean everything = Boolean.TRUE.equals(all);
        boolean narrowed = reason != null || sourceKeys != null && !sourceKeys.isEmpty();
        if (everything && narrowed) {
            throw new ApiException(400, "all: true selects every FAILED record and takes no reason or sourceKeys");
        }
        if (!everything && !narrowed) {
            throw new ApiException(400, "a selection is required: reason (a fingerprint), sourceKeys, or all: true");
        }
        try {
            return workbench.choose(new Selection(chosenTenant, entity, reason, sourceKeys, everything));
        } catch (NoSuchElementException e) {
            throw new ApiException(404, e.getMessage());
        }
    }
}

package io.splice.deadletter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.broker.DeadLetterQueue;
import io.splice.definition.CompiledEntity;
import io.splice.definition.CompiledMigration;
import io.splice.definition.CompiledTenant;
import io.splice.ledger.BlockedRecord;
import io.splice.ledger.DeadLetterLedger.FailedRecord;
import io.splice.ledger.DeadLetterLedger;
import io.splice.mapping.MappingException;
import io.splice.record.Keys;
import io.splice.reference.References;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/**
 * The operator's dead-letter work. A selection (a fingerprint, source keys, or everything) is first {@link #choose
 * chosen}: exactly the FAILED keys it names, at most {@link #MAX_SELECTED} in source-key order. A dry run, a replay
 * and a discard all act on such a choice, so a dry run's keys are the keys the real operation touches. Replayed and
 * discarded records leave DLQ.splice.&lt;entity&gt;: the ledger's FAILED records and the DLQ hold the same keys.
 */
public class DeadLetterWorkbench {

    /** On a replay's exchange: the {@link Chosen} records. */
    public static final String CHOSEN = "spliceDeadLetterChoice";
    public static final int MAX_SELECTED = 10_000;
    private static final int SAMPLES = 20;
    private static final TypeReference<LinkedHashMap<String, Object>> ROW = new TypeReference<>() {
    };

    private final CompiledMigration migration;
    private final DeadLetterLedger ledger;
    private final DeadLetterQueue queue;
    private final References references;
    private final ObjectMapper json;

    public DeadLetterWorkbench(CompiledMigration migration, DeadLetterLedger ledger, DeadLetterQueue queue,
                               References references, ObjectMapper json) {
        this.migration = migration;
        this.ledger = ledger;
        this.queue = queue;
        this.references = references;
        this.json = json;
    }

    /**
     * The FAILED keys a selection names.
     *
     * @throws NoSuchElementException when the fingerprint (reason) has no FAILED record of the tenant and entity
     */
    public Chosen choose(Selection selection) {
        if (selection.reason() != null
                && ledger.failedKeys(selection.tenant(), selection.entity(), selection.reason(), List.of(), 1).isEmpty()) {
            throw new NoSuchElementException("reason: no FAILED record of " + selection.entity() + " (tenant "
                    + selection.tenant() + ") has the fingerprint '" + selection.reason() + "'");
        }
        List<String> keys = ledger.failedKeys(selection.tenant(), selection.entity(), selection.reason(),
                selection.sourceKeys(), MAX_SELECTED + 1);
        boolean more = keys.size() > MAX_SELECTED;
        return new Chosen(selection.tenant(), selection.entity(), more ? keys.subList(0, MAX_SELECTED) : keys, more);
    }

    /** What a replay of the chosen records would send, after the current mapping and references; nothing changes. */
    public Preview preview(Chosen chosen) throws Exception {
        CompiledEntity entity = migration.entity(chosen.entity());
        CompiledTenant tenant = migration.tenant(chosen.tenant());
        int send = 0;
        int fail = 0;
        int block = 0;
        List<Map<String, Object>> samples = new ArrayList<>();
        for (FailedRecord failed : ledger.failed(chosen.tenant(), chosen.entity(), chosen.sourceKeys())) {
            Map<String, Object> sample = new LinkedHashMap<>();
            sample.put("sourceKey", failed.record().sourceKey());
            sample.put("failedWith", failed.reason());
            LinkedHashMap<String, Object> row = json.readValue(failed.record().payload(), ROW);
            String blocked = references.resolveWithoutRecording(tenant.name(), entity, row);
            if (blocked != null) {
                block++;
                sample.put("wouldBeBlocked", blocked);
            } else {
                try {
                    sample.put("wouldSend", entity.mapping().map(failed.record().sourceKey(), row, tenant.name(),
                            tenant.variables()));
                    send++;
                } catch (MappingException e) {
                    fail++;
                    sample.put("wouldFail", e.reason());
                }
            }
            if (samples.size() < SAMPLES) {
                samples.add(sample);
            }
        }
        return new Preview(send, fail, block, samples);
    }

    /**
     * Replay from the dead letters: the chosen records still FAILED are QUEUED for the replay's run (to be sent as
     * they were queued) and their dead letters removed.
     *
     * @return the records QUEUED again (the route sends them)
     */
    public List<BlockedRecord> requeue(@Header(CHOSEN) Chosen chosen, @ExchangeProperty(Keys.RUN_ID) String runId)
            throws Exception {
        List<BlockedRecord> requeued = new ArrayList<>();
        for (FailedRecord failed : ledger.failed(chosen.tenant(), chosen.entity(), chosen.sourceKeys())) {
            if (ledger.requeue(failed.record(), runId)) {
                requeued.add(failed.record());
            }
        }
        queue.remove(chosen.tenant(), chosen.entity(), requeued.stream().map(BlockedRecord::sourceKey).toList());
        return requeued;
    }

    /**
     * Replay from the source: only the chosen keys are sent again (the extract reads the entity, and keeps the FAILED
     * records among them; see PageFilter).
     *
     * @param chosen null for the CLI's replay
     * @return the keys to re-read (spliceReplayKeys); null: every FAILED record of the entity
     */
    public Set<String> replayKeys(@Header(CHOSEN) Chosen chosen) {
        return chosen == null ? null : new LinkedHashSet<>(chosen.sourceKeys());
    }

    /** Discard: the chosen records still FAILED become DISCARDED with why recorded, and leave the DLQ. */
    public Discarded discard(Chosen chosen, String why) throws Exception {
        List<String> discarded = new ArrayList<>();
        for (String key : chosen.sourceKeys()) {
            if (ledger.discard(chosen.tenant(), chosen.entity(), key, "discarded by an operator: " + why)) {
                discarded.add(key);
            }
        }
        return new Discarded(discarded, queue.remove(chosen.tenant(), chosen.entity(), discarded));
    }

    /**
     * Which FAILED records: of a tenant and entity, one fingerprint's reason and/or some keys; or, with {@code all},
     * every one (reason null, keys empty).
     */
    public record Selection(String tenant, String entity, String reason, List<String> sourceKeys, boolean all) {
        public Selection {
            sourceKeys = sourceKeys == null ? List.of() : List.copyOf(sourceKeys);
            if (!all && reason == null && sourceKeys.isEmpty()) {
                throw new IllegalArgumentException("a selection needs a reason, sourceKeys, or all: true");
            }
        }
    }

    /** Exactly the keys a selection named (at most MAX_SELECTED; more says whether others matched beyond them). */
    public record Chosen(String tenant, String entity, List<String> sourceKeys, boolean more) {
        public Chosen {
            sourceKeys = List.copyOf(sourceKeys);
        }
    }

    /** A dry run's outcome per record: sent, failed by the mapping, or blocked by a missing parent. */
    public record Preview(int wouldSend, int wouldFailMapping, int wouldBeBlocked, List<Map<String, Object>> samples) {
    }

    public record Discarded(List<String> sourceKeys, int deadLettersRemoved) {
    }
}

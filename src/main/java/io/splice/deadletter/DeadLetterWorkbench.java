package io.splice.deadletter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.broker.DeadLetterQueue;
import io.splice.definition.CompiledEntity;
import io.splice.definition.CompiledMigration;
import io.splice.definition.CompiledTenant;
import io.splice.ledger.BlockedRecord;
import io.splice.ledger.DeadLetterLedger;
import io.splice.ledger.DeadLetterLedger.FailedRecord;
import io.splice.mapping.MappingException;
import io.splice.pipeline.Keys;
import io.splice.reference.References;
import org.apache.camel.Exchange;

/**
 * The operator's dead-letter work: FAILED records chosen by entity, fingerprint (reason) or source keys are
 * replayed as they were queued (their payload, through the current mapping), tried dry (what would be sent,
 * sending nothing), or discarded with a reason. Replayed and discarded records leave DLQ.splice.&lt;entity&gt;.
 */
public class DeadLetterWorkbench {

    public static final String SELECTION = "spliceDeadLetterSelection";
    private static final int MAX_RECORDS = 100_000;
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

    /** What a replay would send, after the current mapping and references; nothing is sent or changed. */
    public Map<String, Object> dryRun(Selection selection) throws Exception {
        CompiledEntity entity = migration.entity(selection.entity());
        CompiledTenant tenant = migration.tenant(selection.tenant());
        int send = 0;
        int fail = 0;
        int block = 0;
        List<Map<String, Object>> samples = new ArrayList<>();
        for (FailedRecord failed : select(selection)) {
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
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("entity", entity.name());
        report.put("tenant", tenant.name());
        report.put("records", send + fail + block);
        report.put("wouldSend", send);
        report.put("wouldFailMapping", fail);
        report.put("wouldBeBlocked", block);
        report.put("samples", samples);
        return report;
    }

    /** Replay: the selection's records QUEUED for the replay's run, to be sent as they were queued. */
    public List<BlockedRecord> requeue(Exchange exchange) throws Exception {
        Selection selection = exchange.getMessage().getHeader(SELECTION, Selection.class);
        String runId = exchange.getProperty(Keys.RUN_ID, String.class);
        List<BlockedRecord> requeued = new ArrayList<>();
        for (FailedRecord failed : select(selection)) {
            if (ledger.requeue(failed.record(), runId)) {
                requeued.add(failed.record());
            }
        }
        queue.remove(selection.tenant(), selection.entity(), requeued.stream().map(BlockedRecord::sourceKey).toList());
        return requeued;
    }

    /** Discard: the selection's records DISCARDED, with who-knows-why recorded, and out of the DLQ. */
    public Map<String, Object> discard(Selection selection, String why) throws Exception {
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("a discard needs a reason (why): it is recorded in the ledger");
        }
        List<String> discarded = new ArrayList<>();
        for (FailedRecord failed : select(selection)) {
            if (ledger.discard(failed.record(), "discarded by an operator: " + why)) {
                discarded.add(failed.record().sourceKey());
            }
        }
        int letters = queue.remove(selection.tenant(), selection.entity(), discarded);
        return Map.of("entity", selection.entity(), "tenant", selection.tenant(), "discarded", discarded.size(),
                "deadLettersRemoved", letters);
    }

    private List<FailedRecord> select(Selection selection) {
        return ledger.failed(selection.tenant(), selection.entity(), selection.reason(), selection.sourceKeys(), MAX_RECORDS);
    }

    /** Which FAILED records: of a tenant and entity, optionally one fingerprint's reason, optionally some keys. */
    public record Selection(String tenant, String entity, String reason, List<String> sourceKeys) {
        public Selection {
            sourceKeys = sourceKeys == null ? List.of() : List.copyOf(sourceKeys);
        }
    }
}

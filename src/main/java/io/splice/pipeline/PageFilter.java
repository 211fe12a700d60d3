package io.splice.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.splice.definition.CompiledEntity;
import io.splice.definition.CompiledMigration;
import io.splice.definition.SourceRows;
import io.splice.ledger.Ledger;
import io.splice.ledger.Runs;
import io.splice.observe.RecordMetrics;
import io.splice.record.Keys;
import io.splice.reference.References;
import org.apache.camel.Exchange;

/**
 * Takes one keyset page from the source: advances the keyset, drops what the ledger already has as MIGRATED
 * (one query per page; a replay keeps only FAILED records), holds back records whose parents are not MIGRATED,
 * and marks the rest QUEUED for this run before they are sent (naming those that were FAILED, whose dead letters
 * are retired once the page is on the broker).
 */
public class PageFilter {

    private final CompiledMigration migration;
    private final Ledger ledger;
    private final Runs runs;
    private final References references;
    private final RecordMetrics metrics;
    private final int skippingPageSizeMax;

    /**
     * @param skippingPageSizeMax how large pages grow while every record read is skipped (a re-run of a migrated
     *                            source): each such page doubles the next, a page with anything to send resets it
     */
    private final Instant startedAt;

    public PageFilter(CompiledMigration migration, Ledger ledger, Runs runs, References references, RecordMetrics metrics,
                      int skippingPageSizeMax) {
        this(migration, ledger, runs, references, metrics, skippingPageSizeMax, Instant.now());
    }

    /** @param startedAt when this process started: what FAILED in this run since is not queued again */
    public PageFilter(CompiledMigration migration, Ledger ledger, Runs runs, References references, RecordMetrics metrics,
                      int skippingPageSizeMax, Instant startedAt) {
        this.startedAt = startedAt;
        this.migration = migration;
        this.ledger = ledger;
        this.runs = runs;
        this.references = references;
        this.metrics = metrics;
        this.skippingPageSizeMax = skippingPageSizeMax;
    }

    // Exchange: many outputs, the page to send (body), the next page's keyset and size (headers), and the keys
    // send-page and retireRequeued read (properties)
    @SuppressWarnings("unchecked")
    public void filter(Exchange exchange) throws Exception {
        List<Map<String, Object>> page = exchange.getMessage().getMandatoryBody(List.class);
        String tenant = exchange.getProperty(Keys.TENANT, String.class);
        String runId = exchange.getProperty(Keys.RUN_ID, String.class);
        CompiledEntity entity = migration.entity(exchange.getProperty(Keys.ENTITY, String.class));
        int asked = exchange.getMessage().getHeader(Keys.PAGE_SIZE, entity.pageSize(), Integer.class);
        exchange.getMessage().setHeader(Keys.MORE, page.size() == asked);
        if (page.isEmpty()) {
            return;
        }
        // the next page starts after this one's last key (:#lastKey, or :#lastKey1… for a composite key)
        entity.sourceKey().bindingsAfter(page.get(page.size() - 1), entity.name()).forEach(exchange.getMessage()::setHeader);

        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        for (Map<String, Object> row : page) {
            String key = entity.sourceKeyOf(row);
            if (byKey.put(key, row) != null) {
                // one ledger row per key: a second row would be dropped without a trace, so the extract stops
                throw new DuplicateKeyException(entity.name(), String.join(", ", entity.sourceKey().columns()), key);
            }
        }
        boolean replay = entity.name().equals(exchange.getProperty(Keys.REPLAY_ENTITY, String.class));
        // an operator's replay names its keys: the others stay as they are, FAILED ones included
        Set<?> replayKeys = replay ? exchange.getProperty(Keys.REPLAY_KEYS, Set.class) : null;
        // one ledger query a page: MIGRATED ones are skipped, and DISCARDED ones (an operator's decision sticks until
        // the ledger says otherwise); a replay keeps only FAILED ones
        Map<String, Ledger.KnownRecord> known = ledger.recordsAmong(tenant, entity.name(), byKey.keySet());
        Map<String, String> finished = new LinkedHashMap<>();
        known.forEach((key, record) -> finished.put(key, record.status()));
        List<Map<String, Object>> candidates = new ArrayList<>(page.size());
        byKey.forEach((key, row) -> {
            String status = finished.get(key);
            // a resumed run's re-extract: a record this process already FAILED for the run (its message came back from
            // the broker's journal first) is not sent a second time in the run
            boolean failedHere = !replay && known.containsKey(key) && known.get(key).failedIn(runId, startedAt);
            if (replay ? "FAILED".equals(status) && (replayKeys == null || replayKeys.contains(key))
                    : !"MIGRATED".equals(status) && !"DISCARDED".equals(status) && !failedHere) {
                candidates.add(row);
            }
        });
        List<Map<String, Object>> toSend = references.sendable(tenant, runId, entity, candidates);
        Map<String, String> groups = new LinkedHashMap<>();
        for (Map<String, Object> row : toSend) {
            groups.put(entity.sourceKeyOf(row),
                    String.valueOf(SourceRows.column(row, entity.groupColumn(), entity.name())));
        }
        if (!groups.isEmpty()) {
            // FAILED records sent again (a replay, or a run after one) get a new outcome: their old dead letter goes
            exchange.setProperty(Keys.REQUEUED_FAILURES, groups.keySet().stream()
                    .filter(key -> "FAILED".equals(finished.get(key))).toList());
            exchange.setProperty(Keys.REQUEUED_AT, System.currentTimeMillis());
            // known to the ledger before (QUEUED, FAILED, BLOCKED: released meanwhile?): another message of theirs may
            // exist, so their consumers ask the ledger again; only records new to it skip that
            exchange.setProperty(Keys.RECHECK_KEYS, groups.keySet().stream().filter(finished::containsKey)
                    .collect(Collectors.toSet()));
            ledger.markQueued(tenant, entity.name(), runId, groups, startedAt);
        }
        // a page of nothing but MIGRATED records costs a page's round trips: the next one reads more at once
        exchange.getMessage().setHeader(Keys.PAGE_SIZE, candidates.isEmpty()
                ? Math.max(entity.pageSize(), Math.min(asked * 2, skippingPageSizeMax)) : entity.pageSize());
        runs.pageRead(runId, entity.name(), page.size(), page.size() - candidates.size(), toSend.size());
        metrics.count(tenant, entity.name(), "read", page.size());
        metrics.count(tenant, entity.name(), "skipped", page.size() - candidates.size());
        metrics.count(tenant, entity.name(), "queued", toSend.size());
        metrics.count(tenant, entity.name(), "blocked", candidates.size() - toSend.size());
        exchange.getMessage().setBody(toSend);
    }

    /** The source returned one key twice: the key column does not identify a row. */
    public static class DuplicateKeyException extends IllegalStateException {
        DuplicateKeyException(String entity, String keyColumn, String key) {
            super("Entity " + entity + ": the source returned " + keyColumn + " " + key + " more than once; source.key "
                    + "must identify one row (fix the duplicates in the source, or choose a unique key)");
        }
    }

}

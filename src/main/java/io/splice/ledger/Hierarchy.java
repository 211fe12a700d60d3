package io.splice.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's side of an entity that references itself: a record waits for its parent in the same entity while
 * both may be in flight at once, so blocking it must not race the parent's release; and a cycle in the data must
 * end, named, instead of waiting for ever.
 */
public class Hierarchy {

    private static final int ATTEMPTS = 3;
    private static final int MAX_REASON = 1000;
    private static final int MAX_MESSAGE = 4000;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Blocking blocking;
    private final LedgerSql sql = new LedgerSql();

    Hierarchy(DataSource ledger, Blocking blocking) {
        this.jdbc = new NamedParameterJdbcTemplate(ledger);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(ledger));
        this.blocking = blocking;
    }

    /** What became of a record whose parent (in its own entity) was not MIGRATED when it was looked at. */
    public enum Outcome {
        /** Recorded BLOCKED: the parent's release sends it. */
        BLOCKED,
        /** The parent is MIGRATED after all (its target id in {@code parent}): send the record now. */
        PROCEED,
        /** The parent's release took the record (QUEUED again) and sends it: drop this message. */
        TAKEN
    }

    public record Decision(Outcome outcome, ParentState parent) {
    }

    /**
     * Records the child BLOCKED by its parent unless the parent, read under its row lock, is MIGRATED by now. A parent
     * being migrated holds that lock until its release is committed, so either its release sees this block or this
     * sees it MIGRATED. A parent the ledger does not have yet is looked at again after the block is committed (it
     * may have been queued and migrated meanwhile). Two records waiting for each other (a cycle) may lock each
     * other's rows: the loser of the deadlock tries again.
     */
    public Decision block(String runId, Blocking.Block block) {
        for (int attempt = 1; ; attempt++) {
            try {
                return blockOnce(runId, block);
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Decision blockOnce(String runId, Blocking.Block block) {
        BlockedRecord child = block.record();
        String parentKey = block.parent().sourceKey();
        boolean[] parentKnown = {false};
        ParentState migrated = transaction.execute(status -> {
            ParentState parent = lockedParent(child, parentKey);
            if (parent != null && parent.migrated()) {
                return parent;
            }
            parentKnown[0] = parent != null;
            blocking.markBlocked(runId, List.of(block));
            return null;
        });
        if (migrated != null) {
            return new Decision(Outcome.PROCEED, migrated);
        }
        if (parentKnown[0] || parentKey.equals(child.sourceKey())) {
            return new Decision(Outcome.BLOCKED, null);
        }
        Decision again = transaction.execute(status -> {
            ParentState parent = lockedParent(child, parentKey);
            if (parent == null || !parent.migrated()) {
                return new Decision(Outcome.BLOCKED, null);
            }
            int unblocked = jdbc.update(sql.get("hierarchy-unblock"), key(child.tenant(), child.entity(), child.sourceKey())
                    .addValue("parentKey", parentKey).addValue("now", Timestamp.from(Instant.now())));
            return new Decision(unblocked == 1 ? Outcome.PROCEED : Outcome.TAKEN, parent);
        });
        return again == null ? new Decision(Outcome.BLOCKED, null) : again;
    }

    private ParentState lockedParent(BlockedRecord child, String parentKey) {
        List<ParentState> found = jdbc.query(sql.get("hierarchy-parent-locked"),
                key(child.tenant(), child.entity(), null).addValue("parentKey", parentKey),
                (row, n) -> new ParentState(child.entity(), parentKey, row.getString("status"),
                        row.getString("target_id"), row.getString("reason")));
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * The cycle a BLOCKED record closes, or an empty list: walks from its parent up the chain of records BLOCKED by
     * a parent of the same entity (at most {@code maxDepth} steps, in one query) and answers the keys from the
     * record back to itself ({@code 7 → 8 → 7}; a record that is its own parent: {@code 7 → 7}).
     */
    public List<String> cycleThrough(String tenant, String entity, String sourceKey, String parentKey, int maxDepth) {
        List<String> cycle = new ArrayList<>(List.of(sourceKey));
        if (parentKey.equals(sourceKey)) {
            cycle.add(sourceKey);
            return cycle;
        }
        List<String[]> chain = jdbc.query(sql.get("hierarchy-blocked-chain"), key(tenant, entity, sourceKey)
                        .addValue("parentKey", parentKey).addValue("maxDepth", maxDepth),
                (row, n) -> new String[] {row.getString("source_key"), row.getString("blocked_by_key")});
        for (String[] step : chain) {
            cycle.add(step[0]);
            if (sourceKey.equals(step[1])) {
                cycle.add(sourceKey);
                return cycle;
            }
        }
        return List.of();
    }

    /** The records of a cycle keep waiting (BLOCKED), with this reason and each its own message. */
    public void markCycle(String tenant, String entity, List<String> keys, String reason, List<String> messages) {
        Timestamp now = Timestamp.from(Instant.now());
        List<SqlParameterSource> batch = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            batch.add(key(tenant, entity, keys.get(i)).addValue("now", now)
                    .addValue("reason", truncate(reason, MAX_REASON))
                    .addValue("errorMessage", truncate(messages.get(i), MAX_MESSAGE)));
        }
        jdbc.batchUpdate(sql.get("hierarchy-mark-cycle"), batch.toArray(SqlParameterSource[]::new));
    }

    private static MapSqlParameterSource key(String tenant, String entity, String sourceKey) {
        return new MapSqlParameterSource().addValue("tenant", tenant).addValue("entity", entity)
                .addValue("sourceKey", sourceKey);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

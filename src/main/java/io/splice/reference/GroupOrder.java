package io.splice.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.definition.CompiledEntity;
import io.splice.definition.CompiledMigration;
import io.splice.definition.SourceRows;
import io.splice.ledger.BlockedRecord;
import io.splice.ledger.Blocking;
import io.splice.ledger.ParentState;
import io.splice.record.Keys;
import org.apache.camel.ExchangeProperty;

/**
 * {@code order: strict}: the first BLOCKED or FAILED record of a group holds back the group's later records. They
 * are recorded BLOCKED by it ("waiting for K of the same group") and released, in source order, when it migrates.
 * <p>
 * The holds of a run live here, in memory: each run rebuilds them as it reads (a record still BLOCKED by its parent
 * holds its group again, a record FAILED again holds it again), so a hold left by an earlier run is ignored.
 */
public class GroupOrder {

    private final CompiledMigration migration;
    private final ObjectMapper json;
    private final Blocking blocking;
    // tenant/entity/group → the record holding it back, and in which run
    private final Map<String, Hold> holds = new ConcurrentHashMap<>();

    public GroupOrder(CompiledMigration migration, ObjectMapper json, Blocking blocking) {
        this.migration = migration;
        this.json = json;
        this.blocking = blocking;
    }

    /**
     * A record's block under its entity's order: with order strict, behind the record holding its group back if there
     * is one (whatever its parents), else its parents' block, which then holds the group back; else its parents' block.
     */
    public Blocking.Block ordered(CompiledEntity entity, String runId, String tenant, Map<String, Object> row,
                                  Blocking.Block parentBlock, boolean consumer) throws JsonProcessingException {
        if (!entity.strictOrder()) {
            return parentBlock;
        }
        String key = entity.sourceKeyOf(row);
        String group = String.valueOf(SourceRows.column(row, entity.groupColumn(), entity.name()));
        ParentState holder = holder(entity, runId, tenant, group, key);
        if (holder != null) {
            return waiting(new BlockedRecord(tenant, entity.name(), key, group, json.writeValueAsString(row)), holder);
        }
        if (parentBlock != null) {
            hold(entity, runId, tenant, group, key, "BLOCKED", consumer);
        }
        return parentBlock;
    }

    /**
     * The record holding back this one's group in this run, as a "parent" to be BLOCKED by; null when none (or it is
     * this record, or the entity's order is group).
     */
    public ParentState holder(CompiledEntity entity, String runId, String tenant, String groupKey, String sourceKey) {
        if (!entity.strictOrder()) {
            return null;
        }
        Hold hold = holds.get(id(tenant, entity.name(), groupKey));
        // a hold of an earlier run is stale; a record before its holder (released later) is not held by it
        if (hold == null || !hold.runId().equals(runId)
                || SourceOrder.of(entity).compare(hold.sourceKey(), sourceKey) >= 0) {
            return null;
        }
        return new ParentState(entity.name(), hold.sourceKey(), hold.status(), null, null);
    }

    /** The dead-letter route: a record FAILED holds its group back (the group key is the JMS group, tenant/group). */
    public void failed(@ExchangeProperty(Keys.TENANT) String tenant, @ExchangeProperty(Keys.ENTITY) String entity,
                       @ExchangeProperty(Keys.SOURCE_KEY) String sourceKey, @ExchangeProperty(Keys.RUN_ID) String runId,
                       @ExchangeProperty(Keys.GROUP_KEY) String jmsGroup) {
        // a message that cannot be attributed to a record of a strict entity holds nothing back
        if (entity == null || tenant == null || jmsGroup == null || sourceKey == null
                || migration.entities().stream().noneMatch(e -> e.name().equals(entity) && e.strictOrder())) {
            return;
        }
        String group = jmsGroup.startsWith(tenant + "/") ? jmsGroup.substring(tenant.length() + 1) : jmsGroup;
        hold(migration.entity(entity), runId, tenant, group, sourceKey, "FAILED", true);
    }

    /** The holding record migrated: its group goes on (the records it held are released with it). */
    public void migrated(String tenant, String entity, String sourceKey) {
        holds.values().removeIf(hold -> hold.tenant().equals(tenant) && hold.entity().equals(entity)
                && hold.sourceKey().equals(sourceKey));
    }

    /** Why a record waits: groupable, and naming both records. */
    static String reason(ParentState holder) {
        return "waiting for " + holder.sourceKey() + " of the same group";
    }

    static String message(String entity, String sourceKey, String groupKey, ParentState holder) {
        return entity + " " + sourceKey + ": order strict holds it behind " + entity + " " + holder.sourceKey()
                + " of group " + groupKey + ", which is " + holder.status();
    }

    private static Blocking.Block waiting(BlockedRecord record, ParentState holder) {
        return new Blocking.Block(record, holder, reason(holder),
                message(record.entity(), record.sourceKey(), record.groupKey(), holder));
    }

    /**
     * The first record of the group (in source order) that is BLOCKED or FAILED in this run holds it back. At a
     * consumer, records of the group BLOCKED after it by their parents while it was on its way wait for it instead.
     */
    private void hold(CompiledEntity entity, String runId, String tenant, String group, String sourceKey, String status,
                      boolean consumer) {
        if (runId == null || group == null) {
            return;
        }
        Comparator<String> order = SourceOrder.of(entity);
        Hold held = holds.compute(id(tenant, entity.name(), group), (id, hold) -> hold != null
                && hold.runId().equals(runId) && order.compare(hold.sourceKey(), sourceKey) <= 0
                ? hold : new Hold(tenant, entity.name(), sourceKey, runId, status));
        if (consumer && held.sourceKey().equals(sourceKey)) {
            ParentState holder = new ParentState(entity.name(), sourceKey, status, null, null);
            List<Blocking.Block> behind = new ArrayList<>();
            for (BlockedRecord record : blocking.blockedOfGroup(tenant, entity.name(), group, runId)) {
                if (order.compare(record.sourceKey(), sourceKey) > 0) {
                    behind.add(waiting(record, holder));
                }
            }
            if (!behind.isEmpty()) {
                blocking.markBlocked(runId, behind);
            }
        }
    }

    private static String id(String tenant, String entity, String group) {
        return tenant + "\u0000" + entity + "\u0000" + group;
    }

    private record Hold(String tenant, String entity, String sourceKey, String runId, String status) {
    }
}

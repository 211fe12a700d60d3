package io.splice.reference;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.definition.CompiledEntity;
import io.splice.definition.CompiledMigration;
import io.splice.definition.SourceRows;
import io.splice.ledger.BlockedRecord;
import io.splice.ledger.Blocking;
import io.splice.ledger.Hierarchy;
import io.splice.ledger.ParentState;
import io.splice.record.Keys;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place references are resolved: a field holding a parent's source key is sent as the parent's target id.
 * A record whose parent is not MIGRATED is not sent: it is recorded BLOCKED, naming the parent and why, and is
 * released when the parent is migrated ({@link BlockedRecords}). A reference to the record's own entity (a hierarchy)
 * is resolved by the consumer alone, since parent and child travel through the same queue ({@link Hierarchy}).
 */
public class References {

    private static final Logger LOG = LoggerFactory.getLogger(References.class);
    // how far up a chain of BLOCKED records of one entity a cycle is looked for (one query)
    static final int MAX_CYCLE_WALK = 100;

    private final CompiledMigration migration;
    private final ParentLookup parents;
    private final Blocking ledger;
    private final ObjectMapper json;
    private final Hierarchy hierarchy;
    private final GroupOrder groupOrder;

    public References(CompiledMigration migration, ParentLookup parents, Blocking ledger, ObjectMapper json,
                      GroupOrder groupOrder) {
        this.groupOrder = groupOrder;
        this.migration = migration;
        this.parents = parents;
        this.ledger = ledger;
        this.json = json;
        this.hierarchy = ledger.hierarchy();
    }

    /** Extract side, one page: the rows whose parents are all MIGRATED; the others are recorded BLOCKED. */
    public List<Map<String, Object>> sendable(String tenant, String runId, CompiledEntity entity,
                                              List<Map<String, Object>> rows) throws JsonProcessingException {
        if (!entity.hasReferences() && !entity.strictOrder() || rows.isEmpty()) {
            return rows;
        }
        Map<String, Map<String, ParentState>> statesByColumn = new java.util.HashMap<>();
        entity.references().forEach((column, parent) -> {
            if (parent.equals(entity.name())) {
                // a hierarchy: parents and children go through the same queue; each child waits on the consumer side
                return;
            }
            Set<String> keys = new LinkedHashSet<>();
            rows.forEach(row -> {
                String key = ReferenceKeys.parentKey(entity, column, row, true);
                if (key != null) {
                    keys.add(key);
                }
            });
            statesByColumn.put(column, parents.states(tenant, parent, keys));
        });
        List<Map<String, Object>> sendable = new ArrayList<>(rows.size());
        List<Blocking.Block> blocks = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            // order strict: behind a BLOCKED or FAILED record of its group
            Held held = firstBlock(tenant, entity, row, statesByColumn);
            Blocking.Block block = groupOrder.ordered(entity, runId, tenant, row, held == null ? null : held.block(),
                    false);
            if (block == null) {
                sendable.add(row);
            } else {
                blocks.add(block);
            }
        }
        if (!blocks.isEmpty()) {
            ledger.markBlocked(runId, blocks);
            LOG.info("{} {} records of {} BLOCKED by parents that are not migrated", tenant, blocks.size(), entity.name());
        }
        return sendable;
    }

    /** The first reference whose parent is not MIGRATED (references without states, a page's self-references, wait). */
    private Held firstBlock(String tenant, CompiledEntity entity, Map<String, Object> row,
                            Map<String, Map<String, ParentState>> statesByColumn) throws JsonProcessingException {
        for (String reference : entity.references().keySet()) {
            Map<String, ParentState> states = statesByColumn.get(reference);
            String parentKey = states == null ? null : ReferenceKeys.parentKey(entity, reference, row, false);
            if (parentKey == null) {
                continue;
            }
            ParentState parent = states.get(parentKey);
            if (!parent.migrated()) {
                String key = entity.sourceKeyOf(row);
                String group = String.valueOf(SourceRows.column(row, entity.groupColumn(), entity.name()));
                BlockedRecord record = new BlockedRecord(tenant, entity.name(), key, group, json.writeValueAsString(row));
                return new Held(reference, parentKey, new Blocking.Block(record, parent, BlockReason.reason(parent),
                        BlockReason.message(entity.name(), key, reference, parent)));
            }
        }
        return null;
    }

    /** A record held back: by which reference, the parent's key, and the block to record. */
    private record Held(String reference, String parentKey, Blocking.Block block) {
    }

    /**
     * A dry run's view: replaces the row's references by the parents' target ids and answers null, or answers why the
     * record would be BLOCKED; records nothing.
     */
    public String resolveWithoutRecording(String tenant, CompiledEntity entity, Map<String, Object> row) {
        for (Map.Entry<String, String> reference : entity.references().entrySet()) {
            String parentKey = ReferenceKeys.parentKey(entity, reference.getKey(), row, false);
            if (parentKey == null) {
                continue;
            }
            ParentState parent = parents.states(tenant, reference.getValue(), List.of(parentKey)).get(parentKey);
            if (!parent.migrated()) {
                return BlockReason.reason(parent);
            }
            row.put(reference.getKey(), TargetIdValue.of(parent.targetId()));
        }
        return null;
    }

    /**
     * Consumer side, one record: replaces each reference of the row by the parent's target id (in place, the row is
     * the message body), or records the record BLOCKED.
     *
     * @return whether the record is BLOCKED (the route keeps it as {@code spliceBlocked} and skips the call)
     */
    public boolean resolve(@ExchangeProperty(Keys.TENANT) String tenant, @ExchangeProperty(Keys.ENTITY) String entityName,
                           @ExchangeProperty(Keys.RUN_ID) String runId, @Body Map<String, Object> row)
            throws JsonProcessingException {
        CompiledEntity entity = migration.entity(entityName);
        Map<String, Map<String, ParentState>> statesByColumn = new java.util.HashMap<>();
        entity.references().forEach((column, parent) -> {
            String parentKey = ReferenceKeys.parentKey(entity, column, row, false);
            statesByColumn.put(column, parentKey == null ? Map.of() : parents.states(tenant, parent, List.of(parentKey)));
        });
        // order strict: a record behind a BLOCKED or FAILED record of its group waits for it, whatever its parents
        Blocking.Block waiting = groupOrder.ordered(entity, runId, tenant, row, null, true);
        if (waiting != null) {
            ledger.markBlocked(runId, List.of(waiting));
            LOG.warn("BLOCKED {}", waiting.message());
            return true;
        }
        for (Held held = firstBlock(tenant, entity, row, statesByColumn); held != null;
             held = firstBlock(tenant, entity, row, statesByColumn)) {
            if (!entity.name().equals(entity.references().get(held.reference()))) {
                Blocking.Block block = groupOrder.ordered(entity, runId, tenant, row, held.block(), true);
                ledger.markBlocked(runId, List.of(block));
                LOG.warn("BLOCKED {}", block.message());
                return true;
            }
            Hierarchy.Decision decision = hierarchy.block(runId, held.block());
            if (decision.outcome() != Hierarchy.Outcome.PROCEED) {
                if (decision.outcome() == Hierarchy.Outcome.BLOCKED) {
                    // order strict: a record waiting for its parent in the hierarchy holds its group back too
                    groupOrder.ordered(entity, runId, tenant, row, held.block(), true);
                    LOG.info("BLOCKED {}", held.block().message());
                    cycleCheck(tenant, entity, held);
                }
                // TAKEN: the parent's release took the record and sends it; this message is dropped like a blocked one
                return true;
            }
            statesByColumn.put(held.reference(), Map.of(held.parentKey(), decision.parent()));
        }
        statesByColumn.forEach((column, states) -> states.values()
                .forEach(parent -> row.put(column, TargetIdValue.of(parent.targetId()))));
        return false;
    }

    /** A record of a hierarchy just BLOCKED may close a cycle in the data: then every record of it says so. */
    private void cycleCheck(String tenant, CompiledEntity entity, Held held) {
        String key = held.block().record().sourceKey();
        List<String> cycle = hierarchy.cycleThrough(tenant, entity.name(), key, held.parentKey(), MAX_CYCLE_WALK);
        if (cycle.isEmpty()) {
            return;
        }
        List<String> members = cycle.subList(0, cycle.size() - 1);
        String reason = BlockReason.cycleReason(entity.name(), members);
        List<String> messages = members.stream()
                .map(member -> BlockReason.cycleMessage(entity.name(), member, held.reference(), reason)).toList();
        hierarchy.markCycle(tenant, entity.name(), members, reason, messages);
        LOG.warn("BLOCKED {} of tenant {}: {}", entity.name(), tenant, reason);
    }
}

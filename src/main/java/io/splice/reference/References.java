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
import io.splice.ledger.BlockedRecord;
import io.splice.ledger.Blocking;
import io.splice.ledger.ParentState;
import io.splice.pipeline.Keys;
import io.splice.pipeline.PageFilter;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place references are resolved: a field holding a parent's source key is sent as the parent's target id.
 * A record whose parent is not MIGRATED is not sent: it is recorded BLOCKED, naming the parent and why, and is
 * released when the parent is migrated ({@link BlockedRecords}).
 */
public class References {

    private static final Logger LOG = LoggerFactory.getLogger(References.class);

    private final CompiledMigration migration;
    private final ParentLookup parents;
    private final Blocking ledger;
    private final ObjectMapper json;
    private final GroupOrder groupOrder;

    public References(CompiledMigration migration, ParentLookup parents, Blocking ledger, ObjectMapper json,
                      GroupOrder groupOrder) {
        this.groupOrder = groupOrder;
        this.migration = migration;
        this.parents = parents;
        this.ledger = ledger;
        this.json = json;
    }

    /** Extract side, one page: the rows whose parents are all MIGRATED; the others are recorded BLOCKED. */
    public List<Map<String, Object>> sendable(String tenant, String runId, CompiledEntity entity,
                                              List<Map<String, Object>> rows) throws JsonProcessingException {
        if (!entity.hasReferences() && !entity.strictOrder() || rows.isEmpty()) {
            return rows;
        }
        Map<String, Map<String, ParentState>> statesByColumn = new java.util.HashMap<>();
        entity.references().forEach((column, parent) -> {
            Set<String> keys = new LinkedHashSet<>();
            rows.forEach(row -> {
                Object value = PageFilter.column(row, column, entity.name());
                if (value != null) {
                    keys.add(String.valueOf(value));
                }
            });
            statesByColumn.put(column, parents.states(tenant, parent, keys));
        });
        List<Map<String, Object>> sendable = new ArrayList<>(rows.size());
        List<Blocking.Block> blocks = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            // order strict: behind a BLOCKED or FAILED record of its group
            Blocking.Block block = groupOrder.ordered(entity, runId, tenant, row,
                    firstBlock(tenant, entity, row, statesByColumn), false);
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

    private Blocking.Block firstBlock(String tenant, CompiledEntity entity, Map<String, Object> row,
                                      Map<String, Map<String, ParentState>> statesByColumn) throws JsonProcessingException {
        for (Map.Entry<String, String> reference : entity.references().entrySet()) {
            Object value = row.get(reference.getKey());
            if (value == null) {
                continue;
            }
            ParentState parent = statesByColumn.get(reference.getKey()).get(String.valueOf(value));
            if (!parent.migrated()) {
                String key = String.valueOf(PageFilter.column(row, entity.keyColumn(), entity.name()));
                String group = String.valueOf(PageFilter.column(row, entity.groupColumn(), entity.name()));
                BlockedRecord record = new BlockedRecord(tenant, entity.name(), key, group, json.writeValueAsString(row));
                return new Blocking.Block(record, parent, BlockReason.reason(parent),
                        BlockReason.message(entity.name(), key, reference.getKey(), parent));
            }
        }
        return null;
    }

    /**
     * A dry run's view: replaces the row's references by the parents' target ids and answers null, or answers why the
     * record would be BLOCKED; records nothing.
     */
    public String resolveWithoutRecording(String tenant, CompiledEntity entity, Map<String, Object> row) {
        for (Map.Entry<String, String> reference : entity.references().entrySet()) {
            Object value = row.get(reference.getKey());
            if (value == null) {
                continue;
            }
            ParentState parent = parents.states(tenant, reference.getValue(), List.of(String.valueOf(value)))
                    .get(String.valueOf(value));
            if (!parent.migrated()) {
                return BlockReason.reason(parent);
            }
            row.put(reference.getKey(), parent.targetId());
        }
        return null;
    }

    /**
     * Consumer side, one record (the body, a Map): replaces each reference by the parent's target id, or records
     * the record BLOCKED and sets {@link Keys#BLOCKED}.
     */
    @SuppressWarnings("unchecked")
    public void resolve(Exchange exchange) throws JsonProcessingException {
        exchange.setProperty(Keys.BLOCKED, false);
        String tenant = exchange.getProperty(Keys.TENANT, String.class);
        CompiledEntity entity = migration.entity(exchange.getProperty(Keys.ENTITY, String.class));
        Map<String, Object> row = exchange.getMessage().getBody(Map.class);
        Map<String, Map<String, ParentState>> statesByColumn = new java.util.HashMap<>();
        entity.references().forEach((column, parent) -> {
            Object value = row.get(column);
            statesByColumn.put(column, value == null ? Map.of()
                    : parents.states(tenant, parent, List.of(String.valueOf(value))));
        });
        String runId = exchange.getProperty(Keys.RUN_ID, String.class);
        Blocking.Block block = groupOrder.ordered(entity, runId, tenant, row,
                firstBlock(tenant, entity, row, statesByColumn), true);
        if (block != null) {
            ledger.markBlocked(runId, List.of(block));
            exchange.setProperty(Keys.BLOCKED, true);
            LOG.warn("BLOCKED {}", block.message());
            return;
        }
        statesByColumn.forEach((column, states) -> states.values().forEach(parent -> row.put(column, parent.targetId())));
    }
}

package io.splice.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** References in the ledger: parents' states, records BLOCKED by a parent, and their release. */
public class Blocking {

    private static final int MAX_REASON = 1000;
    private static final int MAX_MESSAGE = 4000;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final LedgerSql sql = new LedgerSql();
    private final boolean postgres;

    public Blocking(DataSource ledger) {
        this.jdbc = new NamedParameterJdbcTemplate(ledger);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(ledger));
        this.postgres = LedgerSql.isPostgres(ledger);
    }

    /** The ledger's state of each parent key, in one query; keys without a row are absent from the result. */
    public Map<String, ParentState> parentStates(String tenant, String parentEntity, Collection<String> keys) {
        Map<String, ParentState> states = new HashMap<>();
        if (keys.isEmpty()) {
            return states;
        }
        // PostgreSQL gets the keys as one array (see parent-states-postgresql.sql), other ledgers an IN list
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("tenant", tenant)
                .addValue("entity", parentEntity).addValue("keys", postgres ? keys.toArray(String[]::new) : keys);
        jdbc.query(sql.get(postgres ? "parent-states-postgresql" : "parent-states"), params, row -> {
            String key = row.getString("source_key");
            states.put(key, new ParentState(parentEntity, key, row.getString("status"), row.getString("target_id"),
                    row.getString("reason")));
        });
        return states;
    }

    /** Records BLOCKED (never over a MIGRATED one), with the parent that blocks them and the source row. */
    public void markBlocked(String runId, List<Block> blocks) {
        Timestamp now = Timestamp.from(Instant.now());
        List<SqlParameterSource> batch = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            batch.add(new MapSqlParameterSource()
                    .addValue("tenant", block.record().tenant()).addValue("entity", block.record().entity())
                    .addValue("sourceKey", block.record().sourceKey()).addValue("groupKey", block.record().groupKey())
                    .addValue("runId", runId).addValue("now", now)
                    .addValue("parentEntity", block.parent().entity()).addValue("parentKey", block.parent().sourceKey())
                    .addValue("reason", truncate(block.reason(), MAX_REASON))
                    .addValue("errorMessage", truncate(block.message(), MAX_MESSAGE))
                    .addValue("payload", block.record().payload()));
        }
        // one transaction, not one commit per row
        transaction.executeWithoutResult(status -> jdbc.batchUpdate(sql.get("mark-blocked"),
                batch.toArray(SqlParameterSource[]::new)));
    }

    /** The records this parent blocked become QUEUED for the run that migrated it (call in its transaction). */
    public int releaseChildren(String tenant, String parentEntity, String parentKey, String runId) {
        return jdbc.update(sql.get("release-children"), parentParams(tenant, parentEntity, parentKey, runId)
                .addValue("now", Timestamp.from(Instant.now())));
    }

    /**
     * The records released for this run and not sent yet: of the given entities, or of every entity (null). The
     * ledger's order is none: {@code ReleaseWaves} puts them in source order.
     */
    public List<BlockedRecord> releasedUnsent(String runId, Collection<String> entities) {
        return jdbc.query(sql.get(entities == null ? "released-unsent" : "released-unsent-of"), scope(runId, entities),
                (row, n) -> blockedRecord(row));
    }

    public long countReleasedUnsent(String runId, Collection<String> entities) {
        Long count = jdbc.queryForObject(sql.get(entities == null ? "count-released-unsent" : "count-released-unsent-of"),
                scope(runId, entities), Long.class);
        return count == null ? 0 : count;
    }

    /** Released records now on the broker: they no longer wait for their wave. */
    public void releasedSent(String runId, List<BlockedRecord> records) {
        jdbc.batchUpdate(sql.get("released-sent"), recordParams(runId, records));
    }

    /** Released records that could not be sent are BLOCKED again. */
    public void releasedUnsendable(String runId, List<BlockedRecord> records) {
        jdbc.batchUpdate(sql.get("released-unsendable"), recordParams(runId, records));
    }

    /** The records of a group this run recorded BLOCKED (order strict). */
    public List<BlockedRecord> blockedOfGroup(String tenant, String entity, String groupKey, String runId) {
        return jdbc.query(sql.get("blocked-of-group"), new MapSqlParameterSource().addValue("tenant", tenant)
                .addValue("entity", entity).addValue("groupKey", groupKey).addValue("runId", runId),
                (row, n) -> blockedRecord(row));
    }

    private static BlockedRecord blockedRecord(java.sql.ResultSet row) throws java.sql.SQLException {
        return new BlockedRecord(row.getString("tenant"), row.getString("entity"), row.getString("source_key"),
                row.getString("group_key"), row.getString("payload"));
    }

    private static MapSqlParameterSource scope(String runId, Collection<String> entities) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("runId", runId);
        return entities == null ? params : params.addValue("entities", entities);
    }

    private static SqlParameterSource[] recordParams(String runId, List<BlockedRecord> records) {
        Timestamp now = Timestamp.from(Instant.now());
        return records.stream().map(record -> new MapSqlParameterSource().addValue("tenant", record.tenant())
                .addValue("entity", record.entity()).addValue("sourceKey", record.sourceKey())
                .addValue("runId", runId).addValue("now", now)).toArray(SqlParameterSource[]::new);
    }

    /** The checks of an entity that references itself (a hierarchy), on this ledger. */
    public Hierarchy hierarchy() {
        return new Hierarchy(jdbc.getJdbcTemplate().getDataSource(), this);
    }

    private static MapSqlParameterSource parentParams(String tenant, String parentEntity, String parentKey, String runId) {
        return new MapSqlParameterSource().addValue("tenant", tenant).addValue("parentEntity", parentEntity)
                .addValue("parentKey", parentKey).addValue("runId", runId);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** One record held back by one parent: reason is groupable, message names the records. */
    public record Block(BlockedRecord record, ParentState parent, String reason, String message) {
    }
}

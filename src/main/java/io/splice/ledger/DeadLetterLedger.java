package io.splice.ledger;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** FAILED records as the dead-letter workbench sees them: selected by fingerprint or keys, re-queued or discarded. */
public class DeadLetterLedger {

    // keys bound in one IN list
    private static final int KEYS_PER_QUERY = 1_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final LedgerSql sql = new LedgerSql();

    public DeadLetterLedger(DataSource ledger) {
        this.jdbc = new NamedParameterJdbcTemplate(ledger);
    }

    /**
     * The keys of the FAILED records a selection names, in source-key order.
     *
     * @param reason a fingerprint's reason, or null for every reason
     * @param keys   source keys, or empty for every key
     */
    public List<String> failedKeys(String tenant, String entity, String reason, Collection<String> keys, int limit) {
        return jdbc.queryForList(sql.get("failed-keys"), params(tenant, entity, reason, keys, limit), String.class);
    }

    /** The FAILED records among exactly these keys (what was queued, and why it failed), in source-key order. */
    public List<FailedRecord> failed(String tenant, String entity, List<String> keys) {
        List<FailedRecord> records = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
            records.addAll(jdbc.query(sql.get("failed-records"), params(tenant, entity, null, chunk, chunk.size()),
                    (row, n) -> new FailedRecord(new BlockedRecord(tenant, entity, row.getString("source_key"),
                            row.getString("group_key"), row.getString("payload")), row.getString("reason"),
                            (Integer) row.getObject("http_status"))));
        }
        return records;
    }

    /** QUEUED for the replay's run (only if still FAILED). */
    public boolean requeue(BlockedRecord record, String runId) {
        return jdbc.update(sql.get("requeue-failed"), new MapSqlParameterSource().addValue("tenant", record.tenant())
                .addValue("entity", record.entity()).addValue("sourceKey", record.sourceKey()).addValue("runId", runId)
                .addValue("now", Timestamp.from(Instant.now()))) == 1;
    }

    /** DISCARDED: an operator decided it is not to be migrated, and said why (only if still FAILED). */
    public boolean discard(String tenant, String entity, String sourceKey, String note) {
        return jdbc.update(sql.get("discard-failed"), new MapSqlParameterSource().addValue("tenant", tenant)
                .addValue("entity", entity).addValue("sourceKey", sourceKey).addValue("note", note)
                .addValue("now", Timestamp.from(Instant.now()))) == 1;
    }

    private static MapSqlParameterSource params(String tenant, String entity, String reason, Collection<String> keys,
                                                int limit) {
        return new MapSqlParameterSource().addValue("tenant", tenant).addValue("entity", entity)
                .addValue("reason", reason, Types.VARCHAR).addValue("anyKey", keys.isEmpty())
                .addValue("keys", keys.isEmpty() ? List.of("") : keys).addValue("limit", limit);
    }

    /** A FAILED record: what was queued (its payload) and why it failed. */
    public record FailedRecord(BlockedRecord record, String reason, Integer httpStatus) {
    }
}

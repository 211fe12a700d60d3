package io.splice.ledger;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

import io.splice.record.RecordKey;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every read and write of per-record state in the ledger. */
public class Ledger {

    // the columns' sizes (V1__ledger.sql): what comes from outside (a target's answer, an exception) is cut to fit
    static final int MAX_MESSAGE = 4000;
    static final int MAX_REASON = 1000;
    static final int MAX_ERROR_CLASS = 300;
    // the target's answer to a failure and the fields it names (V8__target_answer.sql)
    static final int MAX_ANSWER = 8192;
    static final int MAX_FIELDS = 1000;
    static final int MAX_IN_DOUBT_REASON = 300;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final LedgerSql sql = new LedgerSql();
    private final boolean postgres;

    public Ledger(DataSource ledger) {
        this.jdbc = new NamedParameterJdbcTemplate(ledger);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(ledger));
        this.postgres = LedgerSql.isPostgres(ledger);
    }

    /** Status by key of the keys among {@code keys} the ledger has: one query for a page. */
    public Map<String, String> statusesAmong(String tenant, String entity, Collection<String> keys) {
        Map<String, String> statuses = new HashMap<>();
        recordsAmong(tenant, entity, keys).forEach((key, known) -> statuses.put(key, known.status()));
        return statuses;
    }

    /** What the ledger has of the keys among {@code keys}: status, last run, last change; one query for a page. */
    public Map<String, KnownRecord> recordsAmong(String tenant, String entity, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, KnownRecord> finished = new HashMap<>();
        // PostgreSQL gets the keys as one array (see statuses-among-postgresql.sql), other ledgers an IN list
        Object keyValues = postgres ? keys.toArray(String[]::new) : keys;
        jdbc.query(sql.get(postgres ? "statuses-among-postgresql" : "statuses-among"), new MapSqlParameterSource()
                        .addValue("tenant", tenant).addValue("entity", entity).addValue("keys", keyValues),
                (ResultSet row) -> {
                    finished.put(row.getString("source_key"), new KnownRecord(row.getString("status"),
                            row.getString("run_id"), row.getTimestamp("updated_at").toInstant()));
                });
        return finished;
    }

    /** A record of a page the ledger knows: its status, the run that last queued or finished it, and when. */
    public record KnownRecord(String status, String runId, Instant updatedAt) {

        /** FAILED by {@code runId} since {@code since}: its outcome in this run is recorded, it is not sent again. */
        public boolean failedIn(String runId, Instant since) {
            return "FAILED".equals(status) && runId != null && runId.equals(this.runId) && !updatedAt.isBefore(since);
        }
    }

    /**
     * The record's call may leave now (see V7): one statement per record, which on PostgreSQL does not wait for the
     * disk (mark-sending-postgresql.sql); still set without an outcome after a crash, the record is in doubt.
     */
    public void markSending(RecordKey key) {
        jdbc.update(sql.get(postgres ? "mark-sending-postgresql" : "mark-sending"),
                keyParams(key).addValue("now", Timestamp.from(Instant.now())));
    }

    /** In doubt (V7) for a record whose outcome is written elsewhere (MIGRATED): rare, so its own statement. */
    public void markInDoubt(RecordKey key, String reason) {
        jdbc.update(sql.get("mark-in-doubt"), keyParams(key).addValue("inDoubtReason", bounded(reason, MAX_IN_DOUBT_REASON)));
    }

    /**
     * Marks records as handed to the broker by this run, in one transaction: on PostgreSQL one statement for the page
     * (see mark-queued-postgresql.sql), elsewhere one batch.
     */
    public void markQueued(String tenant, String entity, String runId, Map<String, String> groupKeyBySourceKey) {
        markQueued(tenant, entity, runId, groupKeyBySourceKey, null);
    }

    /** @param failedSince records FAILED for this run since then (by this process) stay FAILED; null: none stay */
    public void markQueued(String tenant, String entity, String runId, Map<String, String> groupKeyBySourceKey,
                           Instant failedSince) {
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp since = failedSince == null ? null : Timestamp.from(failedSince);
        if (postgres) {
            jdbc.update(sql.get("mark-queued-postgresql"), new MapSqlParameterSource().addValue("tenant", tenant)
                    .addValue("entity", entity).addValue("runId", runId).addValue("now", now)
                    .addValue("failedSince", since, java.sql.Types.TIMESTAMP)
                    .addValue("sourceKeys", groupKeyBySourceKey.keySet().toArray(String[]::new))
                    .addValue("groupKeys", groupKeyBySourceKey.values().toArray(String[]::new)));
            return;
        }
        List<SqlParameterSource> batch = new ArrayList<>(groupKeyBySourceKey.size());
        groupKeyBySourceKey.forEach((sourceKey, groupKey) -> batch.add(new MapSqlParameterSource()
                .addValue("tenant", tenant).addValue("entity", entity).addValue("sourceKey", sourceKey)
                .addValue("groupKey", groupKey).addValue("runId", runId).addValue("now", now)
                .addValue("failedSince", since, java.sql.Types.TIMESTAMP)));
        // without a transaction every row of the batch was its own commit
        transaction.executeWithoutResult(status -> jdbc.batchUpdate(sql.get("mark-queued"),
                batch.toArray(SqlParameterSource[]::new)));
    }

    /** The record's status, and whether an earlier attempt may have reached the target; null if not in the ledger. */
    public RecordState stateOf(RecordKey key) {
        List<RecordState> found = jdbc.query(sql.get("status-of"), keyParams(key), (row, n) -> {
            Timestamp sending = row.getTimestamp("sending_since");
            return new RecordState(row.getString("status"), row.getBoolean("resend_check"),
                    row.getTimestamp("updated_at").toInstant(), row.getString("run_id"),
                    sending == null ? null : sending.toInstant());
        });
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * @param resendCheck  queued again while QUEUED or FAILED: an earlier attempt may be at the target
     * @param updatedAt    when its status last changed (for a QUEUED record: when it was queued)
     * @param runId        the run that last queued or finished it
     * @param sendingSince when a call of it last began without an outcome recorded since (V7); null if none
     */
    public record RecordState(String status, boolean resendCheck, Instant updatedAt, String runId, Instant sendingSince) {

        public RecordState(String status, boolean resendCheck, Instant updatedAt) {
            this(status, resendCheck, updatedAt, null, null);
        }
    }

    /** @param requestBody what was sent, kept for the reconciliation's read-back (a sample); null otherwise */
    public void recordMigrated(RecordKey key, String targetId, Integer httpStatus, int attempts, String requestBody) {
        MapSqlParameterSource params = keyParams(key)
                .addValue("targetId", storable(targetId)).addValue("httpStatus", httpStatus).addValue("attempts", attempts)
                .addValue("requestBody", requestBody)
                .addValue("now", Timestamp.from(Instant.now()));
        requireOneRow(jdbc.update(sql.get("record-migrated"), params), key);
    }

    public void recordFailed(RecordKey key, Failure failure, int attempts, String payload, String requestBody) {
        recordFailed(key, failure, attempts, payload, requestBody, null);
    }

    /** @param inDoubtReason why an attempt's answer was lost (V7), or null: written with the outcome, no extra write */
    public void recordFailed(RecordKey key, Failure failure, int attempts, String payload, String requestBody,
                             String inDoubtReason) {
        MapSqlParameterSource params = keyParams(key)
                .addValue("inDoubtReason", bounded(inDoubtReason, MAX_IN_DOUBT_REASON))
                .addValue("httpStatus", failure.httpStatus()).addValue("attempts", attempts)
                .addValue("errorClass", bounded(failure.errorClass(), MAX_ERROR_CLASS))
                .addValue("reason", bounded(failure.reason(), MAX_REASON))
                .addValue("errorMessage", bounded(failure.message(), MAX_MESSAGE))
                .addValue("payload", payload).addValue("requestBody", requestBody)
                .addValue("targetAnswer", bounded(failure.answer(), MAX_ANSWER))
                .addValue("failedFields", bounded(failure.fields(), MAX_FIELDS))
                .addValue("keepEarlier", failure.keepsEarlier())
                .addValue("now", Timestamp.from(Instant.now()));
        requireOneRow(jdbc.update(sql.get("record-failed"), params), key);
    }

    /** Records of some entities this run queued that have no outcome yet. */
    public long countQueued(String runId, Collection<String> entities) {
        Long count = jdbc.queryForObject(sql.get("count-queued-of"), new MapSqlParameterSource()
                .addValue("runId", runId).addValue("entities", entities), Long.class);
        return count == null ? 0 : count;
    }

    public long countQueued(String runId) {
        Long count = jdbc.queryForObject(sql.get("count-queued"), Map.of("runId", runId), Long.class);
        return count == null ? 0 : count;
    }

    /** entity → status → records, for the records this run queued. */
    public List<Map<String, Object>> outcomesByEntity(String runId) {
        return jdbc.queryForList(sql.get("outcomes-by-entity"), Map.of("runId", runId));
    }

    /** entity → records of this run in doubt (V7), whatever their status now. */
    public Map<String, Long> inDoubtByEntity(String runId) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql.get("in-doubt-by-entity"), Map.of("runId", runId),
                (ResultSet row) -> {
                    counts.put(row.getString("entity"), row.getLong("records"));
                });
        return counts;
    }

    public List<Map<String, Object>> failuresByReason(String runId) {
        return jdbc.queryForList(sql.get("failures-by-reason"), Map.of("runId", runId));
    }

    /** This run's FAILED and BLOCKED records, one at a time (never all in memory), without payloads. */
    public void eachNotMigrated(String runId, Consumer<NotMigrated> each) {
        cursor().query(sql.get("not-migrated-of-run"), Map.of("runId", runId), row -> each.accept(new NotMigrated(
                row.getString("tenant"), row.getString("entity"), row.getString("source_key"), row.getString("status"),
                row.getString("reason"), row.getObject("http_status", Integer.class),
                row.getString("blocked_by_entity"), row.getString("blocked_by_key"))));
    }

    /** When each record this run migrated was migrated, one at a time. */
    public void eachMigratedAt(String runId, Consumer<Instant> each) {
        cursor().query(sql.get("migrated-at-of-run"), Map.of("runId", runId),
                row -> each.accept(row.getTimestamp("updated_at").toInstant()));
    }

    /** Up to {@code max} of a run's migrated records of an entity whose request body was kept: source_key, target_id, request_body. */
    public List<Map<String, Object>> readBackSample(String runId, String entity, int max) {
        return jdbc.queryForList(sql.get("read-back-sample"),
                Map.of("runId", runId, "entity", entity, "max", max));
    }

    /** entity → status → records of the tenant, whichever run left them. */
    public List<Map<String, Object>> statusesByEntity(String tenant) {
        return jdbc.queryForList(sql.get("statuses-by-entity-of-tenant"), Map.of("tenant", tenant));
    }

    private Cursor cursor() {
        return new Cursor(jdbc.getJdbcTemplate().getDataSource());
    }

    private static MapSqlParameterSource keyParams(RecordKey key) {
        return new MapSqlParameterSource().addValue("tenant", key.tenant()).addValue("entity", key.entity())
                .addValue("sourceKey", key.sourceKey());
    }

    private static void requireOneRow(int updated, RecordKey key) {
        // the extract queues every record before sending it, so a missing row means a foreign message
        if (updated != 1) {
            throw new IllegalStateException("Ledger has no row for " + key + "; was it queued by Splice?");
        }
    }

    /**
     * Text from outside cut to {@code max} characters with a marker saying how long it was, and storable: PostgreSQL
     * refuses the NUL character in text, which would leave a record without an outcome.
     */
    static String bounded(String text, int max) {
        String storable = storable(text);
        if (storable == null || storable.length() <= max) {
            return storable;
        }
        String marker = "… [cut, " + storable.length() + " characters]";
        int keep = max - marker.length();
        // never half a surrogate pair at the cut
        if (Character.isHighSurrogate(storable.charAt(keep - 1))) {
            keep--;
        }
        return storable.substring(0, keep) + marker;
    }

    /** Kept whole (a target id must stay exact), only NUL replaced: PostgreSQL text cannot hold it. */
    static String storable(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
    }
}

package io.splice.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Runs, what each run's extract read per entity, and what became of each run's records (for its reports). */
public class Runs {

    private final NamedParameterJdbcTemplate jdbc;
    private final LedgerSql sql = new LedgerSql();

    public Runs(DataSource ledger) {
        this.jdbc = new NamedParameterJdbcTemplate(ledger);
    }

    /**
     * @param kind       RUN or REPLAY
     * @param owner      the process running it (see RunOwner)
     * @param parameters the run's plan parameters, as JSON
     */
    public void start(String runId, String tenant, String migration, String kind, String owner, String parameters) {
        jdbc.update(sql.get("run-start"), new MapSqlParameterSource().addValue("runId", runId).addValue("tenant", tenant)
                .addValue("migration", migration).addValue("kind", kind).addValue("now", now())
                .addValue("owner", owner).addValue("parameters", parameters));
    }

    /** The newest RUN of this migration and tenant, when it has not COMPLETED: the run to resume. */
    public Optional<UnfinishedRun> unfinished(String migration, String tenant) {
        List<UnfinishedRun> found = jdbc.query(sql.get("run-unfinished"), Map.of("migration", migration, "tenant", tenant),
                (row, n) -> new UnfinishedRun(row.getString("run_id"), row.getString("status"), row.getString("owner"),
                        row.getTimestamp("heartbeat_at") == null ? null : row.getTimestamp("heartbeat_at").toInstant(),
                        row.getString("parameters"), row.getString("saved")));
        return found.stream().filter(run -> !"COMPLETED".equals(run.status())).findFirst();
    }

    /** This process takes the run over: RUNNING again, with the parameters it resumes with. */
    public void claim(String runId, String owner, String parameters) {
        jdbc.update(sql.get("run-claim"), new MapSqlParameterSource().addValue("runId", runId).addValue("owner", owner)
                .addValue("parameters", parameters).addValue("now", now()));
    }

    /** Tells other processes that this one's runs are alive. */
    public void heartbeat(String owner) {
        jdbc.update(sql.get("run-heartbeat"), Map.of("owner", owner, "now", now()));
    }

    /** What the run's target stages saved (JSON), to restore the target at the end. */
    public void saved(String runId, String saved) {
        jdbc.update(sql.get("run-saved"), new MapSqlParameterSource().addValue("runId", runId).addValue("saved", saved));
    }

    public void finish(String runId, String status, String error) {
        jdbc.update(sql.get("run-finish"), new MapSqlParameterSource().addValue("runId", runId)
                .addValue("status", status).addValue("error", error).addValue("now", now()));
    }

    public void entityStarted(String runId, String entity) {
        jdbc.update(sql.get("run-entity-start"), Map.of("runId", runId, "entity", entity, "now", now()));
    }

    public void pageRead(String runId, String entity, int read, int skipped, int queued) {
        jdbc.update(sql.get("run-entity-page"), Map.of("runId", runId, "entity", entity,
                "read", read, "skipped", skipped, "queued", queued));
    }

    public void entityFinished(String runId, String entity) {
        jdbc.update(sql.get("run-entity-finish"), Map.of("runId", runId, "entity", entity, "now", now()));
    }

    public Map<String, Object> run(String runId) {
        return jdbc.queryForMap(sql.get("run"), Map.of("runId", runId));
    }

    public List<Map<String, Object>> entities(String runId) {
        return jdbc.queryForList(sql.get("run-entities"), Map.of("runId", runId));
    }

    /** FAILED, BLOCKED and DISCARDED records of the run by entity, status and reason, the commonest first. */
    public List<Map<String, Object>> notMigratedByReason(String runId) {
        return jdbc.queryForList(sql.get("run-not-migrated-by-reason"), Map.of("runId", runId));
    }

    /**
     * Every record of the run that is not MIGRATED (FAILED, BLOCKED, DISCARDED, and QUEUED: without an outcome), and
     * every one in doubt (V7) whatever its status, one at a time (never all in memory), without payloads.
     */
    public void eachNotMigrated(String runId, Consumer<NotMigrated> each) {
        new Cursor(jdbc.getJdbcTemplate().getDataSource()).query(sql.get("run-not-migrated"), Map.of("runId", runId),
                row -> each.accept(new NotMigrated(row.getString("tenant"), row.getString("entity"),
                        row.getString("source_key"), row.getString("status"), row.getString("reason"),
                        row.getObject("http_status", Integer.class), row.getString("blocked_by_entity"),
                        row.getString("blocked_by_key"), row.getString("failed_fields"),
                        row.getString("in_doubt_reason"))));
    }

    /** A run that did not complete, as the ledger last saw it. */
    public record UnfinishedRun(String runId, String status, String owner, Instant heartbeatAt, String parameters,
                                String saved) {
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}

package io.splice.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Runs and what each run's extract read, per entity. */
public class Runs {

    private final NamedParameterJdbcTemplate jdbc;
    private final LedgerSql sql = new LedgerSql();

    public Runs(DataSource ledger) {
        this.jdbc = new NamedParameterJdbcTemplate(ledger);
    }

    /** @param kind RUN or REPLAY */
    public void start(String runId, String tenant, String migration, String kind) {
        jdbc.update(sql.get("run-start"), Map.of("runId", runId, "tenant", tenant, "migration", migration,
                "kind", kind, "now", now()));
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

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}

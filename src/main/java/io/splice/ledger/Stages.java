package io.splice.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Every execution of a plan's stages, per run: attempts, interruptions and outcomes. */
public class Stages {

    private static final int MAX_ERROR = 4000;
    private static final Instant FOREVER = Instant.parse("9999-12-31T00:00:00Z");

    private final NamedParameterJdbcTemplate jdbc;
    private final LedgerSql sql = new LedgerSql();

    public Stages(DataSource ledger) {
        this.jdbc = new NamedParameterJdbcTemplate(ledger);
    }

    /** A new attempt of the stage, RUNNING (or SKIPPED at once). */
    public void start(String runId, String stage, String kind, String status, String owner) {
        jdbc.update(sql.get("stage-start"), new MapSqlParameterSource().addValue("runId", runId).addValue("stage", stage)
                .addValue("kind", kind).addValue("status", status).addValue("owner", owner).addValue("now", now()));
    }

    /** Ends the stage's RUNNING attempt. */
    public void finish(String runId, String stage, String status, String error) {
        jdbc.update(sql.get("stage-finish"), new MapSqlParameterSource().addValue("runId", runId).addValue("stage", stage)
                .addValue("status", status).addValue("now", now())
                .addValue("error", error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR)));
    }

    /** Attempts a dead process left RUNNING become INTERRUPTED. */
    public int interrupt(String runId) {
        return jdbc.update(sql.get("stage-interrupt"), Map.of("runId", runId, "now", now()));
    }

    public List<StageExecution> history(String runId) {
        return jdbc.query(sql.get("stages"), Map.of("runId", runId), (row, n) -> new StageExecution(
                row.getString("stage"), row.getInt("attempt"), row.getString("kind"), row.getString("status"),
                instant(row.getTimestamp("started_at")), instant(row.getTimestamp("finished_at")), row.getString("error")));
    }

    /** entity → status → records of this run, for some entities. */
    public List<Map<String, Object>> outcomes(String runId, Collection<String> entities) {
        if (entities.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList(sql.get("stage-outcomes"), new MapSqlParameterSource().addValue("runId", runId)
                .addValue("entities", entities));
    }

    /**
     * entity → status → records of this run whose outcome was recorded in [from, to): one attempt's own outcomes.
     *
     * @param from null: since ever
     * @param to   null: until now and later (the last attempt also owns what changed after it, e.g. discards)
     */
    public List<Map<String, Object>> outcomesBetween(String runId, Collection<String> entities, Instant from, Instant to) {
        if (entities.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList(sql.get("stage-outcomes-between"), new MapSqlParameterSource().addValue("runId", runId)
                .addValue("entities", entities).addValue("from", Timestamp.from(from == null ? Instant.EPOCH : from))
                .addValue("to", Timestamp.from(to == null ? FOREVER : to)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    public record StageExecution(String stage, int attempt, String kind, String status, Instant startedAt,
                                 Instant finishedAt, String error) {
    }
}

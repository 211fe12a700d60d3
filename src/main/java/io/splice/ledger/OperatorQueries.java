package io.splice.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** What an operator asks the ledger: recent runs, progress per tenant and entity, dead letters by fingerprint. */
public class OperatorQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final LedgerSql sql = new LedgerSql();

    public OperatorQueries(DataSource ledger) {
        this.jdbc = new NamedParameterJdbcTemplate(ledger);
    }

    public List<Map<String, Object>> latestRuns(int limit) {
        return jdbc.queryForList(sql.get("runs-latest"), Map.of("limit", limit));
    }

    public List<Map<String, Object>> progress() {
        return jdbc.queryForList(sql.get("progress"), Map.of());
    }

    public List<Map<String, Object>> migratedSince(Instant since) {
        return jdbc.queryForList(sql.get("recent-migrated"), Map.of("since", Timestamp.from(since)));
    }

    /** Records in doubt (V7), whatever their status now, newest first; tenant and entity null for all. */
    public List<Map<String, Object>> inDoubt(String tenant, String entity, int limit) {
        return jdbc.queryForList(sql.get("in-doubt-records"), new MapSqlParameterSource()
                .addValue("tenant", tenant, java.sql.Types.VARCHAR).addValue("entity", entity, java.sql.Types.VARCHAR)
                .addValue("limit", limit));
    }

    /** @param tenant null for every tenant */
    public List<Map<String, Object>> deadLetterGroups(String tenant) {
        return jdbc.queryForList(sql.get("dead-letter-groups"), new MapSqlParameterSource().addValue("tenant", tenant,
                java.sql.Types.VARCHAR));
    }
}

package io.splice.testing;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.splice.ledger.Blocking;
import io.splice.ledger.Ledger;
import io.splice.ledger.LedgerSchema;
import io.splice.ledger.Runs;
import io.splice.record.RecordKey;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** A ledger in an H2 in-memory database of its own (the embedded ledger's dialect), migrated, shut down on close. */
public final class H2Ledger implements AutoCloseable {

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final JdbcTemplate jdbc;

    public H2Ledger() {
        byte[] suffix = new byte[6];
        new SecureRandom().nextBytes(suffix);
        dataSource.setURL("jdbc:h2:mem:splice_beans_" + HexFormat.of().formatHex(suffix)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        LedgerSchema.migrate(dataSource);
        jdbc = new JdbcTemplate(dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Ledger ledger() {
        return new Ledger(dataSource);
    }

    public Blocking blocking() {
        return new Blocking(dataSource);
    }

    public Runs runs() {
        return new Runs(dataSource);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** The record's ledger row, or null when the ledger does not have it. */
    public Map<String, Object> row(RecordKey key) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from splice_record where tenant = ? and entity = ?"
                + " and source_key = ?", key.tenant(), key.entity(), key.sourceKey());
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** status of every record of an entity, by source key. */
    public Map<String, String> statuses(String tenant, String entity) {
        Map<String, String> statuses = new java.util.TreeMap<>();
        jdbc.query("select source_key, status from splice_record where tenant = ? and entity = ?",
                row -> {
                    statuses.put(row.getString(1), row.getString(2));
                }, tenant, entity);
        return statuses;
    }

    @Override
    public void close() {
        jdbc.execute("SHUTDOWN");
    }
}

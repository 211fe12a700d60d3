package io.splice.testing;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.splice.ledger.LedgerSchema;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A ledger for one test class: a PostgreSQL database with the ledger's schema (creating one takes seconds, so a class
 * shares it and {@link #clear}s it per test), and records written as the routes leave them.
 */
public final class TestLedger implements AutoCloseable {

    private final TestDatabase database;
    // pooled: a new PostgreSQL connection per statement would make each test take seconds
    private final HikariDataSource pool;
    private final JdbcTemplate jdbc;

    private TestLedger(TestDatabase database) {
        this.database = database;
        this.pool = new HikariDataSource();
        pool.setJdbcUrl(database.url());
        pool.setUsername(database.user());
        pool.setPassword(database.password());
        pool.setMaximumPoolSize(4);
        this.jdbc = new JdbcTemplate(pool);
    }

    public static TestLedger create(String purpose) throws SQLException {
        TestDatabase database = TestDatabase.create(purpose);
        LedgerSchema.migrate(database.dataSource());
        return new TestLedger(database);
    }

    public DataSource dataSource() {
        return pool;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** No records, runs or stages: each test starts from an empty ledger. */
    public void clear() {
        jdbc.update("delete from splice_record");
        jdbc.update("delete from splice_run_entity");
        jdbc.update("delete from splice_stage");
        jdbc.update("delete from splice_run");
    }

    /** A record to write: run "run-1", attempt 1, updated now, unless told otherwise. */
    public LedgerRecord record(String tenant, String entity, String sourceKey, String status) {
        return new LedgerRecord(tenant, entity, sourceKey, status);
    }

    /** The record's status now. */
    public String statusOf(String tenant, String entity, String sourceKey) {
        return jdbc.queryForObject("select status from splice_record where tenant = ? and entity = ? and source_key = ?",
                String.class, tenant, entity, sourceKey);
    }

    /** A run as the run routes start it (kind RUN, migration shop). */
    public void run(String runId, String tenant, String status, Instant startedAt, Instant finishedAt) {
        jdbc.update("insert into splice_run (run_id, tenant, status, started_at, finished_at, migration, kind)"
                        + " values (?, ?, ?, ?, ?, 'shop', 'RUN')", runId, tenant, status, Timestamp.from(startedAt),
                finishedAt == null ? null : Timestamp.from(finishedAt));
    }

    @Override
    public void close() throws SQLException {
        pool.close();
        database.close();
    }

    /** One splice_record row; {@link #insert} writes it. */
    public final class LedgerRecord {

        private final String tenant;
        private final String entity;
        private final String sourceKey;
        private final String status;
        private String runId = "run-1";
        private String groupKey;
        private String reason;
        private Integer httpStatus;
        private String fields;
        private String payload;
        private String targetId;
        private String blockedByEntity;
        private String blockedByKey;
        private String inDoubtReason;
        private Instant updatedAt = Instant.now();

        private LedgerRecord(String tenant, String entity, String sourceKey, String status) {
            this.tenant = tenant;
            this.entity = entity;
            this.sourceKey = sourceKey;
            this.status = status;
        }

        public LedgerRecord run(String id) {
            this.runId = id;
            return this;
        }

        public LedgerRecord group(String key) {
            this.groupKey = key;
            return this;
        }

        public LedgerRecord failed(Integer status, String why, String fieldNames) {
            this.httpStatus = status;
            this.reason = why;
            this.fields = fieldNames;
            return this;
        }

        public LedgerRecord payload(String json) {
            this.payload = json;
            return this;
        }

        public LedgerRecord targetId(String id) {
            this.targetId = id;
            return this;
        }

        /** Released (or blocked) by this parent: a released record still names it until its wave is sent. */
        public LedgerRecord blockedBy(String parentEntity, String parentKey) {
            this.blockedByEntity = parentEntity;
            this.blockedByKey = parentKey;
            return this;
        }

        public LedgerRecord inDoubt(String why) {
            this.inDoubtReason = why;
            return this;
        }

        public LedgerRecord updatedAt(Instant at) {
            this.updatedAt = at;
            return this;
        }

        public void insert() {
            jdbc.update("insert into splice_record (tenant, entity, source_key, group_key, status, run_id, target_id,"
                            + " attempts, http_status, reason, error_message, failed_fields, payload, updated_at,"
                            + " blocked_by_entity, blocked_by_key, in_doubt, in_doubt_reason)"
                            + " values (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    tenant, entity, sourceKey, groupKey, status, runId, targetId, httpStatus, reason,
                    reason == null ? null : entity + " " + sourceKey + ": " + reason, fields, payload,
                    Timestamp.from(updatedAt), blockedByEntity, blockedByKey, inDoubtReason != null, inDoubtReason);
        }
    }
}

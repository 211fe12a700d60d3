package io.splice.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.sql.DataSource;

import io.splice.record.RecordKey;
import io.splice.testing.TestDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ledger's in-doubt writes (V7) on both ledgers: PostgreSQL (the async-commit marker) and H2 (the embedded one). */
class InDoubtLedgerTest {

    private static final RecordKey KEY = new RecordKey("north", "items", "7");
    private static final String RUN = "run-1";

    @Test
    void onPostgres() throws Exception {
        try (TestDatabase db = TestDatabase.create("indoubt")) {
            inDoubtStaysAndACallMarkerIsClearedByTheOutcome(db.dataSource());
        }
    }

    @Test
    void onH2() throws Exception {
        byte[] suffix = new byte[6];
        new SecureRandom().nextBytes(suffix);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:splice_doubt_" + HexFormat.of().formatHex(suffix)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        try {
            inDoubtStaysAndACallMarkerIsClearedByTheOutcome(h2);
        } finally {
            new JdbcTemplate(h2).execute("SHUTDOWN");
        }
    }

    private void inDoubtStaysAndACallMarkerIsClearedByTheOutcome(DataSource dataSource) {
        LedgerSchema.migrate(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        Ledger ledger = new Ledger(dataSource);
        Instant processStart = Instant.now().minusSeconds(60);

        // a queued record whose call began: the marker is what a later process reads
        ledger.markQueued(KEY.tenant(), KEY.entity(), RUN, Map.of(KEY.sourceKey(), "g1"), processStart);
        ledger.markSending(KEY);
        Ledger.RecordState sending = ledger.stateOf(KEY);
        assertThat(sending.status()).isEqualTo("QUEUED");
        assertThat(sending.sendingSince()).isNotNull();
        assertThat(sending.runId()).isEqualTo(RUN);

        // FAILED with a lost answer: in doubt, the marker gone
        ledger.recordFailed(KEY, new Failure("java.net.SocketTimeoutException", "timeout", "Read timed out", null), 3,
                "{}", null, "no answer within the response timeout");
        assertThat(ledger.stateOf(KEY).sendingSince()).isNull();
        assertThat(inDoubt()).isEqualTo("true no answer within the response timeout");

        // queued again by this process for the same run: it keeps its FAILED outcome (sent once per run) ...
        assertThat(ledger.recordsAmong(KEY.tenant(), KEY.entity(), java.util.List.of(KEY.sourceKey())).get(KEY.sourceKey())
                .failedIn(RUN, processStart)).isTrue();
        ledger.markQueued(KEY.tenant(), KEY.entity(), RUN, Map.of(KEY.sourceKey(), "g1"), processStart);
        assertThat(ledger.stateOf(KEY).status()).isEqualTo("FAILED");
        // ... while a later run queues it again, and its MIGRATED outcome keeps the doubt and the first reason
        ledger.markQueued(KEY.tenant(), KEY.entity(), "run-2", Map.of(KEY.sourceKey(), "g1"), processStart);
        assertThat(ledger.stateOf(KEY).status()).isEqualTo("QUEUED");
        ledger.markSending(KEY);
        ledger.recordMigrated(KEY, "items-1", 201, 1, null);
        ledger.markInDoubt(KEY, "the connection broke before the answer");
        assertThat(ledger.stateOf(KEY).status()).isEqualTo("MIGRATED");
        assertThat(ledger.stateOf(KEY).sendingSince()).isNull();
        assertThat(inDoubt()).isEqualTo("true no answer within the response timeout");
        assertThat(ledger.inDoubtByEntity("run-2")).containsExactly(Map.entry("items", 1L));
    }

    private JdbcTemplate jdbc;

    private String inDoubt() {
        return jdbc.queryForObject("select case when in_doubt then 'true' else 'false' end || ' ' || in_doubt_reason"
                + " from splice_record", String.class);
    }
}

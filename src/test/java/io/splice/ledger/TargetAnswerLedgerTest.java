package io.splice.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import javax.sql.DataSource;

import io.splice.record.RecordKey;
import io.splice.testing.TestDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The target's whole answer to a failure and the fields it names are kept (V8), bounded; a look-up's failure keeps
 * what an earlier failure recorded of the target's answer. On PostgreSQL and on H2 alike.
 */
class TargetAnswerLedgerTest {

    private static final RecordKey KEY = new RecordKey("default", "customers", "7");
    private static final String ANSWER = "{\"error\":\"validation failed\",\"fields\":[\"email\"]}";

    @Test
    void onPostgres() throws Exception {
        try (TestDatabase database = TestDatabase.create("answer")) {
            keepsTheAnswer(database.dataSource());
        }
    }

    @Test
    void onH2() throws Exception {
        byte[] suffix = new byte[6];
        new SecureRandom().nextBytes(suffix);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:splice_answer_" + HexFormat.of().formatHex(suffix)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        try {
            keepsTheAnswer(h2);
        } finally {
            new JdbcTemplate(h2).execute("SHUTDOWN");
        }
    }

    private void keepsTheAnswer(DataSource dataSource) {
        LedgerSchema.migrate(dataSource);
        Ledger ledger = new Ledger(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        ledger.markQueued(KEY.tenant(), KEY.entity(), "run-1", Map.of(KEY.sourceKey(), "g1"));

        // a 422 with its answer and fields
        ledger.recordFailed(KEY, new Failure("io.splice.target.TargetRejectedException", "HTTP 422 validation failed: email",
                "customers 7: target answered HTTP 422: validation failed: email", 422).withAnswer(ANSWER, "email"), 1, "{}", "{}");
        assertThat(row(jdbc)).containsEntry("reason", "HTTP 422 validation failed: email")
                .containsEntry("target_answer", ANSWER).containsEntry("failed_fields", "email");
        assertThat(new OperatorQueries(dataSource).deadLetterGroups(null)).singleElement()
                .satisfies(group -> assertThat(group).containsEntry("fields", "email"));

        // queued again; its look-up then fails (found several): the 422 stays the reason, the message is the look-up's
        ledger.markQueued(KEY.tenant(), KEY.entity(), "run-2", Map.of(KEY.sourceKey(), "g1"));
        ledger.recordFailed(KEY, new Failure("io.splice.target.TargetResponseException",
                "lookup found 2 records at /api/customers?email={email}", "customers 7: lookup found 2 records at"
                + " /api/customers?email=a%40b.nl", 200).withAnswer("[{\"id\":1},{\"id\":2}]", null).keepingEarlier(),
                1, "{}", "{}");
        assertThat(row(jdbc)).containsEntry("status", "FAILED").containsEntry("reason", "HTTP 422 validation failed: email")
                .containsEntry("http_status", 422).containsEntry("target_answer", ANSWER)
                .containsEntry("failed_fields", "email")
                .containsEntry("error_message", "customers 7: lookup found 2 records at /api/customers?email=a%40b.nl");

        // migrated at last: nothing of the failure is left
        ledger.recordMigrated(KEY, "c-1", 201, 1, null);
        assertThat(row(jdbc)).containsEntry("target_answer", null).containsEntry("failed_fields", null);

        // a look-up's failure with no earlier answer of the target is recorded as it is; a huge answer is cut
        RecordKey other = new RecordKey("default", "customers", "8");
        ledger.markQueued(other.tenant(), other.entity(), "run-2", Map.of(other.sourceKey(), "g1"));
        String huge = "{\"error\":\"x\",\"trace\":\"" + "y".repeat(20_000) + "\"}";
        ledger.recordFailed(other, new Failure("E", "lookup HTTP 400 bad query", "customers 8: …", 400)
                .withAnswer(huge, null).keepingEarlier(), 1, "{}", null);
        Map<String, Object> row = jdbc.queryForMap("select reason, target_answer from splice_record where source_key = '8'");
        assertThat(row).containsEntry("reason", "lookup HTTP 400 bad query");
        assertThat((String) row.get("target_answer")).hasSize(Ledger.MAX_ANSWER).endsWith("[cut, " + huge.length() + " characters]");
    }

    private static Map<String, Object> row(JdbcTemplate jdbc) {
        return jdbc.queryForMap("select status, reason, http_status, error_message, target_answer, failed_fields"
                + " from splice_record where source_key = '7'");
    }
}

package io.splice.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.splice.record.RecordKey;
import io.splice.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13, item 6: whatever the ledger stores from outside is bounded and checked. A target id longer than the old
 * column (200) once left a record created at the target but FAILED in the ledger; a reason with a NUL character could
 * not be stored at all (PostgreSQL), so the record had no outcome.
 */
class LedgerBoundsTest {

    private static final RecordKey KEY = new RecordKey("default", "parcels", "7");

    private TestDatabase database;
    private Ledger ledger;
    private JdbcTemplate jdbc;

    @BeforeEach
    void given() throws Exception {
        database = TestDatabase.create("ledger");
        LedgerSchema.migrate(database.dataSource());
        ledger = new Ledger(database.dataSource());
        jdbc = new JdbcTemplate(database.dataSource());
        ledger.markQueued(KEY.tenant(), KEY.entity(), "run-1", Map.of(KEY.sourceKey(), "g1"));
    }

    @AfterEach
    void drop() throws Exception {
        database.close();
    }

    @Test
    void aCreatedRecordWithALongTargetIdIsMigratedWithItsWholeId() {
        // given the target created the record under an id of 5,000 characters
        String id = "urn:target:" + "x".repeat(4_989);

        // when its outcome is recorded
        ledger.recordMigrated(KEY, id, 201, 1, null);

        // then it is MIGRATED with exactly that id (its children send it)
        assertThat(jdbc.queryForMap("select status, target_id from splice_record where source_key = '7'"))
                .containsEntry("status", "MIGRATED").containsEntry("target_id", id);
    }

    @Test
    void reasonsMessagesAndClassesFromOutsideAreCutWithAMarkerAndStorable() {
        // given a target whose refusal is huge and holds a NUL character
        String reason = "HTTP 422 street: \u0000" + "y".repeat(5_000);
        String message = "parcels 7: " + "z".repeat(10_000);
        String errorClass = "com.example." + "Nested".repeat(100) + "Exception";

        // when the record is recorded FAILED
        ledger.recordFailed(KEY, new Failure(errorClass, reason, message, 422), 1, "{}", null);

        // then each text fits its column, says it was cut and how long it was, and the NUL is replaced
        Map<String, Object> row = jdbc.queryForMap(
                "select status, reason, error_message, error_class from splice_record where source_key = '7'");
        assertThat(row).containsEntry("status", "FAILED");
        assertThat((String) row.get("reason")).hasSize(Ledger.MAX_REASON).startsWith("HTTP 422 street: \uFFFDyyy")
                .endsWith("… [cut, " + reason.length() + " characters]");
        assertThat((String) row.get("error_message")).hasSize(Ledger.MAX_MESSAGE)
                .endsWith("… [cut, " + message.length() + " characters]");
        assertThat((String) row.get("error_class")).hasSize(Ledger.MAX_ERROR_CLASS).startsWith("com.example.Nested");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String text = "a".repeat(9) + "\uD83D\uDE00" + "b".repeat(100);
        int max = 9 + 1 + "… [cut, 111 characters]".length();

        assertThat(Ledger.bounded(text, max)).isEqualTo("a".repeat(9) + "… [cut, 111 characters]");
    }
}

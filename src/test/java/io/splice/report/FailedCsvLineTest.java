package io.splice.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.splice.ledger.NotMigrated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailedCsvLineTest {

    @Test
    void aFailedRecordShowsItsReasonFieldAndHttpStatus() {
        NotMigrated failed = new NotMigrated("north", "addresses", "A3", "FAILED", "HTTP 422 street: is required", 422,
                null, null);

        assertThat(FailedCsv.line(failed))
                .containsExactly("north", "addresses", "A3", "FAILED", "HTTP 422 street: is required", "street", "422", null,
                        null);
    }

    @Test
    void aRecordInDoubtSaysWhyEvenWhenMigrated() {
        NotMigrated inDoubt = new NotMigrated("north", "addresses", "A5", "MIGRATED", null, null, null, null, null,
                "no answer within the response timeout; the target may have processed the request");

        assertThat(FailedCsv.line(inDoubt)).containsExactly("north", "addresses", "A5", "MIGRATED", null, "", null, null,
                "no answer within the response timeout; the target may have processed the request");
    }

    @Test
    void aBlockedRecordNamesTheParentItWaitsForAndNoField() {
        NotMigrated blocked = new NotMigrated("north", "addresses", "A4", "BLOCKED",
                "parent projects FAILED: mapping houseNumber: is not a whole number", null, "projects", "P3");

        assertThat(FailedCsv.line(blocked)).containsExactly("north", "addresses", "A4", "BLOCKED",
                "parent projects FAILED: mapping houseNumber: is not a whole number", "", null, "projects P3", null);
    }

    @ParameterizedTest(name = "[{0}] opens as [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "=HYPERLINK(\"http://x\")|'=HYPERLINK(\"http://x\")",
            "+31 20 123|'+31 20 123",
            "@SUM(A1)|'@SUM(A1)",
            "-cmd|'-cmd",
            "-42|-42",
            "+7|+7",
            "-3.5|-3.5",
            "A-17|A-17",
            "plain|plain"})
    void legacyTextThatLooksLikeAFormulaStaysText(String value, String safe) {
        assertThat(FailedCsv.spreadsheetSafe(value)).isEqualTo(safe);
    }
}

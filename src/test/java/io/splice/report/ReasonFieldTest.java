package io.splice.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class ReasonFieldTest {

    @ParameterizedTest(name = "[{0}] names [{1}]")
    @CsvSource(delimiter = '|', value = {
            "mapping houseNumber: is not a whole number|houseNumber",
            "mapping address.postcode: must match 9999 AA|address.postcode",
            "mapping lines[0].sku: is required|lines[0].sku",
            "HTTP 422 street: is required|street",
            "HTTP 422 postcode: must match 9999 AA|postcode",
            "HTTP 400 straße: unbekannt|straße",
            "HTTP 422 note: must not contain: colons|note",
            "SQL 23502: NULL not allowed for column \"due_on\"|due_on",
            "SQL 23502: null value in column \"due_on\" of relation \"work_orders\" violates not-null constraint|due_on"})
    void namesTheFieldOfMappingAndTargetReasons(String reason, String field) {
        assertThat(ReasonField.of(reason)).isEqualTo(field);
    }

    @ParameterizedTest(name = "[{0}] names no field")
    @NullAndEmptySource
    @CsvSource(delimiter = '|', value = {
            "parent projects FAILED: mapping houseNumber: is not a whole number",
            "parent projects never migrated",
            "parent projects not migrated yet (QUEUED)",
            "HTTP 503, retries exhausted",
            "HTTP 422 validation_failed",
            "HTTP 400 invalid JSON: unexpected end",
            "IOException, retries exhausted",
            "unknown failure",
            "response without id at /id",
            "mapping : is required",
            "SQL 23513: Check constraint violation: \"CONSTRAINT_F: \"",
            "parent work_orders FAILED: SQL 23502: NULL not allowed for column \"due_on\"",
            "the mapping houseNumber: is not a whole number"})
    void namesNoFieldForParentsAndOtherReasons(String reason) {
        assertThat(ReasonField.of(reason)).isEmpty();
    }
}

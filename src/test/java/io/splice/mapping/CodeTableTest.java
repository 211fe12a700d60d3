package io.splice.mapping;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.splice.mapping.MappingYaml.mapping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class CodeTableTest {

    @Test
    void aKnownCodeIsReplaced() throws Exception {
        RecordMapping mapping = statuses("fail");

        assertThat(mapping.map(7, Map.of("status", "A"), "acme", null)).containsExactly(entry("status", "active"));
    }

    @Test
    void anUnknownCodeFailsNamingTheTableFieldAndValue() {
        // given
        RecordMapping mapping = statuses("fail");

        // when / then
        assertThatThrownBy(() -> mapping.map(7, Map.of("status", "Q"), "acme", null))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.reason()).isEqualTo("mapping status: has no entry in code table statuses");
                    assertThat(e).hasMessage("projects 7: field status has no entry in code table statuses (value: Q)");
                });
    }

    @Test
    void failIsTheDefault() {
        RecordMapping mapping = mapping("projects", """
                fields:
                  status: { column: status, codeTable: statuses }
                codeTables:
                  statuses: { values: { A: active } }
                """);

        assertThatThrownBy(() -> mapping.map(7, Map.of("status", "Q"), "acme", null))
                .isInstanceOf(MappingException.class)
                .hasMessage("projects 7: field status has no entry in code table statuses (value: Q)");
    }

    @Test
    void otherwiseNullMakesAnUnknownCodeNull() throws Exception {
        RecordMapping mapping = statuses("null");

        assertThat(mapping.map(7, Map.of("status", "Q"), "acme", null)).containsExactly(entry("status", null));
    }

    @Test
    void otherwiseKeepPassesAnUnknownCodeThrough() throws Exception {
        RecordMapping mapping = statuses("keep");

        assertThat(mapping.map(7, Map.of("status", "Q"), "acme", null)).containsExactly(entry("status", "Q"));
    }

    @Test
    void aNullValueSkipsTheTableEvenWhenUnknownCodesFail() throws Exception {
        RecordMapping mapping = statuses("fail");
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("status", null);

        assertThat(mapping.map(7, row, "acme", null)).containsExactly(entry("status", null));
    }

    @Test
    void numbersAreLookedUpByTheirText() throws Exception {
        // given: YAML keys are text, legacy codes often numbers
        RecordMapping mapping = mapping("projects", """
                fields:
                  phase: { column: phase, codeTable: phases }
                codeTables:
                  phases: { values: { 1: design, 2: build } }
                """);

        // when / then
        assertThat(mapping.map(7, Map.of("phase", 2), "acme", null)).containsExactly(entry("phase", "build"));
    }

    @Test
    void aCodeMayMapToNullAndTheTablesValueIsThenConverted() throws Exception {
        // given
        RecordMapping mapping = mapping("projects", """
                fields:
                  active: { column: status, codeTable: activity, type: boolean }
                codeTables:
                  activity: { values: { A: "yes", C: "no", X: null } }
                """);

        // when / then
        assertThat(mapping.map(7, Map.of("status", "C"), "acme", null)).containsExactly(entry("active", false));
        assertThat(mapping.map(8, Map.of("status", "X"), "acme", null)).containsExactly(entry("active", null));
    }

    @Test
    void anExpressionsResultGoesThroughTheTable() throws Exception {
        RecordMapping mapping = mapping("projects", """
                fields:
                  status: { expression: "$substring(status, 0, 1)", codeTable: statuses }
                codeTables:
                  statuses: { values: { A: active } }
                """);

        assertThat(mapping.map(7, Map.of("status", "ACTIVE"), "acme", null)).containsExactly(entry("status", "active"));
    }

    private static RecordMapping statuses(String otherwise) {
        return mapping("projects", """
                fields:
                  status: { column: status, codeTable: statuses }
                codeTables:
                  statuses: { values: { A: active, C: closed }, otherwise: "%s" }
                """.formatted(otherwise));
    }
}

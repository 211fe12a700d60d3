package io.splice.mapping;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.splice.mapping.MappingYaml.mapping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class RecordMappingTest {

    private static final Map<String, Object> NORTH = Map.of("region", "north", "prefix", "PRJ");

    @Test
    void fieldsComeInDefinitionOrderFromColumnsConstantsAndExpressions() throws Exception {
        // given
        RecordMapping mapping = mapping("projects", """
                fields:
                  zeta: code
                  legacyId: { column: id, type: integer }
                  source: { constant: legacy-crm }
                  version: { constant: 2 }
                  active: { constant: true }
                  label: { expression: "name & ' (' & $tenant & ')'" }
                  alpha: { column: name }
                  missing: { column: no_such_column }
                """);

        // when
        Map<String, Object> target = mapping.map(7, row(), "acme", NORTH);

        // then
        assertThat(target).containsExactly(entry("zeta", "P-7"), entry("legacyId", 7L), entry("source", "legacy-crm"),
                entry("version", 2), entry("active", true), entry("label", "Kerkstraat (acme)"),
                entry("alpha", "Kerkstraat"), entry("missing", null));
    }

    @Test
    void aConstantMayBeAnObject() throws Exception {
        RecordMapping mapping = mapping("projects", """
                fields:
                  owner: { constant: { team: migration, since: 2024 } }
                """);

        assertThat(mapping.map(7, row(), "acme", NORTH))
                .containsExactly(entry("owner", Map.of("team", "migration", "since", 2024)));
    }

    @Test
    void expressionsSeeTheRowTheTenantAndTheVariables() throws Exception {
        // given
        RecordMapping mapping = mapping("projects", """
                fields:
                  code: { expression: "$variables.prefix & '-' & $uppercase($tenant) & '-' & $string(id)" }
                  region: { expression: "$variables.region" }
                  size: { expression: "homes > 100 ? 'large' : 'small'" }
                  state: { expression: "status = 'A' ? 'active' : status = 'C' ? 'closed' : 'unknown'" }
                  homes: { expression: "homes * 2", type: integer }
                  street: { expression: "$exists(street) ? street : name" }
                """);

        // when
        Map<String, Object> target = mapping.map(7, row(), "acme", NORTH);

        // then
        assertThat(target).containsExactly(entry("code", "PRJ-ACME-7"), entry("region", "north"),
                entry("size", "large"), entry("state", "active"), entry("homes", 240L), entry("street", "Kerkstraat"));
    }

    @Test
    void undefinedAndNullExpressionResultsAreNull() throws Exception {
        RecordMapping mapping = mapping("projects", """
                fields:
                  region: { expression: "$variables.region" }
                  nothing: { expression: "no_such_column" }
                  jsonNull: { expression: "null" }
                """);

        assertThat(mapping.map(7, row(), "acme", null))
                .containsExactly(entry("region", null), entry("nothing", null), entry("jsonNull", null));
    }

    @Test
    void aRequiredFieldThatIsNullFailsNamingTheRecordAndField() throws Exception {
        RecordMapping mapping = mapping("projects", """
                fields:
                  city: { column: city, required: true }
                """);
        Map<String, Object> row = row();
        row.put("city", null);

        assertThatThrownBy(() -> mapping.map(7, row, "acme", NORTH))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.reason()).isEqualTo("mapping city: is required but missing");
                    assertThat(e).hasMessage("projects 7: field city is required but missing (value: null)");
                });
    }

    @Test
    void aRequiredFieldThatIsBlankFails() {
        RecordMapping mapping = mapping("projects", """
                fields:
                  city: { column: city, required: true }
                """);
        Map<String, Object> row = row();
        row.put("city", "  ");

        assertThatThrownBy(() -> mapping.map(7, row, "acme", NORTH))
                .isInstanceOf(MappingException.class)
                .hasMessage("projects 7: field city is required but missing (value:   )");
    }

    @Test
    void aRequiredFieldIsCheckedAfterItsCodeTable() {
        RecordMapping mapping = mapping("projects", """
                fields:
                  state: { column: status, codeTable: states, required: true }
                codeTables:
                  states: { values: { A: active }, otherwise: "null" }
                """);
        Map<String, Object> row = row();
        row.put("status", "Z");

        assertThatThrownBy(() -> mapping.map(7, row, "acme", NORTH))
                .isInstanceOf(MappingException.class)
                .hasMessage("projects 7: field state is required but missing (value: null)");
    }

    @Test
    void aPresentRequiredFieldPasses() throws Exception {
        RecordMapping mapping = mapping("projects", """
                fields:
                  city: { column: city, required: true }
                """);

        assertThat(mapping.map(7, row(), "acme", NORTH)).containsExactly(entry("city", "Utrecht"));
    }

    @Test
    void aBadValueForItsTypeNamesTheTargetFieldAndTheValue() {
        // given
        RecordMapping mapping = mapping("addresses", """
                fields:
                  houseNumber: { column: house_number, type: integer }
                """);
        Map<String, Object> row = row();
        row.put("house_number", "12-14");

        // when / then
        assertThatThrownBy(() -> mapping.map(7, row, "acme", NORTH))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.reason()).isEqualTo("mapping houseNumber: is not a whole number");
                    assertThat(e).hasMessage("addresses 7: field houseNumber is not a whole number (value: 12-14)");
                });
    }

    @Test
    void typesConvertTheValuesTheyGet() throws Exception {
        RecordMapping mapping = mapping("projects", """
                fields:
                  homes: { column: homes, type: string }
                  budget: { column: budget, type: decimal }
                  active: { column: active, type: boolean }
                  started: { column: started, type: date }
                  changed: { column: changed, type: datetime }
                """);

        assertThat(mapping.map(7, row(), "acme", NORTH)).containsExactly(entry("homes", "120"),
                entry("budget", new BigDecimal("1500.50")), entry("active", true), entry("started", "2024-03-01"),
                entry("changed", "2024-03-01T09:00:00Z"));
    }

    @Test
    void anExpressionThatFailsWhileEvaluatingNamesItsField() {
        RecordMapping mapping = mapping("projects", """
                fields:
                  region: { expression: "$error('no region for ' & $tenant)" }
                """);

        assertThatThrownBy(() -> mapping.map(7, row(), "acme", NORTH))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.reason()).isEqualTo("mapping region: expression failed: no region for acme");
                    assertThat(e).hasMessage("projects 7: field region expression failed: no region for acme (value: null)");
                });
    }

    @Test
    void aJavaErrorInsideTheLibraryIsAnExpressionFailureToo() {
        RecordMapping mapping = mapping("projects", """
                fields:
                  number: { expression: "$number(name)" }
                """);

        assertThatThrownBy(() -> mapping.map(7, row(), "acme", NORTH))
                .isInstanceOf(MappingException.class)
                .hasMessage("projects 7: field number expression failed: "
                        + "java.lang.NumberFormatException: For input string: \"Kerkstraat\" (value: null)");
    }

    @Test
    void theWholeMappingExpressionIsMergedOverTheFieldsWithNestedObjects() throws Exception {
        // given
        RecordMapping mapping = mapping("projects", """
                fields:
                  legacyId: { column: id, type: integer }
                  status: status
                  city: city
                expression: |
                  {
                    "status": status = 'A' ? 'active' : 'inactive',
                    "address": { "street": street, "city": city, "tenant": $tenant },
                    "tags": [$variables.region, code]
                  }
                """);

        // when
        Map<String, Object> target = mapping.map(7, row(), "acme", NORTH);

        // then
        assertThat(target).containsExactly(entry("legacyId", 7L), entry("status", "active"),
                entry("city", "Utrecht"),
                entry("address", Map.of("street", "Kerkstraat", "city", "Utrecht", "tenant", "acme")),
                entry("tags", List.of("north", "P-7")));
    }

    @Test
    void aWholeMappingExpressionMayStandAlone() throws Exception {
        RecordMapping mapping = mapping("projects", """
                expression: "{ 'id': id, 'name': name }"
                """);

        assertThat(mapping.map(7, row(), "acme", NORTH)).containsExactly(entry("id", 7), entry("name", "Kerkstraat"));
    }

    @Test
    void aWholeMappingExpressionThatIsNoObjectFails() {
        RecordMapping mapping = mapping("projects", """
                fields:
                  name: name
                expression: "name & '!'"
                """);

        assertThatThrownBy(() -> mapping.map(7, row(), "acme", NORTH))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.reason()).isEqualTo("mapping (expression): must produce an object, produced string");
                    assertThat(e).hasMessage(
                            "projects 7: field (expression) must produce an object, produced string (value: Kerkstraat!)");
                });
    }

    @Test
    void aWholeMappingExpressionProducingNothingOrAnArrayFails() {
        RecordMapping nothing = mapping("projects", "expression: \"no_such_column\"");
        RecordMapping array = mapping("projects", "expression: \"[id, name]\"");

        assertThatThrownBy(() -> nothing.map(7, row(), "acme", NORTH))
                .hasMessage("projects 7: field (expression) must produce an object, produced null (value: null)");
        assertThatThrownBy(() -> array.map(7, row(), "acme", NORTH))
                .hasMessage("projects 7: field (expression) must produce an object, produced array (value: [7, Kerkstraat])");
    }

    @Test
    void aWholeMappingExpressionThatFailsIsNamedAsTheExpression() {
        RecordMapping mapping = mapping("projects", "expression: \"$error('stop')\"");

        assertThatThrownBy(() -> mapping.map(7, row(), "acme", NORTH))
                .isInstanceOf(MappingException.class)
                .hasMessage("projects 7: field (expression) expression failed: stop (value: null)");
    }

    @Test
    void manyFieldsKeepTheirOrder() throws Exception {
        // given: more fields than a hash map keeps in insertion order by chance
        StringBuilder yaml = new StringBuilder("fields:\n");
        List<String> names = List.of("q", "b", "z", "a", "m", "c", "y", "d", "x", "e", "w", "f", "v", "g", "u");
        names.forEach(name -> yaml.append("  ").append(name).append(": { constant: ").append(name).append(" }\n"));

        // when
        Map<String, Object> target = mapping("projects", yaml.toString()).map(7, row(), "acme", NORTH);

        // then
        assertThat(target.keySet()).containsExactlyElementsOf(names);
    }

    static Map<String, Object> row() {
        Map<String, Object> row = new HashMap<>();
        row.put("id", 7);
        row.put("code", "P-7");
        row.put("name", "Kerkstraat");
        row.put("street", "Kerkstraat");
        row.put("city", "Utrecht");
        row.put("status", "A");
        row.put("homes", 120);
        row.put("budget", "1500.50");
        row.put("active", "yes");
        row.put("started", "2024-03-01 08:15:00");
        row.put("changed", "2024-03-01T10:00:00+01:00");
        return row;
    }
}

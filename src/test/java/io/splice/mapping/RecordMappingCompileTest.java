package io.splice.mapping;

import static io.splice.mapping.MappingYaml.definition;
import static io.splice.mapping.MappingYaml.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RecordMappingCompileTest {

    @Test
    void aSoundDefinitionCompilesWithoutProblems() {
        // given
        MappingDefinition definition = definition("""
                fields:
                  legacyId: id
                  name: { column: name, type: string, required: true }
                  source: { constant: legacy-crm }
                  label: { expression: "name & ' (' & $tenant & ')'" }
                  status: { column: status, codeTable: statuses }
                codeTables:
                  statuses: { values: { A: active }, otherwise: keep }
                expression: "{ 'meta': { 'id': id } }"
                """);
        List<MappingProblem> problems = new ArrayList<>();

        // when
        RecordMapping mapping = RecordMapping.compile("projects", definition, problems);

        // then
        assertThat(problems).isEmpty();
        assertThat(mapping).isNotNull();
        assertThat(mapping.entity()).isEqualTo("projects");
    }

    @Test
    void aFieldWithNoSourceIsAProblem() {
        assertThat(problemsOf("""
                fields:
                  name: { type: string }
                """)).containsExactly(new MappingProblem("mapping.fields.name",
                "needs exactly one of column, constant, expression; has none"));
    }

    @Test
    void aFieldWithTwoOrThreeSourcesNamesThem() {
        assertThat(problemsOf("""
                fields:
                  name: { column: name, constant: x }
                  code: { column: code, constant: x, expression: "code" }
                  label: { constant: x, expression: "name" }
                """)).containsExactly(
                new MappingProblem("mapping.fields.name",
                        "needs exactly one of column, constant, expression; has column and constant"),
                new MappingProblem("mapping.fields.code",
                        "needs exactly one of column, constant, expression; has column, constant and expression"),
                new MappingProblem("mapping.fields.label",
                        "needs exactly one of column, constant, expression; has constant and expression"));
    }

    @Test
    void aBlankColumnOrExpressionIsAProblem() {
        assertThat(problemsOf("""
                fields:
                  name: "  "
                  code: { column: "" }
                  label: { expression: " " }
                """)).containsExactly(
                new MappingProblem("mapping.fields.name.column", "is blank"),
                new MappingProblem("mapping.fields.code.column", "is blank"),
                new MappingProblem("mapping.fields.label.expression", "is blank"));
    }

    @Test
    void anUndefinedCodeTableNamesTheDefinedOnes() {
        assertThat(problemsOf("""
                fields:
                  status: { column: status, codeTable: statusses }
                codeTables:
                  statuses: { values: { A: active } }
                  regions: { values: { N: north } }
                """)).containsExactly(new MappingProblem("mapping.fields.status.codeTable",
                "names code table 'statusses', which is not defined (defined: statuses, regions)"));
    }

    @Test
    void anUndefinedCodeTableWhenNoneAreDefined() {
        assertThat(problemsOf("""
                fields:
                  status: { column: status, codeTable: statuses }
                """)).containsExactly(new MappingProblem("mapping.fields.status.codeTable",
                "names code table 'statuses', which is not defined (defined: none)"));
    }

    @Test
    void anUnknownTypeListsTheKnownOnes() {
        assertThat(problemsOf("""
                fields:
                  count: { column: count, type: int }
                """)).containsExactly(new MappingProblem("mapping.fields.count.type",
                "must be one of string, integer, decimal, boolean, date, datetime; was 'int'"));
    }

    @Test
    void anUnknownOtherwiseListsTheKnownOnes() {
        assertThat(problemsOf("""
                fields:
                  status: { column: status, codeTable: statuses }
                codeTables:
                  statuses: { values: { A: active }, otherwise: skip }
                """)).containsExactly(new MappingProblem("mapping.codeTables.statuses.otherwise",
                "must be one of fail, null, keep; was 'skip'"));
    }

    @Test
    void aFieldExpressionThatDoesNotCompileQuotesTheParser() {
        assertThat(problemsOf("""
                fields:
                  label: { expression: "name &" }
                """)).containsExactly(new MappingProblem("mapping.fields.label.expression",
                "does not compile: Unexpected end of expression"));
    }

    @Test
    void aWholeMappingExpressionThatDoesNotCompileQuotesTheParser() {
        assertThat(problemsOf("""
                fields:
                  name: name
                expression: "{ 'a': }"
                """)).containsExactly(new MappingProblem("mapping.expression",
                "does not compile: The symbol \"}\" cannot be used as a unary operator"));
    }

    @Test
    void aMappingWithNeitherFieldsNorExpressionMapsNothing() {
        assertThat(problemsOf("codeTables: {}")).containsExactly(
                new MappingProblem("mapping", "maps nothing: give fields or an expression"));
    }

    @Test
    void anExpressionAloneIsEnough() {
        List<MappingProblem> problems = new ArrayList<>();

        RecordMapping mapping = RecordMapping.compile("projects", definition("expression: \"{ 'id': id }\""), problems);

        assertThat(problems).isEmpty();
        assertThat(mapping).isNotNull();
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        // given
        MappingDefinition definition = definition("""
                fields:
                  a: { }
                  b: { column: b, type: money, codeTable: nope }
                  c: { expression: "(" }
                codeTables:
                  t: { otherwise: maybe }
                expression: "]"
                """);
        List<MappingProblem> problems = new ArrayList<>(List.of(new MappingProblem("other", "found earlier")));

        // when
        RecordMapping mapping = RecordMapping.compile("projects", definition, problems);

        // then
        assertThat(mapping).isNull();
        assertThat(problems).extracting(MappingProblem::path).containsExactly("other",
                "mapping.codeTables.t.otherwise", "mapping.fields.a", "mapping.fields.b.codeTable",
                "mapping.fields.b.type", "mapping.fields.c.expression", "mapping.expression");
    }

    @Test
    void fileAndExpressionFileLeftByTheLoaderAreIgnored() {
        List<MappingProblem> problems = new ArrayList<>();

        RecordMapping mapping = RecordMapping.compile("projects", definition("""
                file: projects.mapping.yaml
                expressionFile: projects.jsonata
                fields:
                  name: name
                """), problems);

        assertThat(problems).isEmpty();
        assertThat(mapping).isNotNull();
    }
}

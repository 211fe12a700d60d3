package io.splice.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.splice.testing.ShopDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A definition's plan, checked like the rest of it: each problem names the stage's place and what is expected. */
class PlanValidationTest {

    private static final String PLAN = """
            plan:
              parameters:
                dryRunFirst: { type: boolean, default: false }
                secondsToWait: { type: integer, default: 30 }
              stages:
                - name: check
                  configure:
                    require:
                      - { when: "$params.secondsToWait > 0", message: "secondsToWait must be above 0" }
                - name: skip-customers
                  choice: { when: "$params.dryRunFirst", goto: orders }
                - name: prepare
                  target:
                    calls:
                      - { name: mail, method: GET, path: /api/settings/mail, save: true }
                      - { method: PUT, path: /api/settings/mail, body: '{"enabled": false}' }
                    restore:
                      - { method: PUT, path: /api/settings/mail, body: "$saved.mail" }
                - name: customers
                  migrate: [customers]
                - name: orders
                  migrate: [orders]
                - name: jobs
                  wait:
                    call: { path: /api/jobs }
                    until: "pending = 0"
                    timeoutSeconds: "$params.secondsToWait"
                - name: report
                  report: {}
            """;

    @RegisterExtension
    static final DefinitionCheck check = new DefinitionCheck();

    @TempDir
    Path dir;

    @Test
    void aCompletePlanHasNoProblems() throws Exception {
        assertThat(check.problems(dir, ShopDefinition.YAML + PLAN)).isEmpty();
    }

    @Test
    void anEntityInNoMigrateStageWouldNeverBeMigrated() throws Exception {
        assertThat(problems("      migrate: [orders]", "      report: {}")).containsExactly(
                "shop.yaml: entity 'orders': is in no migrate stage of the plan: it would never be migrated");
    }

    @Test
    void aChildCannotBeMigratedBeforeItsParent() throws Exception {
        assertThat(problems("    - name: customers\n      migrate: [customers]\n    - name: orders\n      migrate: [orders]",
                "    - name: customers\n      migrate: [orders]\n    - name: orders\n      migrate: [customers]"))
                .containsExactly("shop.yaml: plan.stages[3].migrate: entity 'orders' depends on 'customers', which must "
                        + "be migrated in this stage or an earlier one");
    }

    @Test
    void aChoiceMustSkipAhead() throws Exception {
        assertThat(problems("goto: orders", "goto: check")).containsExactly(
                "shop.yaml: plan.stages[1].choice.goto: must name a later stage, was 'check'");
    }

    @Test
    void aStageHasExactlyOneKind() throws Exception {
        assertThat(problems("      report: {}", "      report: {}\n      wait: { call: { path: /x }, until: done, "
                + "timeoutSeconds: '1' }")).containsExactly(
                "shop.yaml: plan.stages[6]: needs exactly one of configure, choice, target, migrate, wait, report; has 2");
    }

    @Test
    void anExpressionThatDoesNotCompileIsNamed() throws Exception {
        assertThat(problems("until: \"pending = 0\"", "until: \"pending = \"")).containsExactly(
                "shop.yaml: plan.stages[5].wait.until: does not compile: Unexpected end of expression");
    }

    @Test
    void aParameterDefaultMustHaveTheParametersType() throws Exception {
        assertThat(problems("{ type: integer, default: 30 }", "{ type: integer, default: soon }")).containsExactly(
                "shop.yaml: plan.parameters.secondsToWait.default: must be a whole number, was 'soon'");
    }

    @Test
    void aSavedCallNeedsANameAndAPathStartingWithASlash() throws Exception {
        assertThat(problems("{ name: mail, method: GET, path: /api/settings/mail, save: true }",
                "{ method: GET, path: api/settings/mail, save: true }")).containsExactly(
                "shop.yaml: plan.stages[2].target.calls[0].path: must start with /, was 'api/settings/mail'",
                "shop.yaml: plan.stages[2].target.calls[0].name: is required: the name its response is saved under");
    }

    @Test
    void aMigrateStageNamingAnUnknownEntityListsTheKnownOnes() throws Exception {
        assertThat(problems("migrate: [orders]", "migrate: [orders, invoices]")).containsExactly(
                "shop.yaml: plan.stages[4].migrate: names unknown entity 'invoices' (entities: customers, orders)");
    }

    /** The problems of the plan with each (text, replacement) pair applied once. */
    private java.util.List<String> problems(String... replacements) throws Exception {
        String plan = PLAN;
        for (int i = 0; i < replacements.length; i += 2) {
            assertThat(plan).contains(replacements[i]);
            plan = plan.replaceFirst(java.util.regex.Pattern.quote(replacements[i]),
                    java.util.regex.Matcher.quoteReplacement(replacements[i + 1]));
        }
        return check.problems(dir, ShopDefinition.YAML + plan);
    }
}

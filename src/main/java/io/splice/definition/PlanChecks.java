package io.splice.definition;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.splice.mapping.Expression;

/** The checks of a definition's plan: stages, their kinds and references, expressions and parameters. */
final class PlanChecks {

    private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Set<String> TYPES = Set.of("boolean", "integer", "number", "string");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private PlanChecks() {
    }

    static void check(MigrationDefinition definition, Problems problems) {
        PlanDefinition plan = definition.plan();
        if (plan == null) {
            return;
        }
        plan.parameters().forEach((name, parameter) -> parameter("plan.parameters." + name, parameter, problems));
        if (plan.stages().isEmpty()) {
            problems.add("plan.stages", "is required: the stages every tenant's run goes through");
            return;
        }
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < plan.stages().size(); i++) {
            StageDefinition stage = plan.stages().get(i);
            String at = "plan.stages[" + i + "]";
            if (problems.required(at + ".name", stage.name(), "the stage's name (lowercase letters, digits and -)")) {
                if (!STAGE_NAME.matcher(stage.name()).matches()) {
                    problems.add(at + ".name", "must be lowercase letters, digits and -, was '" + stage.name() + "'");
                } else if (positions.putIfAbsent(stage.name(), i) != null) {
                    problems.add(at + ".name", "'" + stage.name() + "' appears twice");
                }
            }
            if (stage.kinds() != 1) {
                problems.add(at, "needs exactly one of configure, choice, target, migrate, wait, report; has " + stage.kinds());
            }
        }
        Map<String, Integer> migratedIn = new HashMap<>();
        for (int i = 0; i < plan.stages().size(); i++) {
            stage(definition, plan.stages().get(i), i, positions, migratedIn, problems);
        }
        for (String entity : definition.entities().keySet()) {
            if (!migratedIn.containsKey(entity)) {
                problems.forEntity(entity).add(null, "is in no migrate stage of the plan: it would never be migrated");
            }
        }
    }

    private static void stage(MigrationDefinition definition, StageDefinition stage, int i, Map<String, Integer> positions,
                              Map<String, Integer> migratedIn, Problems problems) {
        String at = "plan.stages[" + i + "]";
        if (stage.configure() != null) {
            for (int r = 0; r < stage.configure().require().size(); r++) {
                StageDefinition.Requirement requirement = stage.configure().require().get(r);
                expression(at + ".configure.require[" + r + "].when", requirement.when(), true, problems);
                problems.required(at + ".configure.require[" + r + "].message", requirement.message(),
                        "what to tell the operator when the condition does not hold");
            }
        }
        if (stage.choice() != null) {
            expression(at + ".choice.when", stage.choice().when(), true, problems);
            Integer target = stage.choice().target() == null ? null : positions.get(stage.choice().target());
            if (target == null || target <= i) {
                problems.add(at + ".choice.goto", "must name a later stage, was '" + stage.choice().target() + "'");
            }
        }
        if (stage.target() != null) {
            calls(at + ".target.calls", stage.target().calls(), problems);
            calls(at + ".target.restore", stage.target().restore(), problems);
        }
        if (stage.migrate() != null) {
            migrate(definition, stage, at, i, migratedIn, problems);
        }
        if (stage.waitFor() != null) {
            StageDefinition.Wait wait = stage.waitFor();
            if (problems.required(at + ".wait.call", wait.call(), "the request to poll")) {
                call(at + ".wait.call", wait.call(), problems);
            }
            expression(at + ".wait.until", wait.until(), true, problems);
            problems.positive(at + ".wait.intervalMillis", wait.intervalMillis());
            expression(at + ".wait.timeoutSeconds", wait.timeoutSeconds(), true, problems);
        }
    }

    private static void migrate(MigrationDefinition definition, StageDefinition stage, String at, int i,
                                Map<String, Integer> migratedIn, Problems problems) {
        if (stage.migrate().isEmpty()) {
            problems.add(at + ".migrate", "is required: the entities this stage migrates");
        }
        for (String entity : stage.migrate()) {
            EntityDefinition known = definition.entities().get(entity);
            if (known == null) {
                problems.add(at + ".migrate", EntityChecks.unknown(entity, definition.entities().keySet()));
            } else if (migratedIn.putIfAbsent(entity, i) != null) {
                problems.add(at + ".migrate", "entity '" + entity + "' is already migrated by an earlier stage");
            }
        }
        for (String entity : stage.migrate()) {
            EntityDefinition known = definition.entities().get(entity);
            for (String parent : known == null ? List.<String>of() : known.dependsOn()) {
                Integer parentStage = migratedIn.get(parent);
                if (parentStage == null || parentStage > i) {
                    problems.add(at + ".migrate", "entity '" + entity + "' depends on '" + parent
                            + "', which must be migrated in this stage or an earlier one");
                }
            }
        }
    }

    private static void calls(String at, List<StageDefinition.TargetCall> calls, Problems problems) {
        Set<String> names = new HashSet<>();
        for (int c = 0; c < calls.size(); c++) {
            StageDefinition.TargetCall call = calls.get(c);
            call(at + "[" + c + "]", call, problems);
            if (call.saves() && problems.required(at + "[" + c + "].name", call.name(), "the name its response is saved under")
                    && !names.add(call.name())) {
                problems.add(at + "[" + c + "].name", "'" + call.name() + "' is saved twice");
            }
        }
    }

    private static void call(String at, StageDefinition.TargetCall call, Problems problems) {
        if (problems.required(at + ".path", call.path(), "the path on the target, starting with /")
                && !call.path().startsWith("/")) {
            problems.add(at + ".path", "must start with /, was '" + call.path() + "'");
        }
        if (call.method() != null && !METHODS.contains(call.method())) {
            problems.add(at + ".method", "must be one of GET, POST, PUT, PATCH, DELETE; was '" + call.method() + "'");
        }
        expression(at + ".body", call.body(), false, problems);
    }

    private static void expression(String at, String source, boolean required, Problems problems) {
        if (source == null || source.isBlank()) {
            if (required) {
                problems.add(at, "is required: a JSONata expression");
            }
            return;
        }
        try {
            Expression.compile(source);
        } catch (IllegalArgumentException e) {
            problems.add(at, e.getMessage());
        }
    }

    private static void parameter(String at, PlanDefinition.ParameterDefinition parameter, Problems problems) {
        if (parameter == null || parameter.type() == null || !TYPES.contains(parameter.type())) {
            problems.add(at + ".type", "must be one of boolean, integer, number, string; was '"
                    + (parameter == null ? null : parameter.type()) + "'");
            return;
        }
        if (parameter.defaultValue() != null) {
            try {
                PlanParameters.convert(parameter.type(), parameter.defaultValue());
            } catch (IllegalArgumentException e) {
                problems.add(at + ".default", e.getMessage());
            }
        }
    }
}

package io.splice.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.splice.definition.DependencyGraph;
import io.splice.definition.MigrationDefinition;
import io.splice.definition.PlanDefinition;
import io.splice.definition.StageDefinition;
import io.splice.mapping.Expression;

/**
 * A migration's plan, ready to run: its stages in order (the definition's, or "migrate everything, then report"
 * when it has none), each entity stage's levels, and its compiled expressions.
 */
public final class Plan {

    private final PlanDefinition definition;
    private final List<StageDefinition> stages;
    private final Map<String, Integer> positions = new LinkedHashMap<>();
    private final Map<String, List<String>> parents;
    private final Map<String, Expression> expressions = new ConcurrentHashMap<>();

    private Plan(PlanDefinition definition, Map<String, List<String>> parents) {
        this.definition = definition;
        this.stages = definition.stages();
        this.parents = parents;
        for (int i = 0; i < stages.size(); i++) {
            positions.put(stages.get(i).name(), i);
        }
    }

    public static Plan of(MigrationDefinition migration) {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        migration.entities().forEach((name, entity) -> parents.put(name, entity.dependsOn()));
        PlanDefinition definition = migration.plan() != null ? migration.plan() : new PlanDefinition(null, List.of(
                new StageDefinition("migrate", null, null, null, List.copyOf(parents.keySet()), null, null),
                new StageDefinition("report", null, null, null, null, null, new StageDefinition.Report())));
        return new Plan(definition, parents);
    }

    public PlanDefinition definition() {
        return definition;
    }

    public List<StageDefinition> stages() {
        return stages;
    }

    public StageDefinition stage(int index) {
        return stages.get(index);
    }

    public int position(String stage) {
        Integer found = positions.get(stage);
        if (found == null) {
            throw new IllegalArgumentException("The plan has no stage '" + stage + "'");
        }
        return found;
    }

    /** A migrate stage's entities, level by level: parents (in this or an earlier stage) first. */
    public List<List<String>> levels(StageDefinition stage) {
        Map<String, List<String>> within = new LinkedHashMap<>();
        for (String entity : stage.migrate()) {
            within.put(entity, parents.getOrDefault(entity, List.of()).stream().filter(stage.migrate()::contains).toList());
        }
        return new DependencyGraph(within).levels();
    }

    /** The entities a stage migrates (none for other kinds). */
    public List<String> entitiesOf(StageDefinition stage) {
        return stage.migrate() == null ? List.of() : stage.migrate();
    }

    /** Compiled once, then shared (expressions are safe to evaluate from many threads). */
    public Expression expression(String source) {
        return expressions.computeIfAbsent(source, Expression::compile);
    }

    /** Names of the target stages before a position. */
    public List<Integer> targetStagesBefore(int position) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < position && i < stages.size(); i++) {
            if ("target".equals(stages.get(i).kind())) {
                found.add(i);
            }
        }
        return found;
    }

}

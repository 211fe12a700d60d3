package io.splice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.AbstractClassesTransformer;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The package layers of docs/development.md ("Layers"), no cycles between io.splice's packages, and the sandbox and
 * the sample generator kept out of the product. All three hold; a violation fails with the offending use.
 */
class ArchitectureTest {

    private static final String ROOT = "io.splice.";

    /** The production classes only (target/classes): tests and the benchmark harness are not the product. */
    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.splice");

    private static final String CYCLE = " lies on a cycle";

    @Test
    void packagesFormNoCycles() {
        ArchRule rule = all(PACKAGE_DEPENDENCIES).should(notLieOnACycle())
                .as("no cycles between io.splice's packages");
        rule.check(PRODUCT);
    }

    @Test
    void lowerLayersDoNotUseHigherOnes() {
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture()
                .layer("Foundation").definedBy("io.splice.record..", "io.splice.tls..", "io.splice.db..")
                .layer("Mapping").definedBy("io.splice.mapping..")
                .layer("Definition").definedBy("io.splice.definition..")
                .layer("Ledger").definedBy("io.splice.ledger..")
                .layer("Broker").definedBy("io.splice.broker..")
                .layer("Observe").definedBy("io.splice.observe..")
                .layer("Target").definedBy("io.splice.target..")
                .layer("Reference").definedBy("io.splice.reference..")
                .layer("Pipeline").definedBy("io.splice.pipeline..")
                .layer("Plan").definedBy("io.splice.plan..")
                .layer("Report").definedBy("io.splice.report..")
                .layer("DeadLetter").definedBy("io.splice.deadletter..")
                .layer("Management").definedBy("io.splice.management..")
                .layer("Api").definedBy("io.splice.api..")
                .layer("Runtime").definedBy("io.splice.runtime..")
                .layer("Cli").definedBy("io.splice.cli..")
                .layer("Fixtures").definedBy("io.splice.sandbox..", "io.splice.sample..")

                .whereLayer("Foundation").mayNotAccessAnyLayer()
                .whereLayer("Mapping").mayOnlyAccessLayers("Foundation")
                .whereLayer("Definition").mayOnlyAccessLayers("Foundation", "Mapping")
                .whereLayer("Ledger").mayOnlyAccessLayers("Foundation", "Mapping", "Definition")
                .whereLayer("Broker").mayOnlyAccessLayers("Foundation", "Mapping", "Definition", "Ledger")
                .whereLayer("Observe").mayOnlyAccessLayers("Foundation", "Mapping", "Definition", "Ledger", "Broker")
                .whereLayer("Target").mayOnlyAccessLayers("Foundation", "Mapping", "Definition", "Ledger", "Observe")
                .whereLayer("Reference").mayOnlyAccessLayers("Foundation", "Mapping", "Definition", "Ledger")
                .whereLayer("Pipeline").mayOnlyAccessLayers("Foundation", "Mapping", "Definition", "Ledger", "Broker",
                        "Observe", "Target", "Reference")
                .whereLayer("Plan").mayOnlyAccessLayers("Foundation", "Mapping", "Definition", "Ledger", "Broker",
                        "Observe", "Target", "Reference", "Pipeline")
                .whereLayer("Report").mayOnlyAccessLayers("Foundation", "Mapping", "Definition", "Ledger", "Broker",
                        "Observe", "Target", "Reference", "Pipeline", "Plan")
                .whereLayer("DeadLetter").mayOnlyAccessLayers("Foundation", "Mapping", "Definition", "Ledger",
                        "Broker", "Observe", "Target", "Reference", "Pipeline", "Plan", "Report")
                .whereLayer("Management").mayOnlyAccessLayers("Foundation", "Definition")
                .whereLayer("Api").mayOnlyAccessLayers("Foundation", "Mapping", "Definition", "Ledger", "Broker",
                        "Observe", "Target", "Reference", "Pipeline", "Plan", "Report", "DeadLetter", "Management")
                .whereLayer("Runtime").mayOnlyAccessLayers("Foundation", "Mapping", "Definition", "Ledger", "Broker",
                        "Observe", "Target", "Reference", "Pipeline", "Plan", "Report", "DeadLetter", "Management",
                        "Api")
                .whereLayer("Fixtures").mayNotAccessAnyLayer()
                .as("io.splice's layers use only the layers below them");
        layers.check(PRODUCT);
    }

    @Test
    void onlyTheDemoSandboxAndGenerateCommandsUseTheFixtures() {
        noClasses().that().resideOutsideOfPackages("io.splice.sandbox..", "io.splice.sample..")
                .and().haveNameNotMatching("io\\.splice\\.cli\\.(Demo|Sandbox|Generate)Command(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("io.splice.sandbox..", "io.splice.sample..")
                .as("the product does not use the sandbox or the sample generator (only the demo, sandbox and "
                        + "generate commands do)")
                .check(PRODUCT);
    }

    /** One package's use of another (io.splice.x's classes, sub-packages included, using io.splice.y's). */
    record PackageDependency(String from, String to, List<String> wayBack, String example) {}

    private static final AbstractClassesTransformer<PackageDependency> PACKAGE_DEPENDENCIES =
            new AbstractClassesTransformer<>("dependencies between io.splice's packages") {
                @Override
                public Iterable<PackageDependency> doTransform(JavaClasses classes) {
                    Map<String, Map<String, String>> graph = new TreeMap<>();
                    for (JavaClass origin : classes) {
                        String from = packageOf(origin);
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            String to = packageOf(dependency.getTargetClass().getBaseComponentType());
                            if (from != null && to != null && !to.equals(from)) {
                                // the smallest description as the example, so the message is the same every run
                                graph.computeIfAbsent(from, key -> new TreeMap<>())
                                        .merge(to, dependency.getDescription(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
                            }
                        }
                    }
                    List<PackageDependency> dependencies = new ArrayList<>();
                    graph.forEach((from, targets) -> targets.forEach((to, example) ->
                            dependencies.add(new PackageDependency(from, to, shortestPath(graph, to, from), example))));
                    return dependencies;
                }
            };

    private static ArchCondition<PackageDependency> notLieOnACycle() {
        return new ArchCondition<>("not lie on a cycle") {
            @Override
            public void check(PackageDependency dependency, ConditionEvents events) {
                if (!dependency.wayBack().isEmpty()) {
                    events.add(SimpleConditionEvent.violated(dependency, ROOT + dependency.from() + " -> " + ROOT
                            + dependency.to() + CYCLE + ": back via " + String.join(" -> ", dependency.wayBack())
                            + "; e.g. " + dependency.example()));
                }
            }
        };
    }


    /** The package under io.splice a class is in ("ledger" for io.splice.ledger.sql.X), null outside io.splice. */
    private static String packageOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT)) {
            return null;
        }
        int dot = name.indexOf('.', ROOT.length());
        return dot < 0 ? name.substring(ROOT.length()) : name.substring(ROOT.length(), dot);
    }

    /** The shortest way from one package to another (breadth first, names in order), empty if there is none. */
    private static List<String> shortestPath(Map<String, Map<String, String>> graph, String start, String goal) {
        Map<String, String> previous = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        previous.put(start, start);
        while (!queue.isEmpty()) {
            String current = queue.removeFirst();
            if (current.equals(goal)) {
                List<String> path = new ArrayList<>();
                for (String step = goal; !step.equals(start); step = previous.get(step)) {
                    path.add(0, step);
                }
                path.add(0, start);
                return path;
            }
            for (String next : graph.getOrDefault(current, Map.of()).keySet()) {
                if (previous.putIfAbsent(next, current) == null) {
                    queue.addLast(next);
                }
            }
        }
        return List.of();
    }
}

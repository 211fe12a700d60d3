package io.splice.definition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DependencyGraphTest {

    @Test
    void levelsPutEveryEntityAfterAllItDependsOnKeepingTheDefinitionsOrderWithinALevel() {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        parents.put("lines", List.of("orders", "products"));
        parents.put("orders", List.of("customers"));
        parents.put("products", List.of());
        parents.put("customers", List.of());
        parents.put("notes", List.of("customers"));

        assertThat(new DependencyGraph(parents).levels()).containsExactly(
                List.of("products", "customers"), List.of("orders", "notes"), List.of("lines"));
    }

    @Test
    void aCycleIsReportedAsThePathThatClosesIt() {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        parents.put("a", List.of("b"));
        parents.put("b", List.of("c"));
        parents.put("c", List.of("a"));
        parents.put("d", List.of());

        assertThat(new DependencyGraph(parents).cycle()).contains(List.of("a", "b", "c", "a"));
    }

    @Test
    void anEntityThatDependsOnItselfIsAHierarchyNotACycleAndStaysOnItsLevel() {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        parents.put("staff", List.of("staff"));
        parents.put("teams", List.of("staff", "teams"));

        assertThat(new DependencyGraph(parents).cycle()).isEmpty();
        assertThat(new DependencyGraph(parents).levels()).containsExactly(List.of("staff"), List.of("teams"));
    }

    @Test
    void aCycleBetweenTwoEntitiesIsStillACycleWhenOneOfThemIsAHierarchy() {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        parents.put("a", List.of("a", "b"));
        parents.put("b", List.of("a"));

        assertThat(new DependencyGraph(parents).cycle()).contains(List.of("a", "b", "a"));
    }

    @Test
    void anAcyclicGraphHasNoCycleEvenWhenParentsAreShared() {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        parents.put("a", List.of());
        parents.put("b", List.of("a"));
        parents.put("c", List.of("a", "b"));

        assertThat(new DependencyGraph(parents).cycle()).isEmpty();
    }
}

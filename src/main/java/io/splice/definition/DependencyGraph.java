package io.splice.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entities' dependsOn edges: cycles, and the levels a run migrates one after the other. An entity that depends
 * on itself is a hierarchy, not a cycle: its records wait for their parents record by record (BLOCKED, then
 * released), so the self-edge is left out here.
 */
public final class DependencyGraph {

    private final Map<String, List<String>> parents;

    /** @param parents entity → the entities it depends on (unknown names are ignored here; the validator names them) */
    public DependencyGraph(Map<String, List<String>> parents) {
        this.parents = new LinkedHashMap<>(parents);
    }

    /** The first cycle found, as a path that ends where it starts (a → b → a). */
    public Optional<List<String>> cycle() {
        Set<String> done = new LinkedHashSet<>();
        for (String entity : parents.keySet()) {
            List<String> path = new ArrayList<>();
            Optional<List<String>> found = visit(entity, path, done);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<List<String>> visit(String entity, List<String> path, Set<String> done) {
        int seen = path.indexOf(entity);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(entity);
            return Optional.of(cycle);
        }
        if (done.contains(entity) || !parents.containsKey(entity)) {
            return Optional.empty();
        }
        path.add(entity);
        for (String parent : parents.get(entity)) {
            if (parent.equals(entity)) {
                continue;
            }
            Optional<List<String>> found = visit(parent, path, done);
            if (found.isPresent()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        done.add(entity);
        return Optional.empty();
    }

    /**
     * Entities grouped so that every entity comes after all it depends on: level 0 depends on nothing, level n on
     * entities of lower levels only. Within a level, the definition's order. Requires an acyclic graph.
     */
    public List<List<String>> levels() {
        Map<String, Integer> level = new LinkedHashMap<>();
        parents.keySet().forEach(entity -> levelOf(entity, level));
        List<List<String>> levels = new ArrayList<>();
        parents.keySet().forEach(entity -> {
            int n = level.get(entity);
            while (levels.size() <= n) {
                levels.add(new ArrayList<>());
            }
            levels.get(n).add(entity);
        });
        return levels.stream().map(List::copyOf).toList();
    }

    private int levelOf(String entity, Map<String, Integer> level) {
        Integer known = level.get(entity);
        if (known != null) {
            return known;
        }
        int n = 0;
        for (String parent : parents.getOrDefault(entity, List.of())) {
            if (parents.containsKey(parent) && !parent.equals(entity)) {
                n = Math.max(n, levelOf(parent, level) + 1);
            }
        }
        level.put(entity, n);
        return n;
    }
}

package io.splice.sample;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the generator planted: row counts per table and every defective row.
 * Defects are ordered by table (parents first), then by id.
 */
public record SampleManifest(int projects, int addresses, int connections, int assignments, int planboards,
        int documents, List<PlantedDefect> defects) {

    public SampleManifest {
        defects = List.copyOf(defects);
    }

    /** The defects planted in one table, by ascending id. */
    public List<PlantedDefect> defects(String table) {
        return defects.stream().filter(defect -> defect.table().equals(table)).toList();
    }

    /** Ids of the defective rows of one table, ascending. */
    public Set<Long> defectiveIds(String table) {
        TreeSet<Long> ids = defects(table).stream()
                .map(PlantedDefect::id)
                .collect(Collectors.toCollection(TreeSet::new));
        return Collections.unmodifiableSortedSet(ids);
    }

    /** Number of rows generated for one table. */
    public int rows(String table) {
        return switch (table) {
            case SampleTables.PROJECTS -> projects;
            case SampleTables.ADDRESSES -> addresses;
            case SampleTables.CONNECTIONS -> connections;
            case SampleTables.ASSIGNMENTS -> assignments;
            case SampleTables.PLANBOARDS -> planboards;
            case SampleTables.DOCUMENTS -> documents;
            default -> throw new IllegalArgumentException("Not a sample table: " + table);
        };
    }
}

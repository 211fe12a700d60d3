package io.splice.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/** Which rows of one table get which defect: ~2% of the rows, kinds dealt out in turn. */
final class DefectPlan {

    static final double RATE = 0.02;

    /** Below this many rows ~2% rounds to nothing; from here on at least one row is defective. */
    static final int MIN_ROWS_FOR_A_DEFECT = 20;

    private final NavigableMap<Long, DefectKind> kindById;

    private DefectPlan(NavigableMap<Long, DefectKind> kindById) {
        this.kindById = Collections.unmodifiableNavigableMap(kindById);
    }

    /** Picks the defective rows among ids 1..rows of the table, deterministically for the seed. */
    static DefectPlan pick(long seed, String table, int rows) {
        List<DefectKind> kinds = DefectKind.of(table);
        SplittableRandom random = new RowRandom(seed, "defects:" + table).forRow(0);
        NavigableMap<Long, DefectKind> kindById = new TreeMap<>();
        int next = random.nextInt(kinds.size());
        for (long id : sortedSample(random, rows, count(rows))) {
            kindById.put(id, kinds.get(next++ % kinds.size()));
        }
        return new DefectPlan(kindById);
    }

    static int count(int rows) {
        int rounded = (int) Math.round(rows * RATE);
        return rows >= MIN_ROWS_FOR_A_DEFECT ? Math.max(1, rounded) : rounded;
    }

    boolean is(long id, DefectKind kind) {
        return kindById.get(id) == kind;
    }

    /** The planted defects, by ascending id. */
    List<PlantedDefect> planted() {
        List<PlantedDefect> planted = new ArrayList<>(kindById.size());
        for (Map.Entry<Long, DefectKind> entry : kindById.entrySet()) {
            planted.add(entry.getValue().at(entry.getKey()));
        }
        return planted;
    }

    /** Floyd's algorithm: {@code count} distinct ids from 1..rows, sorted so hash order never leaks out. */
    private static Set<Long> sortedSample(SplittableRandom random, int rows, int count) {
        Set<Long> chosen = new HashSet<>();
        for (long j = rows - count + 1L; j <= rows; j++) {
            long candidate = random.nextLong(1, j + 1);
            chosen.add(chosen.contains(candidate) ? j : candidate);
        }
        return new TreeSet<>(chosen);
    }
}

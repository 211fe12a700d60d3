package io.splice.sample;

import static io.splice.sample.DefectKind.NEGATIVE_CAPACITY;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates {@code planboards}: four consecutive weeks per project, entered week by week, so in id order
 * every project's first week comes before any project's second.
 */
final class PlanboardRows implements TableRows {

    static final int PER_PROJECT = 4;
    static final int MIN_CAPACITY = 10;
    static final int MAX_CAPACITY = 120;
    static final int MAX_SHORTFALL = 50;
    /** Monday of 2025-W01; a project's plan starts in one of the 150 weeks after it, so it ends by 2027. */
    static final LocalDate FIRST_MONDAY = LocalDate.of(2024, 12, 30);
    static final int START_WEEKS = 150;

    private static final List<String> CREWS = List.of(
            "Graafploeg Oost", "Graafploeg West", "Graafploeg Noord", "Graafploeg Zuid",
            "Lasploeg 1", "Lasploeg 2", "Montageploeg A", "Montageploeg B");

    private final ProjectRows projects;
    private final int count;
    private final RowRandom rows;
    private final RowRandom firstWeeks;
    private final DefectPlan defects;

    PlanboardRows(long seed, ProjectRows projects) {
        this.projects = projects;
        this.count = count(projects.count());
        this.rows = new RowRandom(seed, SampleTables.PLANBOARDS);
        this.firstWeeks = new RowRandom(seed, "planboard-first-week");
        this.defects = DefectPlan.pick(seed, SampleTables.PLANBOARDS, count);
    }

    static int count(int projects) {
        return Math.multiplyExact(projects, PER_PROJECT);
    }

    @Override
    public String table() {
        return SampleTables.PLANBOARDS;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public DefectPlan defects() {
        return defects;
    }

    @Override
    public PlanboardRow row(long id) {
        SplittableRandom random = rows.forRow(id);
        long projectId = (id - 1) % projects.count() + 1;
        long weeksIn = (id - 1) / projects.count();
        LocalDate monday = FIRST_MONDAY.plusWeeks(firstWeeks.forRow(projectId).nextInt(START_WEEKS) + weeksIn);
        String crew = RowRandom.pick(CREWS, random);
        int capacity = random.nextInt(MIN_CAPACITY, MAX_CAPACITY + 1);
        if (defects.is(id, NEGATIVE_CAPACITY)) {
            capacity = -random.nextInt(1, MAX_SHORTFALL + 1);
        }
        return new PlanboardRow(id, projectId, isoWeek(monday), crew, capacity, ProjectRows.customer(projectId));
    }

    /** {@code 2025-W07}: the week-based year, which differs from the calendar year around New Year. */
    static String isoWeek(LocalDate day) {
        return String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}

package io.splice.sample;

import static io.splice.sample.DefectKind.INVALID_STATUS;
import static io.splice.sample.DefectKind.MISSING_NAME;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Generates {@code projects}: ids 1..count, code PRJ-0001, a customer by id. */
final class ProjectRows implements TableRows {

    static final List<String> STATUSES = List.of("PLANNED", "IN_PROGRESS", "COMPLETED", "CANCELLED");
    static final List<String> CUSTOMERS = List.of("acme-fiber", "nordnet", "glasweb");
    static final String INVALID_STATUS_VALUE = "ARCHIVED?";

    private static final List<String> PREFIXES = List.of("Glasvezel", "Glasvezel", "Vezelnet", "FttH");
    private static final LocalDateTime FIRST_CREATED = LocalDateTime.of(2019, 1, 1, 8, 0);
    private static final long CREATED_SPAN_SECONDS = 5L * 365 * 24 * 3600;

    private final int count;
    private final RowRandom rows;
    private final RowRandom cities;
    private final DefectPlan defects;

    ProjectRows(long seed, int count) {
        this.count = count;
        this.rows = new RowRandom(seed, SampleTables.PROJECTS);
        this.cities = new RowRandom(seed, "project-city");
        this.defects = DefectPlan.pick(seed, SampleTables.PROJECTS, count);
    }

    @Override
    public String table() {
        return SampleTables.PROJECTS;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public DefectPlan defects() {
        return defects;
    }

    /** The customer (tenant) of a project id; orphans borrow it for an id that has no project. */
    static String customer(long projectId) {
        return CUSTOMERS.get((int) ((projectId - 1) % CUSTOMERS.size()));
    }

    /** The project's code, {@code PRJ-0001}; documents are named after it. */
    static String code(long projectId) {
        return String.format(Locale.ROOT, "PRJ-%04d", projectId);
    }

    /** The city a project works in; its addresses lie there too. */
    String city(long projectId) {
        return PlaceNames.city(cities.forRow(projectId));
    }

    @Override
    public ProjectRow row(long id) {
        SplittableRandom random = rows.forRow(id);
        String name = RowRandom.pick(PREFIXES, random) + " " + city(id) + "-" + PlaceNames.district(random)
                + " " + random.nextInt(1, 6);
        String status = RowRandom.pick(STATUSES, random);
        LocalDateTime createdAt = FIRST_CREATED.plusSeconds(random.nextLong(CREATED_SPAN_SECONDS));
        if (defects.is(id, MISSING_NAME)) {
            name = null;
        }
        if (defects.is(id, INVALID_STATUS)) {
            status = INVALID_STATUS_VALUE;
        }
        return new ProjectRow(id, code(id), name, customer(id), status, createdAt);
    }
}

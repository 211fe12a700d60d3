package io.splice.sample;

import static io.splice.sample.DefectKind.INVALID_POSTCODE;
import static io.splice.sample.DefectKind.MISSING_STREET;
import static io.splice.sample.DefectKind.NON_NUMERIC_HOUSE_NUMBER;
import static io.splice.sample.DefectKind.ORPHAN_PROJECT;
import static io.splice.sample.DefectKind.ZERO_HOUSE_NUMBER;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates {@code addresses}: each belongs to a uniformly random project, so in id order the
 * projects interleave, as they do in the legacy DB.
 */
final class AddressRows implements TableRows {

    static final int MAX_HOUSE_NUMBER = 250;
    static final int MAX_HOMES_PASSED = 24;
    static final List<String> INVALID_POSTCODES = List.of("12345", "AB 1234", "123 AB");
    static final List<String> NON_NUMERIC_HOUSE_NUMBERS = List.of("twelve", "12-14", "n.v.t.");

    private final int count;
    private final ProjectRows projects;
    private final RowRandom rows;
    private final DefectPlan defects;

    AddressRows(long seed, int count, ProjectRows projects) {
        this.count = count;
        this.projects = projects;
        this.rows = new RowRandom(seed, SampleTables.ADDRESSES);
        this.defects = DefectPlan.pick(seed, SampleTables.ADDRESSES, count);
    }

    @Override
    public String table() {
        return SampleTables.ADDRESSES;
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
    public AddressRow row(long id) {
        SplittableRandom random = rows.forRow(id);
        long projectId = random.nextLong(1, projects.count() + 1L);
        String street = PlaceNames.street(random);
        String houseNumber = Integer.toString(random.nextInt(1, MAX_HOUSE_NUMBER + 1));
        String postcode = PlaceNames.postcode(random);
        int homesPassed = random.nextInt(1, MAX_HOMES_PASSED + 1);
        String city = projects.city(projectId);
        // Bad values are drawn last so a defect changes one column and nothing else
        if (defects.is(id, MISSING_STREET)) {
            street = null;
        } else if (defects.is(id, INVALID_POSTCODE)) {
            postcode = RowRandom.pick(INVALID_POSTCODES, random);
        } else if (defects.is(id, ZERO_HOUSE_NUMBER)) {
            houseNumber = "0";
        } else if (defects.is(id, NON_NUMERIC_HOUSE_NUMBER)) {
            houseNumber = RowRandom.pick(NON_NUMERIC_HOUSE_NUMBERS, random);
        } else if (defects.is(id, ORPHAN_PROJECT)) {
            projectId = OrphanKeys.beyond(projects.count(), id);
        }
        // An orphan keeps the customer its missing project id would have had
        return new AddressRow(id, projectId, street, houseNumber, postcode, city, homesPassed,
                ProjectRows.customer(projectId));
    }
}

package io.splice.sample;

import static io.splice.sample.DefectKind.INVALID_WORK_TYPE;
import static io.splice.sample.DefectKind.MISSING_DUE_DATE;
import static io.splice.sample.DefectKind.ORPHAN_CONNECTION;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/** Generates {@code assignments}: one per connection, same id, due a few weeks before the connection is planned. */
final class AssignmentRows implements TableRows {

    static final List<String> WORK_TYPES = List.of("SURVEY", "CIVIL", "SPLICING", "ACTIVATION");
    static final List<String> STATUSES = List.of("OPEN", "DONE");
    static final String INVALID_WORK_TYPE_VALUE = "WELDING";
    static final int MAX_DAYS_BEFORE_PLANNED = 60;

    private static final List<String> CONTRACTORS = List.of(
            "Van Dijk Kabelbouw B.V.", "De Vries Infra", "Glasbouw Oost B.V.", "Nordkabel Montage GmbH",
            "Tiefbau Schröder GmbH", "Bakker & Zn. Grondwerken", "Fiberlink Installaties", "Jansen Telecomtechniek");

    private final ConnectionRows connections;
    private final RowRandom rows;
    private final DefectPlan defects;

    AssignmentRows(long seed, ConnectionRows connections) {
        this.connections = connections;
        this.rows = new RowRandom(seed, SampleTables.ASSIGNMENTS);
        this.defects = DefectPlan.pick(seed, SampleTables.ASSIGNMENTS, connections.count());
    }

    @Override
    public String table() {
        return SampleTables.ASSIGNMENTS;
    }

    @Override
    public int count() {
        return connections.count();
    }

    @Override
    public DefectPlan defects() {
        return defects;
    }

    @Override
    public AssignmentRow row(long id) {
        SplittableRandom random = rows.forRow(id);
        ConnectionRow connection = connections.row(id);
        String workType = RowRandom.pick(WORK_TYPES, random);
        String contractor = RowRandom.pick(CONTRACTORS, random);
        LocalDate dueOn = connection.plannedOn().minusDays(random.nextInt(MAX_DAYS_BEFORE_PLANNED + 1));
        // Work for a live connection is done; elsewhere it may still be open
        String status = ConnectionRows.CONNECTED.equals(connection.status()) ? "DONE" : RowRandom.pick(STATUSES, random);
        long connectionId = id;
        String customer = connection.customer();
        if (defects.is(id, ORPHAN_CONNECTION)) {
            connectionId = OrphanKeys.beyond(count(), id);
            // No connection to copy from: the customer follows the assignment's own id
            customer = ProjectRows.customer(id);
        } else if (defects.is(id, INVALID_WORK_TYPE)) {
            workType = INVALID_WORK_TYPE_VALUE;
        } else if (defects.is(id, MISSING_DUE_DATE)) {
            dueOn = null;
        }
        return new AssignmentRow(id, connectionId, workType, contractor, dueOn, status, customer);
    }
}

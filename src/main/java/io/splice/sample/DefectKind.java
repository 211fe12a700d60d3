package io.splice.sample;

import java.util.Arrays;
import java.util.List;

/** A kind of bad data the generator plants, with the table and column it lives in. */
public enum DefectKind {
    MISSING_NAME(SampleTables.PROJECTS, "name"),
    INVALID_STATUS(SampleTables.PROJECTS, "status"),
    MISSING_STREET(SampleTables.ADDRESSES, "street"),
    INVALID_POSTCODE(SampleTables.ADDRESSES, "postcode"),
    ZERO_HOUSE_NUMBER(SampleTables.ADDRESSES, "house_number"),
    NON_NUMERIC_HOUSE_NUMBER(SampleTables.ADDRESSES, "house_number"),
    ORPHAN_PROJECT(SampleTables.ADDRESSES, "project_id"),
    ORPHAN_ADDRESS(SampleTables.CONNECTIONS, "address_id"),
    INVALID_KIND(SampleTables.CONNECTIONS, "kind"),
    ORPHAN_CONNECTION(SampleTables.ASSIGNMENTS, "connection_id"),
    INVALID_WORK_TYPE(SampleTables.ASSIGNMENTS, "work_type"),
    MISSING_DUE_DATE(SampleTables.ASSIGNMENTS, "due_on"),
    NEGATIVE_CAPACITY(SampleTables.PLANBOARDS, "capacity"),
    MISSING_FILENAME(SampleTables.DOCUMENTS, "filename");

    private final String table;
    private final String field;

    DefectKind(String table, String field) {
        this.table = table;
        this.field = field;
    }

    public String table() {
        return table;
    }

    /** The column that holds the bad value. */
    public String field() {
        return field;
    }

    /** The kinds planted in one table, in declaration order. */
    public static List<DefectKind> of(String table) {
        return Arrays.stream(values()).filter(kind -> kind.table.equals(table)).toList();
    }

    PlantedDefect at(long id) {
        return new PlantedDefect(table, id, field, this);
    }
}

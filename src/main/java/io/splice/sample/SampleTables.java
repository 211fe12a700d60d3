package io.splice.sample;

import java.util.List;

/** Names of the sample legacy tables, parents before children. */
public final class SampleTables {

    public static final String PROJECTS = "projects";
    public static final String ADDRESSES = "addresses";
    public static final String CONNECTIONS = "connections";
    public static final String ASSIGNMENTS = "assignments";
    public static final String PLANBOARDS = "planboards";
    public static final String DOCUMENTS = "documents";

    /** Parents first: the order they are generated and inserted in. */
    public static final List<String> ALL = List.of(PROJECTS, ADDRESSES, CONNECTIONS, ASSIGNMENTS, PLANBOARDS,
            DOCUMENTS);

    private SampleTables() {
    }
}

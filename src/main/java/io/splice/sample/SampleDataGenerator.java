package io.splice.sample;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a database with the sample legacy FTTH planning data, ~2% of it bad on purpose.
 * The same (seed, scale, projects) always gives the same rows and the same manifest.
 */
public final class SampleDataGenerator {

    static final int PROJECTS_AT_SCALE_ONE = 20;
    static final int ADDRESSES_AT_SCALE_ONE = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(SampleDataGenerator.class);

    private final long seed;
    private final double scale;
    private final Integer projects;

    /** @param scale 1.0 = 20 projects (4 planboards, 2 documents each) and 2,000 addresses; must be positive */
    public SampleDataGenerator(long seed, double scale) {
        this(seed, scale, null);
    }

    private SampleDataGenerator(long seed, double scale, Integer projects) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a positive number, was " + scale);
        }
        if (projects != null && projects < 1) {
            throw new IllegalArgumentException("projects must be at least 1, was " + projects);
        }
        this.seed = seed;
        this.scale = scale;
        this.projects = projects;
        // Fail here, not halfway through a load, if the scale or the project count is too large
        addressCount();
        if ((long) projectCount() * PlanboardRows.PER_PROJECT > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(projectCount() + " projects are too many for int planboard ids");
        }
    }

    /** The same generator with this many projects (= message groups), whatever the scale. */
    public SampleDataGenerator withProjects(int projects) {
        return new SampleDataGenerator(seed, scale, projects);
    }

    /** The documents' content as {@link #generate} writes it, recomputed from the seed, to check a target against. */
    public SampleDocuments documents() {
        return new SampleDocuments(seed, DocumentRows.count(projectCount()));
    }

    /** (Re)creates the sample schema, inserts all rows one transaction per table, and returns what it planted. */
    public SampleManifest generate(DataSource dataSource) throws SQLException {
        SampleRows tables = tables();
        SampleSchema.create(dataSource);
        BatchInserter inserter = new BatchInserter(dataSource);
        for (TableRows rows : tables.parentsFirst()) {
            inserter.insert(rows);
        }
        SampleManifest manifest = tables.manifest();
        LOG.info("Generated sample data (seed {}, scale {}): {} projects, {} addresses, {} connections, "
                + "{} assignments, {} planboards, {} documents, {} planted defects", seed, scale, manifest.projects(),
                manifest.addresses(), manifest.connections(), manifest.assignments(), manifest.planboards(),
                manifest.documents(), manifest.defects().size());
        return manifest;
    }

    /** What {@link #generate} plants, computed without touching a database. */
    public SampleManifest manifest() {
        return tables().manifest();
    }

    int projectCount() {
        return projects != null ? projects : (int) Math.max(1, Math.round(PROJECTS_AT_SCALE_ONE * scale));
    }

    int addressCount() {
        long addresses = Math.max(1, Math.round(ADDRESSES_AT_SCALE_ONE * scale));
        // Leaves room for the ~10% second connections within int ids
        if (addresses > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("scale " + scale + " is too large: " + addresses + " addresses");
        }
        return (int) addresses;
    }

    private SampleRows tables() {
        ProjectRows projectRows = new ProjectRows(seed, projectCount());
        AddressRows addressRows = new AddressRows(seed, addressCount(), projectRows);
        ConnectionRows connectionRows = new ConnectionRows(seed, addressRows);
        // Each table draws from streams of its own: adding one never changes another's rows
        return new SampleRows(projectRows, addressRows, connectionRows, new AssignmentRows(seed, connectionRows),
                new PlanboardRows(seed, projectRows), new DocumentRows(seed, projectRows));
    }

    /** The tables' row sources, wired parent to child. */
    private record SampleRows(ProjectRows projects, AddressRows addresses, ConnectionRows connections,
            AssignmentRows assignments, PlanboardRows planboards, DocumentRows documents) {

        List<TableRows> parentsFirst() {
            return List.of(projects, addresses, connections, assignments, planboards, documents);
        }

        SampleManifest manifest() {
            List<PlantedDefect> defects = new ArrayList<>();
            for (TableRows rows : parentsFirst()) {
                defects.addAll(rows.defects().planted());
            }
            return new SampleManifest(projects.count(), addresses.count(), connections.count(), assignments.count(),
                    planboards.count(), documents.count(), defects);
        }
    }
}

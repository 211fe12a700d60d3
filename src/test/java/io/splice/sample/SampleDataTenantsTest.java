package io.splice.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every row names its customer (tenant); children share their parent's, orphans follow the project formula. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleDataTenantsTest {

    private static final List<String> CUSTOMERS = List.of("acme-fiber", "nordnet", "glasweb");

    /** child table, its parent table, the child's key column, and the defect that makes it an orphan (null: none). */
    private record Parentage(String child, String parent, String key, DefectKind orphan) {
    }

    private static final List<Parentage> PARENTAGES = List.of(
            new Parentage(SampleTables.ADDRESSES, SampleTables.PROJECTS, "project_id", DefectKind.ORPHAN_PROJECT),
            new Parentage(SampleTables.CONNECTIONS, SampleTables.ADDRESSES, "address_id", DefectKind.ORPHAN_ADDRESS),
            new Parentage(SampleTables.ASSIGNMENTS, SampleTables.CONNECTIONS, "connection_id", DefectKind.ORPHAN_CONNECTION),
            new Parentage(SampleTables.PLANBOARDS, SampleTables.PROJECTS, "project_id", null),
            new Parentage(SampleTables.DOCUMENTS, SampleTables.PROJECTS, "project_id", null));

    private ScratchPostgresDatabase database;
    private SampleManifest manifest;

    @BeforeAll
    void generateAtScaleOne() throws SQLException {
        database = ScratchPostgresDatabase.create();
        manifest = new SampleDataGenerator(42L, 1.0).generate(database.dataSource());
    }

    @AfterAll
    void dropDatabase() throws SQLException {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void everyRowOfEveryTableHasOneOfTheCustomers() throws SQLException {
        for (String table : SampleTables.ALL) {
            assertThat(longs("SELECT count(*) FROM " + table + " WHERE customer IS NULL")).as(table).containsExactly(0L);
            assertThat(strings("SELECT DISTINCT customer FROM " + table)).as(table)
                    .containsExactlyInAnyOrderElementsOf(CUSTOMERS);
        }
    }

    @Test
    void childrenWithAParentShareItsCustomer() throws SQLException {
        for (Parentage parentage : PARENTAGES) {
            List<Long> joinedAndMismatched = longs("SELECT count(*), count(CASE WHEN c.customer <> p.customer THEN 1 END)"
                    + " FROM " + parentage.child() + " c JOIN " + parentage.parent() + " p ON p.id = c." + parentage.key());

            long orphans = parentage.orphan() == null ? 0 : orphans(parentage.orphan()).size();
            if (parentage.orphan() != null) {
                assertThat(orphans).as(parentage.child()).isPositive();
            }
            assertThat(joinedAndMismatched).as(parentage.child())
                    .containsExactly(manifest.rows(parentage.child()) - orphans, 0L);
        }
    }

    @Test
    void orphanAddressesTakeTheCustomerOfTheProjectIdTheyPointAt() throws SQLException {
        for (PlantedDefect orphan : orphans(DefectKind.ORPHAN_PROJECT)) {
            List<Long> projectId = longs("SELECT project_id FROM addresses WHERE id = ?", orphan.id());

            assertThat(strings("SELECT customer FROM addresses WHERE id = ?", orphan.id())).as("%s", orphan)
                    .containsExactly(customerOf(projectId.get(0)));
        }
    }

    @Test
    void orphanConnectionsAndAssignmentsTakeTheCustomerOfTheirOwnId() throws SQLException {
        List<PlantedDefect> orphans = new ArrayList<>(orphans(DefectKind.ORPHAN_ADDRESS));
        orphans.addAll(orphans(DefectKind.ORPHAN_CONNECTION));

        for (PlantedDefect orphan : orphans) {
            assertThat(strings("SELECT customer FROM " + orphan.table() + " WHERE id = ?", orphan.id())).as("%s", orphan)
                    .containsExactly(customerOf(orphan.id()));
        }
    }

    @Test
    void eachCustomerColumnIsIndexed() throws SQLException {
        for (String table : List.of(SampleTables.ADDRESSES, SampleTables.CONNECTIONS, SampleTables.ASSIGNMENTS,
                SampleTables.PLANBOARDS, SampleTables.DOCUMENTS)) {
            assertThat(strings("SELECT indexdef FROM pg_indexes WHERE tablename = ?", table)).as(table)
                    .anySatisfy(definition -> assertThat(definition).endsWith("(customer)"));
        }
    }

    private List<PlantedDefect> orphans(DefectKind kind) {
        return manifest.defects(kind.table()).stream().filter(defect -> defect.kind() == kind).toList();
    }

    private static String customerOf(long projectId) {
        return CUSTOMERS.get((int) ((projectId - 1) % CUSTOMERS.size()));
    }

    private List<Long> longs(String sql, Object... parameters) throws SQLException {
        return strings(sql, parameters).stream().map(Long::valueOf).toList();
    }

    /** Every column of every result row, in order, as text; table names in {@code sql} are our constants. */
    private List<String> strings(String sql, Object... parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = select.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    for (int column = 1; column <= columns; column++) {
                        values.add(result.getString(column));
                    }
                }
            }
        }
        return values;
    }
}

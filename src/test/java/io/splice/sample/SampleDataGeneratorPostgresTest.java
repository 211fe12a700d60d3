package io.splice.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The sample data at scale 1 in a real PostgreSQL database: counts, planted defects, interleaving. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleDataGeneratorPostgresTest {

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
    void sizesFollowTheScale() {
        assertThat(manifest.projects()).isEqualTo(20);
        assertThat(manifest.addresses()).isEqualTo(2000);
        // One connection per address plus a second for ~10% of them
        assertThat(manifest.connections()).isBetween(2150, 2250);
        assertThat(manifest.assignments()).isEqualTo(manifest.connections());
        assertThat(manifest.planboards()).isEqualTo(80);
        assertThat(manifest.documents()).isEqualTo(40);
    }

    @Test
    void rowCountsEqualTheManifest() throws SQLException {
        for (String table : SampleTables.ALL) {
            assertThat(TableDump.of(database.dataSource(), table)).as(table).hasSize(manifest.rows(table));
        }
    }

    @Test
    void theRowsHoldExactlyThePlantedDefectsAndNothingElseOdd() throws SQLException {
        LegacyDataAudit.Findings findings = LegacyDataAudit.of(database.dataSource());

        assertThat(findings.anomalies()).isEmpty();
        assertThat(findings.defects()).containsExactlyInAnyOrderElementsOf(manifest.defects());
    }

    @Test
    void everyPlantedDefectIsInItsRow() throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            for (PlantedDefect defect : manifest.defects()) {
                String value = column(connection, defect.table(), defect.field(), defect.id());
                assertThat(PlantedValue.isBad(connection, defect.kind(), value)).as("%s = %s", defect, value).isTrue();
            }
        }
    }

    @Test
    void aboutTwoPercentOfEachLargeTableIsDefective() {
        for (String table : List.of(SampleTables.ADDRESSES, SampleTables.CONNECTIONS, SampleTables.ASSIGNMENTS,
                SampleTables.PLANBOARDS, SampleTables.DOCUMENTS)) {
            double rate = (double) manifest.defects(table).size() / manifest.rows(table);
            assertThat(rate).as(table).isBetween(0.01, 0.03);
        }
        // 2% of 20 projects rounds to 0, so the floor of one defect applies
        assertThat(manifest.defects(SampleTables.PROJECTS)).hasSize(1);
    }

    @Test
    void everyDefectKindOfTheLargerTablesIsPlanted() {
        assertThat(manifest.defects(SampleTables.ADDRESSES)).extracting(PlantedDefect::kind)
                .containsAll(DefectKind.of(SampleTables.ADDRESSES));
        assertThat(manifest.defects(SampleTables.CONNECTIONS)).extracting(PlantedDefect::kind)
                .containsAll(DefectKind.of(SampleTables.CONNECTIONS));
        assertThat(manifest.defects(SampleTables.ASSIGNMENTS)).extracting(PlantedDefect::kind)
                .containsAll(DefectKind.of(SampleTables.ASSIGNMENTS));
        // 2% of 80 planboards and of 40 documents
        assertThat(manifest.defects(SampleTables.PLANBOARDS)).hasSize(2).extracting(PlantedDefect::kind)
                .containsOnly(DefectKind.NEGATIVE_CAPACITY);
        assertThat(manifest.defects(SampleTables.DOCUMENTS)).hasSize(1).extracting(PlantedDefect::kind)
                .containsOnly(DefectKind.MISSING_FILENAME);
    }

    @Test
    void everyDocumentHoldsTheBytesItsDigestDescribes() throws SQLException {
        SampleDocuments documents = new SampleDataGenerator(42L, 1.0).documents();
        Map<Long, DocumentDigest> stored = new HashMap<>();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, content, content_type FROM documents");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                long id = result.getLong(1);
                stored.put(id, DocumentDigest.of(id, result.getBytes(2)));
                assertThat(result.getString(3)).as("document %d", id).isEqualTo(documents.contentType(id));
            }
        }

        assertThat(stored).hasSize(manifest.documents());
        stored.forEach((id, digest) -> assertThat(digest).isEqualTo(documents.digest(id)));
        assertThat(stored.values()).extracting(DocumentDigest::sha256).doesNotHaveDuplicates();
    }

    @Test
    void eachProjectHasFourPlanboardsAndTwoDocuments() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT p.id,"
                     + " (SELECT count(*) FROM planboards b WHERE b.project_id = p.id),"
                     + " (SELECT count(*) FROM documents d WHERE d.project_id = p.id) FROM projects p");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                assertThat(List.of(result.getInt(2), result.getInt(3))).as("project %d", result.getLong(1))
                        .containsExactly(4, 2);
            }
        }
    }

    @Test
    void defectKindsAreDealtOutEvenly() {
        for (String table : SampleTables.ALL) {
            Map<DefectKind, Long> perKind = manifest.defects(table).stream()
                    .collect(Collectors.groupingBy(PlantedDefect::kind, Collectors.counting()));
            long spread = perKind.values().stream().mapToLong(Long::longValue).max().orElse(0)
                    - perKind.values().stream().mapToLong(Long::longValue).min().orElse(0);
            assertThat(spread).as(table + " " + perKind).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void projectsInterleaveInAddressKeyOrder() throws SQLException {
        Set<Long> projectsSeen = new HashSet<>();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT project_id FROM addresses ORDER BY id LIMIT 100");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                projectsSeen.add(result.getLong(1));
            }
        }
        projectsSeen.removeIf(projectId -> projectId > manifest.projects()); // orphans point at no project
        assertThat(projectsSeen).hasSizeGreaterThanOrEqualTo(15);
    }

    private static String column(Connection connection, String table, String field, long id) throws SQLException {
        // table and field come from DefectKind constants; the id is bound
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + field + " FROM " + table + " WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet result = select.executeQuery()) {
                assertThat(result.next()).as("%s row %d exists", table, id).isTrue();
                return result.getString(1);
            }
        }
    }
}

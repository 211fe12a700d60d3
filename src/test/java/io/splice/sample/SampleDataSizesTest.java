package io.splice.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** Tiny and reshaped samples still plant exactly what the manifest says. Real PostgreSQL. */
class SampleDataSizesTest {

    @Test
    void aTinyScaleStillPlantsOneDefectInEveryTableOfTwentyRowsOrMore() throws SQLException {
        SampleDataGenerator generator = new SampleDataGenerator(3L, 0.01);
        try (ScratchPostgresDatabase database = ScratchPostgresDatabase.create()) {
            SampleManifest manifest = generator.generate(database.dataSource());

            assertThat(manifest.projects()).isEqualTo(1);
            assertThat(manifest.addresses()).isEqualTo(20);
            assertThat(manifest.defects(SampleTables.PROJECTS)).isEmpty();
            assertThat(manifest.defects(SampleTables.ADDRESSES)).hasSize(1);
            assertThat(manifest.defects(SampleTables.CONNECTIONS)).hasSize(1);
            assertThat(manifest.defects(SampleTables.ASSIGNMENTS)).hasSize(1);
            // One project: 4 planboards and 2 documents, too few for a defect
            assertThat(manifest.planboards()).isEqualTo(4);
            assertThat(manifest.documents()).isEqualTo(2);
            assertThat(manifest.defects(SampleTables.PLANBOARDS)).isEmpty();
            assertThat(manifest.defects(SampleTables.DOCUMENTS)).isEmpty();
            assertAuditFindsExactly(database, manifest);
        }
    }

    @Test
    void tablesBelowTwentyRowsGetNoDefects() throws SQLException {
        SampleManifest manifest = new SampleDataGenerator(3L, 0.005).manifest();

        assertThat(manifest.addresses()).isEqualTo(10);
        assertThat(manifest.defects()).isEmpty();
    }

    @Test
    void withProjectsSetsTheNumberOfGroupsWhateverTheScale() throws SQLException {
        SampleDataGenerator generator = new SampleDataGenerator(5L, 0.5).withProjects(64);
        try (ScratchPostgresDatabase database = ScratchPostgresDatabase.create()) {
            SampleManifest manifest = generator.generate(database.dataSource());

            assertThat(manifest.projects()).isEqualTo(64);
            assertThat(manifest.addresses()).isEqualTo(1000);
            assertThat(manifest.defects(SampleTables.PROJECTS)).hasSize(1);
            assertThat(manifest.planboards()).isEqualTo(256);
            assertThat(manifest.defects(SampleTables.PLANBOARDS)).hasSize(5);
            assertThat(manifest.documents()).isEqualTo(128);
            assertThat(manifest.defects(SampleTables.DOCUMENTS)).hasSize(3);
            Set<Long> projectsUsed = projectIdsOfAddresses(database);
            long orphans = manifest.defects(SampleTables.ADDRESSES).stream()
                    .filter(defect -> defect.kind() == DefectKind.ORPHAN_PROJECT).count();
            assertThat(projectsUsed).filteredOn(id -> id <= 64).containsExactlyInAnyOrderElementsOf(
                    LongStream.rangeClosed(1, 64).boxed().toList());
            assertThat(projectsUsed).filteredOn(id -> id > 64).hasSize((int) orphans).allMatch(id -> id > 900_000L);
            assertAuditFindsExactly(database, manifest);
        }
    }

    @Test
    void manyProjectsStillGetAboutTwoPercentDefects() {
        SampleManifest manifest = new SampleDataGenerator(5L, 1.0).withProjects(500).manifest();

        assertThat(manifest.defects(SampleTables.PROJECTS)).hasSize(10)
                .extracting(PlantedDefect::kind)
                .containsOnly(DefectKind.MISSING_NAME, DefectKind.INVALID_STATUS)
                .containsAll(List.of(DefectKind.MISSING_NAME, DefectKind.INVALID_STATUS));
    }

    private static Set<Long> projectIdsOfAddresses(ScratchPostgresDatabase database) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT DISTINCT project_id FROM addresses");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                ids.add(result.getLong(1));
            }
        }
        return ids;
    }

    private static void assertAuditFindsExactly(ScratchPostgresDatabase database, SampleManifest manifest)
            throws SQLException {
        LegacyDataAudit.Findings findings = LegacyDataAudit.of(database.dataSource());
        assertThat(findings.anomalies()).isEmpty();
        assertThat(findings.defects()).containsExactlyInAnyOrderElementsOf(manifest.defects());
    }
}

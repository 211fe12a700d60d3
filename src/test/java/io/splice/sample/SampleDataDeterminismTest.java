package io.splice.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Same seed, same rows; another seed, other rows; a rerun replaces what was there. Real PostgreSQL. */
class SampleDataDeterminismTest {

    private static final double SCALE = 0.5;

    @Test
    void theSameSeedGivesIdenticalRowsInTwoDatabases() throws SQLException {
        try (ScratchPostgresDatabase first = ScratchPostgresDatabase.create();
             ScratchPostgresDatabase second = ScratchPostgresDatabase.create()) {
            SampleManifest firstManifest = new SampleDataGenerator(7L, SCALE).generate(first.dataSource());
            SampleManifest secondManifest = new SampleDataGenerator(7L, SCALE).generate(second.dataSource());

            Map<String, List<String>> firstRows = TableDump.all(first.dataSource());
            assertThat(firstRows.get(SampleTables.ADDRESSES)).hasSize(1000);
            assertThat(firstRows.get(SampleTables.PLANBOARDS)).hasSize(40).hasSize(firstManifest.planboards());
            assertThat(firstRows.get(SampleTables.DOCUMENTS)).hasSize(20).hasSize(firstManifest.documents());
            assertThat(TableDump.all(second.dataSource())).isEqualTo(firstRows);
            assertThat(secondManifest).isEqualTo(firstManifest);
        }
    }

    @Test
    void theDumpedDocumentsCarryTheDigestsRecomputedFromTheSeed() throws SQLException {
        SampleDataGenerator generator = new SampleDataGenerator(7L, SCALE);
        try (ScratchPostgresDatabase database = ScratchPostgresDatabase.create()) {
            generator.generate(database.dataSource());
            SampleDocuments documents = new SampleDataGenerator(7L, SCALE).documents();

            List<String> rows = TableDump.of(database.dataSource(), SampleTables.DOCUMENTS);
            assertThat(rows).hasSize(documents.count());
            for (int i = 0; i < rows.size(); i++) {
                DocumentDigest digest = documents.digest(i + 1L);
                assertThat(rows.get(i)).contains("content=" + digest.size() + " bytes, sha256 " + digest.sha256());
            }
        }
    }

    @Test
    void anotherSeedGivesOtherRowsAndOtherDefects() throws SQLException {
        try (ScratchPostgresDatabase seven = ScratchPostgresDatabase.create();
             ScratchPostgresDatabase eight = ScratchPostgresDatabase.create()) {
            SampleManifest sevenManifest = new SampleDataGenerator(7L, SCALE).generate(seven.dataSource());
            SampleManifest eightManifest = new SampleDataGenerator(8L, SCALE).generate(eight.dataSource());

            for (String table : SampleTables.ALL) {
                assertThat(TableDump.of(eight.dataSource(), table)).as(table)
                        .isNotEqualTo(TableDump.of(seven.dataSource(), table));
            }
            assertThat(eightManifest.defectiveIds(SampleTables.ADDRESSES))
                    .isNotEqualTo(sevenManifest.defectiveIds(SampleTables.ADDRESSES));
            assertThat(eightManifest.defectiveIds(SampleTables.PLANBOARDS))
                    .isNotEqualTo(sevenManifest.defectiveIds(SampleTables.PLANBOARDS));
        }
    }

    @Test
    void generatingAgainReplacesThePreviousData() throws SQLException {
        try (ScratchPostgresDatabase rerun = ScratchPostgresDatabase.create();
             ScratchPostgresDatabase fresh = ScratchPostgresDatabase.create()) {
            new SampleDataGenerator(8L, 1.0).generate(rerun.dataSource());
            new SampleDataGenerator(7L, SCALE).generate(rerun.dataSource());
            new SampleDataGenerator(7L, SCALE).generate(fresh.dataSource());

            assertThat(TableDump.all(rerun.dataSource())).isEqualTo(TableDump.all(fresh.dataSource()));
        }
    }

    @Test
    void theManifestAloneMatchesWhatGenerateReturns() throws SQLException {
        SampleDataGenerator generator = new SampleDataGenerator(11L, SCALE).withProjects(5);
        try (ScratchPostgresDatabase database = ScratchPostgresDatabase.create()) {
            assertThat(generator.manifest()).isEqualTo(generator.generate(database.dataSource()));
        }
    }
}

package io.splice.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SampleManifestTest {

    private final SampleManifest manifest = new SampleManifest(2, 30, 33, 33, 8, 4, List.of(
            DefectKind.MISSING_NAME.at(2),
            DefectKind.ZERO_HOUSE_NUMBER.at(4),
            DefectKind.ORPHAN_PROJECT.at(17),
            DefectKind.MISSING_DUE_DATE.at(9),
            DefectKind.MISSING_FILENAME.at(3)));

    @Test
    void selectsDefectsAndIdsByTable() {
        assertThat(manifest.defects(SampleTables.ADDRESSES)).containsExactly(
                new PlantedDefect("addresses", 4, "house_number", DefectKind.ZERO_HOUSE_NUMBER),
                new PlantedDefect("addresses", 17, "project_id", DefectKind.ORPHAN_PROJECT));
        assertThat(manifest.defectiveIds(SampleTables.ADDRESSES)).containsExactly(4L, 17L);
        assertThat(manifest.defectiveIds(SampleTables.CONNECTIONS)).isEmpty();
        assertThat(manifest.rows(SampleTables.CONNECTIONS)).isEqualTo(33);
        assertThat(manifest.rows(SampleTables.PLANBOARDS)).isEqualTo(8);
        assertThat(manifest.rows(SampleTables.DOCUMENTS)).isEqualTo(4);
        assertThat(manifest.defects(SampleTables.DOCUMENTS)).containsExactly(
                new PlantedDefect("documents", 3, "filename", DefectKind.MISSING_FILENAME));
    }

    @Test
    void keepsItsOwnCopyOfTheDefects() {
        List<PlantedDefect> defects = new ArrayList<>(List.of(DefectKind.INVALID_KIND.at(1)));
        SampleManifest copy = new SampleManifest(1, 1, 1, 1, 4, 2, defects);
        defects.clear();

        assertThat(copy.defects()).hasSize(1);
        assertThatThrownBy(() -> copy.defects().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}

package io.splice.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefectPlanTest {

    @Test
    void aboutTwoPercentWithAFloorOfOneFromTwentyRows() {
        assertThat(DefectPlan.count(1)).isZero();
        assertThat(DefectPlan.count(19)).isZero();
        assertThat(DefectPlan.count(20)).isEqualTo(1);
        assertThat(DefectPlan.count(2000)).isEqualTo(40);
        assertThat(DefectPlan.count(2210)).isEqualTo(44);
    }

    @Test
    void picksDistinctIdsWithinTheTableAndTheSameOnesForTheSameSeed() {
        DefectPlan plan = DefectPlan.pick(1L, SampleTables.ASSIGNMENTS, 50_000);

        assertThat(plan.planted()).hasSize(1000)
                .allSatisfy(defect -> assertThat(defect.id()).isBetween(1L, 50_000L))
                .extracting(PlantedDefect::id).doesNotHaveDuplicates().isSorted();
        assertThat(plan.planted()).allSatisfy(defect -> assertThat(defect.table()).isEqualTo(SampleTables.ASSIGNMENTS));
        assertThat(DefectPlan.pick(1L, SampleTables.ASSIGNMENTS, 50_000).planted()).isEqualTo(plan.planted());
        assertThat(DefectPlan.pick(2L, SampleTables.ASSIGNMENTS, 50_000).planted()).isNotEqualTo(plan.planted());
    }

    @Test
    void aTableOfTwentyRowsGetsExactlyOneDefect() {
        DefectPlan plan = DefectPlan.pick(1L, SampleTables.PROJECTS, 20);

        assertThat(plan.planted()).singleElement()
                .satisfies(defect -> assertThat(plan.is(defect.id(), defect.kind())).isTrue());
    }
}

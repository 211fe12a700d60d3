package io.splice.plan;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlanCursorTest {

    @Test
    void targetStagesToPrepareAgainComeFirstAndLeaveTheNextStageWhereItWas() {
        PlanCursor resumed = new PlanCursor(4, List.of(1, 2));

        assertThat(resumed.stage()).isEqualTo(1);
        assertThat(resumed.rePreparing()).isTrue();
        assertThat(resumed.after(null)).isEqualTo(new PlanCursor(4, List.of(2)));
        assertThat(resumed.after(null).after(null)).isEqualTo(new PlanCursor(4, List.of()));
        assertThat(resumed.after(null).after(null).stage()).isEqualTo(4);
    }

    @Test
    void aStageLeftGoesToTheFollowingOneOrToAChoicesGoto() {
        PlanCursor cursor = new PlanCursor(1, List.of());

        assertThat(cursor.after(null)).isEqualTo(new PlanCursor(2, List.of()));
        assertThat(cursor.after(5)).isEqualTo(new PlanCursor(5, List.of()));
    }

    @Test
    void thePlanHasANextStageWhileOneIsLeftToPrepareAgainOrToRun() {
        assertThat(new PlanCursor(7, List.of()).hasNext(8)).isTrue();
        assertThat(new PlanCursor(8, List.of()).hasNext(8)).isFalse();
        assertThat(new PlanCursor(8, List.of(2)).hasNext(8)).isTrue();
    }
}

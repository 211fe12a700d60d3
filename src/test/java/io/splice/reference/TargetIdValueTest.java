package io.splice.reference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A parent's target id as its children send it: whole numbers as numbers, everything else as it was. */
class TargetIdValueTest {

    @Test
    void wholeNumbersBecomeNumbers() {
        assertThat(TargetIdValue.of("42")).isEqualTo(42L);
        assertThat(TargetIdValue.of("0")).isEqualTo(0L);
        assertThat(TargetIdValue.of("-7")).isEqualTo(-7L);
        assertThat(TargetIdValue.of("123456789012345678")).isEqualTo(123456789012345678L);
    }

    @Test
    void anythingThatWouldNotSurviveTheTripThroughANumberStaysText() {
        for (String id : new String[] {"042", "-0", "4.2", "1e3", "projects-7", "", " 42", "1234567890123456789",
                "550e8400-e29b-41d4-a716-446655440000"}) {
            assertThat(TargetIdValue.of(id)).as(id).isEqualTo(id);
        }
        assertThat(TargetIdValue.of(null)).isNull();
    }
}

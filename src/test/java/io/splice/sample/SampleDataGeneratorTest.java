package io.splice.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** Sizes and arguments, without a database. */
class SampleDataGeneratorTest {

    @Test
    void scaleSetsProjectsAndAddresses() {
        SampleManifest manifest = new SampleDataGenerator(1L, 2.5).manifest();

        assertThat(manifest.projects()).isEqualTo(50);
        assertThat(manifest.addresses()).isEqualTo(5000);
        assertThat(manifest.assignments()).isEqualTo(manifest.connections());
        assertThat(manifest.connections()).isBetween(5350, 5650);
        assertThat(manifest.planboards()).isEqualTo(200);
        assertThat(manifest.documents()).isEqualTo(100);
    }

    @Test
    void planboardsAndDocumentsFollowTheProjectCount() {
        SampleManifest manifest = new SampleDataGenerator(1L, 1.0).withProjects(7).manifest();

        assertThat(manifest.planboards()).isEqualTo(28);
        assertThat(manifest.documents()).isEqualTo(14);
        assertThat(new SampleDataGenerator(1L, 1.0).withProjects(7).documents().count()).isEqualTo(14);
    }

    @Test
    void rejectsScalesAndProjectCountsThatMakeNoSense() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SampleDataGenerator(1L, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new SampleDataGenerator(1L, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> new SampleDataGenerator(1L, Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> new SampleDataGenerator(1L, Double.POSITIVE_INFINITY));
        assertThatIllegalArgumentException().isThrownBy(() -> new SampleDataGenerator(1L, 1e9));
        assertThatIllegalArgumentException().isThrownBy(() -> new SampleDataGenerator(1L, 1.0).withProjects(0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SampleDataGenerator(1L, 1.0).withProjects(Integer.MAX_VALUE / 3));
    }

    @Test
    void withProjectsLeavesTheOriginalAlone() {
        SampleDataGenerator original = new SampleDataGenerator(1L, 1.0);
        SampleDataGenerator reshaped = original.withProjects(3);

        assertThat(reshaped.manifest().projects()).isEqualTo(3);
        assertThat(original.manifest().projects()).isEqualTo(20);
    }
}

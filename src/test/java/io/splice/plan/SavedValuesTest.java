package io.splice.plan;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SavedValuesTest {

    @Test
    void aValueSavedAndNotRestoredIsKeptSoAResumedRunDoesNotSaveTheStateItSetItself() {
        SavedValues saved = new SavedValues();
        assertThat(saved.needs("activeWorkflows")).isTrue();

        saved.put("activeWorkflows", Map.of("ids", List.of("wf-1", "wf-3")));

        assertThat(saved.needs("activeWorkflows")).isFalse();
    }

    @Test
    void onceRestoredTheNextPreparationSavesAgain() {
        SavedValues saved = new SavedValues();
        saved.put("activeWorkflows", Map.of("ids", List.of("wf-1")));

        saved.markRestored(List.of("activeWorkflows"));

        assertThat(saved.needs("activeWorkflows")).isTrue();
        saved.put("activeWorkflows", Map.of("ids", List.of("wf-2")));
        assertThat(saved.needs("activeWorkflows")).isFalse();
        assertThat(saved.values()).containsEntry("activeWorkflows", Map.of("ids", List.of("wf-2")));
        assertThat(saved.restored()).isEmpty();
    }
}

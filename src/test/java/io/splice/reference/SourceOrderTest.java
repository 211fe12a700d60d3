package io.splice.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.splice.definition.CompiledEntity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceOrderTest {

    @Test
    void numberKeysSortAsNumbersNotAsTheLedgersText() {
        List<String> keys = new ArrayList<>(List.of("10", "9", "100", "-1", "2.5"));
        keys.sort(SourceOrder.of(entity("number")));
        assertThat(keys).containsExactly("-1", "2.5", "9", "10", "100");
    }

    @Test
    void textKeysSortAsText() {
        List<String> keys = new ArrayList<>(List.of("b", "a10", "a9"));
        keys.sort(SourceOrder.of(entity("text")));
        assertThat(keys).containsExactly("a10", "a9", "b");
    }

    @Test
    void aKeyThatIsNoNumberFallsBackToText() {
        assertThat(SourceOrder.of(entity("number")).compare("1|2", "1|10")).isPositive();
    }

    private static CompiledEntity entity(String keyType) {
        return new CompiledEntity("items", "select 1", "id", keyType, "grp", 100, 10, 2, Map.of(), null, null, 100);
    }
}

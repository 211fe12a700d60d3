package io.splice.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.splice.definition.SourceKey;
import org.junit.jupiter.api.Test;

/** A key of several columns as one source key: readable, unambiguous, and back again whatever the values hold. */
class CompositeKeyTest {

    @Test
    void plainValuesAreJoinedByTheSeparator() {
        assertThat(CompositeKey.encode(List.of("7", "3"))).isEqualTo("7|3");
        assertThat(CompositeKey.decode("7|3")).containsExactly("7", "3");
    }

    @Test
    void valuesHoldingTheSeparatorOrTheEscapeRoundTripAndNeverCollide() {
        List<List<String>> tricky = List.of(
                List.of("a|b", "c"), List.of("a", "b|c"), List.of("a\\", "|b"), List.of("a\\|", "b"),
                List.of("", ""), List.of("", "|"), List.of("|", ""), List.of("\\", "\\"), List.of("a\\\\|b", "c\\"),
                List.of("x", "y", "z"), List.of("x|y", "z"), List.of("ünï", "çødé ✓"), List.of(" ", "  "));
        java.util.Set<String> encoded = new java.util.HashSet<>();
        for (List<String> values : tricky) {
            String key = CompositeKey.encode(values);
            assertThat(CompositeKey.decode(key)).as("decode(%s)", key).isEqualTo(values);
            assertThat(encoded.add(key)).as("%s is the encoding of one key only", key).isTrue();
        }
        assertThat(CompositeKey.encode(List.of("a|b", "c"))).isEqualTo("a\\|b|c");
    }

    @Test
    void aNullValueHasNoEncoding() {
        assertThatThrownBy(() -> CompositeKey.encode(java.util.Arrays.asList("7", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("value 2 of a composite key is null");
    }

    @Test
    void aRowsSourceKeyNamesTheEntityAndTheColumnWhenAKeyColumnIsNull() {
        SourceKey key = new SourceKey(List.of("order_id", "line_no"), List.of("number", "number"));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("order_id", 12L);
        row.put("line_no", null);
        row.put("sku", "A-1");

        assertThatThrownBy(() -> key.of(row, "order_lines")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Entity order_lines: key column line_no is null in the row {order_id=12, line_no=null}; "
                        + "every column of source.key must have a value");
    }

    @Test
    void aRowsSourceKeyAndTheNextPagesBindingsComeFromItsKeyColumns() {
        SourceKey key = new SourceKey(List.of("order_id", "code"), List.of("number", "text"));
        Map<String, Object> row = Map.of("order_id", 12L, "code", "A|B", "sku", "x");

        assertThat(key.of(row, "order_lines")).isEqualTo("12|A\\|B");
        assertThat(key.firstBindings()).containsExactly(Map.entry("lastKey1", Long.MIN_VALUE), Map.entry("lastKey2", ""));
        assertThat(key.bindingsAfter(row, "order_lines")).containsExactly(Map.entry("lastKey1", 12L),
                Map.entry("lastKey2", "A|B"));
    }

    @Test
    void aSingleColumnKeyIsWrittenAsItAlwaysWasEvenWithTheSeparatorInIt() {
        SourceKey key = SourceKey.single("code", "text");

        assertThat(key.of(Map.of("code", "a|b\\c"), "things")).isEqualTo("a|b\\c");
        assertThat(key.firstBindings()).containsExactly(Map.entry("lastKey", ""));
    }

    @Test
    void aCompositeKeyLongerThanTheLedgerHoldsIsRefusedNotCut() {
        SourceKey key = new SourceKey(List.of("a", "b"), List.of("text", "text"));

        assertThatThrownBy(() -> key.of(Map.of("a", "x".repeat(150), "b", "y".repeat(60)), "things"))
                .hasMessageContaining("is 211 characters written as one source key; the ledger holds at most 200");
    }
}

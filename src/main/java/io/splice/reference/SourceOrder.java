package io.splice.reference;

import java.math.BigDecimal;
import java.util.Comparator;

import io.splice.definition.CompiledEntity;

/** The order the extract reads an entity in, for keys the ledger holds as text: numeric for a number key. */
final class SourceOrder {

    private SourceOrder() {
    }

    static Comparator<String> of(CompiledEntity entity) {
        return "number".equals(entity.keyType()) ? SourceOrder::numeric : Comparator.naturalOrder();
    }

    private static int numeric(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        } catch (NumberFormatException notNumbers) {
            // a key the ledger holds in another form (several columns): as text
            return a.compareTo(b);
        }
    }
}

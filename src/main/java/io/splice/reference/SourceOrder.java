package io.splice.reference;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import io.splice.definition.CompiledEntity;
import io.splice.record.CompositeKey;

/**
 * The order the extract reads an entity in, for keys the ledger holds as text: numeric for a number key; a composite
 * key column by column, each by its own type (the row-value order of the page query).
 */
final class SourceOrder {

    private SourceOrder() {
    }

    static Comparator<String> of(CompiledEntity entity) {
        if (entity.sourceKey().composite()) {
            List<String> types = entity.sourceKey().types();
            return (a, b) -> compareColumns(CompositeKey.decode(a), CompositeKey.decode(b), types);
        }
        return "number".equals(entity.keyType()) ? SourceOrder::numeric : Comparator.naturalOrder();
    }

    private static int compareColumns(List<String> a, List<String> b, List<String> types) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String type = i < types.size() ? types.get(i) : "text";
            int order = "number".equals(type) ? numeric(a.get(i), b.get(i)) : a.get(i).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int numeric(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        } catch (NumberFormatException notNumbers) {
            return a.compareTo(b);
        }
    }
}

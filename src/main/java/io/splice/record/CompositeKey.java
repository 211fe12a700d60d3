package io.splice.record;

import java.util.ArrayList;
import java.util.List;

/**
 * How a key of several columns is written as one source key (ledger, Idempotency-Key, blocked_by_key): each value as
 * text, a backslash before every {@code \} and {@code |} in it, the values joined by {@code |}. Unambiguous for any
 * values (an empty one included) and stable across runs; {@code 7|A\|B} is (7, "A|B"). A null value has no encoding.
 */
public final class CompositeKey {

    public static final char SEPARATOR = '|';
    private static final char ESCAPE = '\\';

    private CompositeKey() {
    }

    /** @throws IllegalArgumentException when a value is null (a key column must identify the row) */
    public static String encode(List<String> values) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null) {
                throw new IllegalArgumentException("value " + (i + 1) + " of a composite key is null");
            }
            if (i > 0) {
                key.append(SEPARATOR);
            }
            for (int c = 0; c < value.length(); c++) {
                char ch = value.charAt(c);
                if (ch == SEPARATOR || ch == ESCAPE) {
                    key.append(ESCAPE);
                }
                key.append(ch);
            }
        }
        return key.toString();
    }

    /** The values of an encoded key, in key order. */
    public static List<String> decode(String key) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        for (int c = 0; c < key.length(); c++) {
            char ch = key.charAt(c);
            if (ch == ESCAPE && c + 1 < key.length()) {
                value.append(key.charAt(++c));
            } else if (ch == SEPARATOR) {
                values.add(value.toString());
                value.setLength(0);
            } else {
                value.append(ch);
            }
        }
        values.add(value.toString());
        return values;
    }
}

package io.splice.mapping;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Replaces a legacy code by the target's code; what a code missing from the table becomes is its {@link Otherwise}. */
final class CodeTableLookup {

    /** What a value that is not in the table becomes. */
    enum Otherwise {
        FAIL, NULL, KEEP;

        static final Otherwise DEFAULT = FAIL;

        static Optional<Otherwise> named(String name) {
            return Arrays.stream(values()).filter(o -> o.label().equals(name)).findFirst();
        }

        static String labels() {
            return Arrays.stream(values()).map(Otherwise::label).collect(Collectors.joining(", "));
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String name;
    private final Map<String, Object> values;
    private final Otherwise otherwise;

    CodeTableLookup(String name, Map<String, Object> values, Otherwise otherwise) {
        this.name = name;
        // a copy: read by many threads, so nobody may change it after compile; a code may map to null
        this.values = Collections.unmodifiableMap(new HashMap<>(values));
        this.otherwise = otherwise;
    }

    Object lookUp(Object value) throws FieldProblem {
        if (value == null) {
            return null;
        }
        String key = String.valueOf(value);
        if (values.containsKey(key)) {
            return values.get(key);
        }
        return switch (otherwise) {
            case FAIL -> throw new FieldProblem("has no entry in code table " + name, value);
            case NULL -> null;
            case KEEP -> value;
        };
    }
}

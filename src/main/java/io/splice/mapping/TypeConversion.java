package io.splice.mapping;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code type} of a target field: turns a JSON value into that type, or says why it cannot. Null stays null. */
enum TypeConversion {
    STRING(TypeConversion::toText),
    INTEGER(NumberConversion::toWholeNumber),
    DECIMAL(NumberConversion::toDecimal),
    BOOLEAN(TypeConversion::toBoolean),
    DATE(DateConversion::toDate),
    DATETIME(DateConversion::toDateTime);

    private static final List<String> TRUE_WORDS = List.of("true", "yes", "y", "1");
    private static final List<String> FALSE_WORDS = List.of("false", "no", "n", "0");

    @FunctionalInterface
    private interface Converter {
        Object convert(Object nonNullValue) throws FieldProblem;
    }

    private final Converter converter;

    TypeConversion(Converter converter) {
        this.converter = converter;
    }

    static Optional<TypeConversion> named(String name) {
        return Arrays.stream(values()).filter(type -> type.label().equals(name)).findFirst();
    }

    static String labels() {
        return Arrays.stream(values()).map(TypeConversion::label).collect(Collectors.joining(", "));
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    Object convert(Object value) throws FieldProblem {
        return value == null ? null : converter.convert(value);
    }

    private static Object toText(Object value) throws FieldProblem {
        if (value instanceof Number number) {
            return NumberConversion.plainText(number);
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            // Java's {a=1} is nobody's idea of the text of an object
            throw new FieldProblem("is an object or a list, not a string", value);
        }
        return value.toString();
    }

    private static Object toBoolean(Object value) throws FieldProblem {
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof String text) {
            String word = text.trim().toLowerCase(Locale.ROOT);
            if (TRUE_WORDS.contains(word) || FALSE_WORDS.contains(word)) {
                return TRUE_WORDS.contains(word);
            }
        }
        if (value instanceof Number number) {
            BigDecimal decimal = NumberConversion.decimalOf(number);
            if (decimal != null && (decimal.signum() == 0 || decimal.compareTo(BigDecimal.ONE) == 0)) {
                return decimal.signum() != 0;
            }
        }
        throw new FieldProblem("is not a boolean", value);
    }
}

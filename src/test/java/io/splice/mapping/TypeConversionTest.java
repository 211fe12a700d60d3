package io.splice.mapping;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TypeConversionTest {

    static Stream<Arguments> goodValues() {
        return Stream.of(
                arguments("string", "abc", "abc"),
                arguments("string", 12, "12"),
                arguments("string", 12L, "12"),
                arguments("string", 12.0, "12"),
                arguments("string", 12.5, "12.5"),
                arguments("string", 1e20, "100000000000000000000"),
                arguments("string", new BigDecimal("12.50"), "12.50"),
                arguments("string", new BigInteger("12345678901234567890"), "12345678901234567890"),
                arguments("string", true, "true"),
                arguments("integer", 12, 12L),
                arguments("integer", 12L, 12L),
                arguments("integer", 12.0, 12L),
                arguments("integer", new BigDecimal("12.00"), 12L),
                arguments("integer", BigInteger.valueOf(12), 12L),
                arguments("integer", " 12 ", 12L),
                arguments("integer", "+12", 12L),
                arguments("integer", "-7", -7L),
                arguments("decimal", "12.50", new BigDecimal("12.50")),
                arguments("decimal", " -3.25 ", new BigDecimal("-3.25")),
                arguments("decimal", 12, new BigDecimal("12")),
                arguments("decimal", 0.1, new BigDecimal("0.1")),
                arguments("decimal", new BigInteger("12345678901234567890"), new BigDecimal("12345678901234567890")),
                arguments("decimal", new BigDecimal("1.005"), new BigDecimal("1.005")),
                arguments("boolean", true, true),
                arguments("boolean", false, false),
                arguments("boolean", "TRUE", true),
                arguments("boolean", "Yes", true),
                arguments("boolean", " y ", true),
                arguments("boolean", "1", true),
                arguments("boolean", "false", false),
                arguments("boolean", "no", false),
                arguments("boolean", "N", false),
                arguments("boolean", "0", false),
                arguments("boolean", 1, true),
                arguments("boolean", 0L, false),
                arguments("boolean", 1.0, true),
                arguments("boolean", new BigDecimal("0.00"), false),
                arguments("date", "2024-03-01", "2024-03-01"),
                arguments("date", " 2024-03-01 ", "2024-03-01"),
                arguments("date", "2024-03-01T23:30:00+01:00", "2024-03-01"),
                arguments("date", "2024-03-01T10:00:00Z", "2024-03-01"),
                arguments("date", "2024-03-01 10:00:00", "2024-03-01"),
                arguments("datetime", "2024-03-01T10:00:00+01:00", "2024-03-01T09:00:00Z"),
                arguments("datetime", "2024-03-01T10:00:00Z", "2024-03-01T10:00:00Z"),
                arguments("datetime", "2024-03-01T10:00:00.000+00:00", "2024-03-01T10:00:00Z"),
                arguments("datetime", "2024-03-01T10:00:00.250-05:00", "2024-03-01T15:00:00.250Z"),
                arguments("datetime", "2024-03-01T10:00:00", "2024-03-01T10:00:00Z"),
                arguments("datetime", "2024-03-01 10:00:00", "2024-03-01T10:00:00Z"));
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                arguments("string", Map.of("a", 1), "is an object or a list, not a string"),
                arguments("string", List.of(1), "is an object or a list, not a string"),
                arguments("integer", "12.5", "is not a whole number"),
                arguments("integer", "12-14", "is not a whole number"),
                arguments("integer", "twelve", "is not a whole number"),
                arguments("integer", "", "is not a whole number"),
                arguments("integer", 12.5, "is not a whole number"),
                arguments("integer", new BigDecimal("0.1"), "is not a whole number"),
                arguments("integer", true, "is not a whole number"),
                arguments("integer", List.of(1), "is not a whole number"),
                arguments("integer", "99999999999999999999", "is too large for an integer"),
                arguments("decimal", "12,5", "is not a decimal number"),
                arguments("decimal", "abc", "is not a decimal number"),
                arguments("decimal", Double.NaN, "is not a decimal number"),
                arguments("decimal", true, "is not a decimal number"),
                arguments("boolean", "maybe", "is not a boolean"),
                arguments("boolean", "", "is not a boolean"),
                arguments("boolean", 2, "is not a boolean"),
                arguments("boolean", -1, "is not a boolean"),
                arguments("boolean", Map.of(), "is not a boolean"),
                arguments("date", "01-03-2024", "is not a date (yyyy-MM-dd)"),
                arguments("date", "2024-02-30", "is not a date (yyyy-MM-dd)"),
                arguments("date", "2024-3-1", "is not a date (yyyy-MM-dd)"),
                arguments("date", "tomorrow", "is not a date (yyyy-MM-dd)"),
                arguments("date", 20240301, "is not a date (yyyy-MM-dd)"),
                arguments("datetime", "2024-03-01", "is not a date-time"),
                arguments("datetime", "10:00:00", "is not a date-time"),
                arguments("datetime", "2024-03-01T25:00:00Z", "is not a date-time"),
                arguments("datetime", 1709287200000L, "is not a date-time"));
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @MethodSource("goodValues")
    void convertsAGoodValue(String type, Object value, Object expected) throws Exception {
        // when
        Object converted = conversion(type).convert(value);

        // then
        assertThat(converted).isEqualTo(expected).hasSameClassAs(expected);
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @MethodSource("badValues")
    void rejectsABadValueSayingWhy(String type, Object value, String problem) {
        assertThatThrownBy(() -> conversion(type).convert(value))
                .isInstanceOfSatisfying(FieldProblem.class, e -> assertThat(e).hasMessage(problem))
                .satisfies(e -> assertThat(((FieldProblem) e).toMappingException("projects", 7, "f").getMessage())
                        .endsWith("(value: " + value + ")"));
    }

    @ParameterizedTest
    @EnumSource(TypeConversion.class)
    void nullStaysNull(TypeConversion type) throws Exception {
        assertThat(type.convert(null)).isNull();
    }

    private static TypeConversion conversion(String type) {
        return TypeConversion.named(type).orElseThrow();
    }
}

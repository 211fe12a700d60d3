package io.splice.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One row of a collection's rule table: a field, whether it must be present, and what its value must satisfy.
 *
 * @param field    JSON field name
 * @param required missing, JSON null and blank strings fail with {@link #IS_REQUIRED}
 * @param check    returns the reason a present value is wrong, or empty when it is fine
 */
record FieldRule(String field, boolean required, Function<JsonNode, Optional<String>> check) {

    static final String IS_REQUIRED = "is required";

    private static final Pattern ISO_DATE_SHAPE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

    static FieldRule required(String field) {
        return new FieldRule(field, true, value -> Optional.empty());
    }

    static FieldRule matching(String field, String regex, String reason) {
        Pattern pattern = Pattern.compile(regex);
        return new FieldRule(field, true, value -> value.isTextual() && pattern.matcher(value.textValue()).matches()
                ? Optional.empty() : Optional.of(reason));
    }

    static FieldRule oneOf(String field, List<String> allowed) {
        String reason = "must be one of " + String.join(", ", allowed);
        return new FieldRule(field, true, value -> value.isTextual() && allowed.contains(value.textValue())
                ? Optional.empty() : Optional.of(reason));
    }

    static FieldRule integerAtLeast(String field, long minimum) {
        return new FieldRule(field, true, value -> {
            if (!value.isIntegralNumber()) {
                return Optional.of("must be an integer");
            }
            return value.bigIntegerValue().compareTo(BigInteger.valueOf(minimum)) < 0
                    ? Optional.of("must be at least " + minimum) : Optional.empty();
        });
    }

    static FieldRule isoDate(String field) {
        return new FieldRule(field, true, value -> isIsoDate(value)
                ? Optional.empty() : Optional.of("must be an ISO date yyyy-MM-dd"));
    }

    /** Applies the rule to the whole posted object. */
    Optional<ValidationFailure> apply(JsonNode record) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.textValue().isBlank())) {
            return required ? Optional.of(new ValidationFailure(field, IS_REQUIRED, value == null || value.isNull() ? null : value))
                    : Optional.empty();
        }
        return check.apply(value).map(reason -> new ValidationFailure(field, reason, value));
    }

    private static boolean isIsoDate(JsonNode value) {
        // The shape check rejects the signed/expanded years ISO_LOCAL_DATE would otherwise accept
        if (!value.isTextual() || !ISO_DATE_SHAPE.matcher(value.textValue()).matches()) {
            return false;
        }
        try {
            LocalDate.parse(value.textValue(), DateTimeFormatter.ISO_LOCAL_DATE);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}

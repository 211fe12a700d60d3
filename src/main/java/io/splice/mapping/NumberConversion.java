package io.splice.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/** Numbers from JSON values: whole numbers as Long, decimals as BigDecimal, and numbers as plain text. */
final class NumberConversion {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");

    private NumberConversion() {
    }

    static Object toWholeNumber(Object value) throws FieldProblem {
        BigDecimal decimal = null;
        if (value instanceof Number number) {
            decimal = decimalOf(number);
        } else if (value instanceof String text && WHOLE_NUMBER.matcher(text.trim()).matches()) {
            decimal = new BigDecimal(text.trim());
        }
        if (decimal == null || decimal.stripTrailingZeros().scale() > 0) {
            throw new FieldProblem("is not a whole number", value);
        }
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException e) {
            throw new FieldProblem("is too large for an integer", value);
        }
    }

    static Object toDecimal(Object value) throws FieldProblem {
        BigDecimal decimal = null;
        if (value instanceof Number number) {
            decimal = decimalOf(number);
        } else if (value instanceof String text) {
            decimal = parseDecimal(text.trim());
        }
        if (decimal == null) {
            throw new FieldProblem("is not a decimal number", value);
        }
        return decimal;
    }

    /** Integral doubles print without ".0" (12.0 → "12"), and no number prints in exponent notation. */
    static String plainText(Number number) {
        if (number instanceof BigDecimal || number instanceof Double || number instanceof Float) {
            BigDecimal decimal = decimalOf(number);
            if (decimal == null) {
                return number.toString();
            }
            return number instanceof BigDecimal ? decimal.toPlainString() : decimal.stripTrailingZeros().toPlainString();
        }
        return number.toString();
    }

    /** The exact decimal a JSON number stands for; null for NaN and infinity. */
    static BigDecimal decimalOf(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            // via the shortest decimal text, so 0.1 stays 0.1 and not 0.1000000000000000055511151231257827
            return Double.isFinite(d) ? new BigDecimal(number.toString()) : null;
        }
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return BigDecimal.valueOf(number.longValue());
        }
        return parseDecimal(number.toString());
    }

    private static BigDecimal parseDecimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

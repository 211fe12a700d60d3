package io.splice.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The field a failure's reason names, for the people who fix it: "mapping houseNumber: is not a whole number" and
 * "HTTP 422 street: is required" name one; a parent's reason ("parent projects FAILED: …") and others do not.
 */
final class ReasonField {

    // a field is one word (dots and indexes allowed), so "HTTP 400 invalid JSON: …" names none
    private static final Pattern NAMED = Pattern.compile("^(?:mapping|HTTP \\d{3}) ([\\w.\\[\\]-]+): ",
            Pattern.UNICODE_CHARACTER_CLASS);

    private ReasonField() {
    }

    /** @return the field, or "" when the reason names none */
    static String of(String reason) {
        if (reason == null) {
            return "";
        }
        Matcher matcher = NAMED.matcher(reason);
        return matcher.find() ? matcher.group(1) : "";
    }
}

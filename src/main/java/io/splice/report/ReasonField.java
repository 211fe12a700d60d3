package io.splice.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The field a failure's reason names, for the people who fix it: "mapping houseNumber: is not a whole number" and
 * "HTTP 422 street: is required" name one, and so does an SQL target's reason naming a column ("SQL 23502: NULL not
 * allowed for column "due_on"); a parent's reason ("parent projects FAILED: …") and others do not.
 */
final class ReasonField {

    // a field is one word (dots and indexes allowed), so "HTTP 400 invalid JSON: …" names none
    private static final Pattern NAMED = Pattern.compile("^(?:mapping|HTTP \\d{3}) ([\\w.\\[\\]-]+): ",
            Pattern.UNICODE_CHARACTER_CLASS);
    // H2's and PostgreSQL's messages both quote the column: NULL not allowed for column "x", null value in column "x"
    private static final Pattern SQL_COLUMN = Pattern.compile("^SQL \\S+: .*?\\bcolumn \"([^\"]+)\"");

    private ReasonField() {
    }

    /** @return the field, or "" when the reason names none */
    static String of(String reason) {
        if (reason == null) {
            return "";
        }
        Matcher named = NAMED.matcher(reason);
        if (named.find()) {
            return named.group(1);
        }
        Matcher column = SQL_COLUMN.matcher(reason);
        return column.find() ? column.group(1) : "";
    }
}

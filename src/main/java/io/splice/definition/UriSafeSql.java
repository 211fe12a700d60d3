package io.splice.definition;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL that travels in a Camel endpoint URI: the extract's page query ({@code toD: sql:{{query}}?…}) and an SQL
 * target's statement ({@code to: sql:{{statement}}?…}), see routes/pipeline.camel.yaml. Camel 4.18 changes or refuses
 * some text there (found by trying each case, see UriSafeSqlTest), so the definition refuses it first: a query is
 * never silently changed. Line breaks are fine (Camel joins the lines with a space) outside quotes and -- comments.
 */
final class UriSafeSql {

    // Camel decodes the URI's %XX escapes (twice: no encoding of ours survives)
    private static final Pattern URI_ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");
    // the simple language of toD reads \n, \t, \r and \} as escapes
    private static final Pattern SIMPLE_ESCAPE = Pattern.compile("\\\\[ntr}]");

    private UriSafeSql() {
    }

    static void check(String field, String sql, Problems problems) {
        String problem = problem(sql);
        if (problem != null) {
            problems.add(field, "cannot travel in its route's endpoint URI: " + problem);
        }
    }

    /** @return what in the SQL a URI cannot carry and what to write instead, or null */
    static String problem(String sql) {
        if (sql == null) {
            return null;
        }
        if (sql.indexOf('?') >= 0) {
            return "'?' would end the URI's path (bind values as :#name)";
        }
        Matcher escape = URI_ESCAPE.matcher(sql);
        if (escape.find()) {
            String text = escape.group();
            return "'" + text + "' would be read as a URI escape (write '%' || '" + text.substring(1) + "')";
        }
        if (sql.contains("{{")) {
            return "'{{' would be read as a Camel property placeholder";
        }
        if (sql.contains("${") || sql.contains("$simple{")) {
            return "'${' would be read as a Camel simple expression";
        }
        Matcher simpleEscape = SIMPLE_ESCAPE.matcher(sql);
        if (simpleEscape.find()) {
            return "'" + simpleEscape.group() + "' would be read as an escape of Camel's simple language (use chr())";
        }
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (Character.isISOControl(c) && c != '\n') {
                return String.format("the control character U+%04X is not allowed in a URI (use spaces)", (int) c);
            }
        }
        return lineBreakProblem(sql);
    }

    // Camel joins a URI's lines with a space: harmless between tokens, not inside quotes or after a -- comment
    private static String lineBreakProblem(String sql) {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                int close = end < 0 ? sql.length() : end;
                if (sql.substring(i, close).indexOf('\n') >= 0) {
                    return "a line break inside " + c + "…" + c + " would become a space";
                }
                i = close + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else if (sql.startsWith("--", i)) {
                if (sql.indexOf('\n', i) >= 0) {
                    return "a -- comment would swallow the lines after it (Camel joins them; use /* … */)";
                }
                return null;
            } else {
                i++;
            }
        }
        return null;
    }
}

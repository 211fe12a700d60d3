package io.splice.report;

/** Text made safe for HTML and inline SVG: reasons, keys and parameters come from legacy data and targets. */
final class HtmlText {

    private HtmlText() {
    }

    /** Escapes markup characters in element text and quoted attribute values; control characters become U+FFFD. */
    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** At most {@code max} characters, with an ellipsis when cut (the full text belongs in a table or title). */
    static String shorten(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

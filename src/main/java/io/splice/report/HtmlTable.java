package io.splice.report;

/** An HTML table whose every cell is escaped; numbers are right-aligned. */
final class HtmlTable {

    /** A cell with a CSS class of ours (e.g. a status colour); its text is escaped like any other. */
    record Styled(Object text, String cssClass) {
    }

    private final StringBuilder html = new StringBuilder("<table>\n<thead><tr>");

    HtmlTable(String... headings) {
        for (String heading : headings) {
            html.append("<th>").append(HtmlText.escape(heading)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
    }

    HtmlTable row(Object... cells) {
        html.append("<tr>");
        for (Object cell : cells) {
            if (cell instanceof Styled styled) {
                html.append("<td class=\"").append(HtmlText.escape(styled.cssClass())).append("\">")
                        .append(HtmlText.escape(styled.text())).append("</td>");
            } else if (cell instanceof Number number) {
                html.append("<td class=\"num\">").append(HtmlText.escape(number)).append("</td>");
            } else {
                html.append("<td>").append(HtmlText.escape(cell)).append("</td>");
            }
        }
        html.append("</tr>\n");
        return this;
    }

    String html() {
        return html + "</tbody>\n</table>\n";
    }

    /** A status cell, coloured by its value (COMPLETED, FAILED, …). */
    static Styled status(String status) {
        return new Styled(status, "status " + (status == null ? "" : status.toLowerCase(java.util.Locale.ROOT)));
    }
}

package io.splice.report;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as inline SVG: one bar per row, its segments stacked (one per series, left to right), all
 * bars scaled to the longest. One series makes a plain bar chart.
 */
final class SvgBarChart {

    static final int LABEL_WIDTH = 300;
    static final int PLOT_WIDTH = 480;
    private static final int VALUE_WIDTH = 70;
    private static final int ROW_HEIGHT = 22;
    private static final int BAR_HEIGHT = 16;
    private static final int LEGEND_HEIGHT = 24;
    // about 7 px a character at 12 px: what fits left of the bars
    private static final int MAX_LABEL = 40;

    /** @param color a CSS colour literal (ours, never data) */
    record Series(String name, String color) {
    }

    /** @param values one per series, in the chart's series order */
    record Bar(String label, List<Long> values) {

        long total() {
            return values.stream().mapToLong(Long::longValue).sum();
        }
    }

    private final List<Series> series;

    SvgBarChart(List<Series> series) {
        this.series = List.copyOf(series);
    }

    String render(String title, List<Bar> bars) {
        long max = bars.stream().mapToLong(Bar::total).max().orElse(0);
        int legend = series.size() > 1 ? LEGEND_HEIGHT : 0;
        int width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH;
        int height = legend + bars.size() * ROW_HEIGHT;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " role=\"img\" aria-label=\"%s\">%n", width, height, width, height, HtmlText.escape(title)));
        if (legend > 0) {
            legend(svg);
        }
        for (int row = 0; row < bars.size(); row++) {
            bar(svg, bars.get(row), legend + row * ROW_HEIGHT, max);
        }
        return svg.append("</svg>\n").toString();
    }

    /** The width of a value's segment, scaled so that the longest bar fills the plot. */
    static double width(long value, long max) {
        return max <= 0 ? 0 : Math.round(value * (double) PLOT_WIDTH / max * 10) / 10.0;
    }

    private void legend(StringBuilder svg) {
        int x = LABEL_WIDTH;
        for (Series s : series) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"4\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"14\">%s</text>%n", x, s.color(), x + 16, HtmlText.escape(s.name())));
            x += 24 + 8 * s.name().length();
        }
    }

    private void bar(StringBuilder svg, Bar bar, int y, long max) {
        int textY = y + BAR_HEIGHT - 3;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\"><title>%s</title>%s</text>%n",
                LABEL_WIDTH - 8, textY, HtmlText.escape(bar.label()), HtmlText.escape(HtmlText.shorten(bar.label(), MAX_LABEL))));
        double x = LABEL_WIDTH;
        for (int i = 0; i < series.size() && i < bar.values().size(); i++) {
            long value = bar.values().get(i);
            double w = width(value, max);
            if (value > 0) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                                + "<title>%s: %d</title></rect>%n", x, y + 2, w, BAR_HEIGHT, series.get(i).color(),
                        HtmlText.escape(series.get(i).name()), value));
            }
            x += w;
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%d</text>%n", x + 6, textY, bar.total()));
    }
}

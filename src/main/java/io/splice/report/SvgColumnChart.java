package io.splice.report;

import java.util.List;
import java.util.Locale;

/** A column chart as inline SVG: one column per time bucket, with the highest count and the elapsed time marked. */
final class SvgColumnChart {

    static final int PLOT_WIDTH = 720;
    static final int PLOT_HEIGHT = 180;
    private static final int LEFT = 60;
    private static final int TOP = 10;
    private static final int BOTTOM = 24;

    private final int bucketSeconds;

    SvgColumnChart(int bucketSeconds) {
        this.bucketSeconds = bucketSeconds;
    }

    /** @param counts records per bucket, from the run's start */
    String render(String title, List<Long> counts) {
        long max = counts.stream().mapToLong(Long::longValue).max().orElse(0);
        int width = LEFT + PLOT_WIDTH + 10;
        int height = TOP + PLOT_HEIGHT + BOTTOM;
        int base = TOP + PLOT_HEIGHT;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " role=\"img\" aria-label=\"%s\">%n", width, height, width, height, HtmlText.escape(title)));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>%n"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>%n", LEFT, TOP, LEFT, base, LEFT, base,
                LEFT + PLOT_WIDTH, base));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d</text>%n"
                + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>%n", LEFT - 6, TOP + 10, max, LEFT - 6, base));
        double columnWidth = counts.isEmpty() ? 0 : (double) PLOT_WIDTH / counts.size();
        double gap = columnWidth >= 4 ? 1 : 0; // neighbours stay apart unless columns are thinner than a few pixels
        for (int i = 0; i < counts.size(); i++) {
            long count = counts.get(i);
            if (count > 0) {
                double h = height(count, max);
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\""
                                + " class=\"column\"><title>%s–%s: %d record%s</title></rect>%n", LEFT + i * columnWidth,
                        base - h, columnWidth - gap, h, elapsed(i), elapsed(i + 1), count, count == 1 ? "" : "s"));
            }
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n"
                        + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LEFT, base + 16, elapsed(0),
                LEFT + PLOT_WIDTH, base + 16, elapsed(counts.size())));
        return svg.append("</svg>\n").toString();
    }

    /** A count's column height, the highest filling the plot. */
    static double height(long count, long max) {
        return max <= 0 ? 0 : Math.round(count * (double) PLOT_HEIGHT / max * 10) / 10.0;
    }

    /** Time since the run's start at a bucket's edge, as h:mm:ss or m:ss. */
    private String elapsed(int bucket) {
        long seconds = (long) bucket * bucketSeconds;
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}

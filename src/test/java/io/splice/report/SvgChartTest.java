package io.splice.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SvgChartTest {

    private static final SvgBarChart.Series MIGRATED = new SvgBarChart.Series("migrated", "#2e7d32");
    private static final SvgBarChart.Series FAILED = new SvgBarChart.Series("failed", "#c62828");

    @Test
    void stackedBarsAreScaledToTheLongestBar() {
        // given: projects 75 + 25 = 100 (the longest), addresses 50 + 0
        SvgBarChart chart = new SvgBarChart(List.of(MIGRATED, FAILED));

        // when
        String svg = chart.render("Records", List.of(new SvgBarChart.Bar("projects", List.of(75L, 25L)),
                new SvgBarChart.Bar("addresses", List.of(50L, 0L))));

        // then: the plot is 480 wide; segments start where the previous one ended
        int plot = SvgBarChart.LABEL_WIDTH;
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("<rect x=\"" + plot + ".0\" y=\"26\" width=\"360.0\" height=\"16\" fill=\"#2e7d32\"><title>migrated: 75</title>")
                .contains("<rect x=\"" + (plot + 360) + ".0\" y=\"26\" width=\"120.0\" height=\"16\" fill=\"#c62828\"><title>failed: 25</title>")
                .contains("<rect x=\"" + plot + ".0\" y=\"48\" width=\"240.0\" height=\"16\" fill=\"#2e7d32\"><title>migrated: 50</title>")
                .doesNotContain("failed: 0")
                .contains(">100</text>", ">50</text>")
                .endsWith("</svg>\n");
        assertThat(svg.split("<rect ", -1)).hasSize(1 + 2 + 3); // legend squares, then segments
    }

    @Test
    void barWidthsForKnownValues() {
        assertThat(SvgBarChart.width(1, 3)).isEqualTo(160.0);
        assertThat(SvgBarChart.width(2, 3)).isEqualTo(320.0);
        assertThat(SvgBarChart.width(1, 7)).isEqualTo(68.6);
        assertThat(SvgBarChart.width(7, 7)).isEqualTo(480.0);
        assertThat(SvgBarChart.width(0, 0)).isZero();
    }

    @Test
    void labelsAreEscapedAndLongOnesShortenedWithTheFullTextAsTitle() {
        String reason = "addresses · HTTP 422 note: must not contain <script>alert('x')</script> or any other markup";

        String svg = new SvgBarChart(List.of(FAILED)).render("Reasons", List.of(new SvgBarChart.Bar(reason, List.of(3L))));

        assertThat(svg).doesNotContain("<script", "alert('x')")
                .contains("<title>addresses · HTTP 422 note: must not contain &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
                        + " or any other markup</title>")
                .contains(">addresses · HTTP 422 note: must not con…</text>")
                .contains("width=\"480.0\"");
        assertThat(svg).doesNotContain("<rect x=\"" + SvgBarChart.LABEL_WIDTH + "\" y=\"4\""); // one series: no legend
    }

    @Test
    void columnsOfTheThroughputChartAreScaledToTheBusiestBucket() {
        String svg = new SvgColumnChart(10).render("Records migrated per 10 seconds", List.of(2L, 4L, 0L, 1L));

        // the plot is 720 wide and 180 high: four columns of 180 (1 apart), the busiest full height
        assertThat(svg)
                .contains("<rect x=\"60.00\" y=\"100.0\" width=\"179.00\" height=\"90.0\" class=\"column\"><title>0:00–0:10: 2 records</title>")
                .contains("<rect x=\"240.00\" y=\"10.0\" width=\"179.00\" height=\"180.0\" class=\"column\"><title>0:10–0:20: 4 records</title>")
                .contains("<rect x=\"600.00\" y=\"145.0\" width=\"179.00\" height=\"45.0\" class=\"column\"><title>0:30–0:40: 1 record</title>")
                .doesNotContain("0:20–0:30")
                .contains(">0:40</text>", ">4</text>");
        assertThat(SvgColumnChart.height(1, 3)).isEqualTo(60.0);
    }
}

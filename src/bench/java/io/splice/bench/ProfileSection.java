package io.splice.bench;

import java.util.List;
import java.util.Map;

import static io.splice.bench.MarkdownReport.f1;

/** Where a profiled Splice run spent its CPU (JFR execution samples, settings=profile). */
final class ProfileSection {

    private ProfileSection() {
    }

    static void write(Results r, StringBuilder md) {
        JfrSummary p = r.profile;
        md.append("## Where Splice's CPU goes (JFR)\n\n");
        md.append("One extra latency-0 Splice run with `-XX:StartFlightRecording=settings=profile` (")
                .append(f1(r.profiledRun.recordsPerSecond())).append(" records/s with the recorder on; ")
                .append(p.samples()).append(" execution samples, whole process life). Shares of samples:\n\n");
        table(md, "thread (digits folded)", p.byThread(), p.samples());
        table(md, "library of the first non-JDK frame", p.byLibrary(), p.samples());
        table(md, "top frame (the method on CPU)", p.topFrames(), p.samples());
        table(md, "innermost Splice frame on the stack", p.spliceFrames(), p.samples());
        if (r.profileWaits != null) {
            md.append("Where the consumers and the extract (thread `tenant-runs`) **wait**: JFR's socket, park, monitor and file events "
                    + "of at least 10 ms (the profile settings' threshold; shorter waits are not recorded, so these sums are a lower bound). "
                    + "Port 5432 is PostgreSQL (the consumers talk only to the ledger there; the extract to source and ledger); "
                    + "the other port is the sandbox target.\n\n");
            md.append("| thread | event | where | events | total s |\n|---|---|---|---:|---:|\n");
            for (JfrWaits.Row row : r.profileWaits.rows()) {
                md.append("| `").append(row.thread()).append("` | ").append(row.event()).append(" | `").append(row.where())
                        .append("` | ").append(row.count()).append(" | ").append(f1(row.total().toNanos() / 1e9)).append(" |\n");
            }
            md.append('\n');
        }
    }

    private static void table(StringBuilder md, String title, List<Map.Entry<String, Long>> rows, long total) {
        md.append("| ").append(title).append(" | samples | share |\n|---|---:|---:|\n");
        for (Map.Entry<String, Long> row : rows) {
            md.append("| `").append(row.getKey()).append("` | ").append(row.getValue()).append(" | ")
                    .append(String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * row.getValue() / total)).append(" |\n");
        }
        md.append('\n');
    }
}

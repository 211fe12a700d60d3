package io.splice.report;

import java.nio.file.Path;

/** A finished run: its report and where report.json was written. */
public record CompletedRun(RunReport report, Path reportFile) {

    public boolean completed() {
        return "COMPLETED".equals(report.status());
    }
}

package io.splice.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import io.splice.ledger.Runs;
import io.splice.ledger.NotMigrated;

/**
 * failed.csv: one line per record of a run that was not migrated (FAILED, BLOCKED, DISCARDED, or QUEUED: without an
 * outcome), and per record in doubt (its in_doubt column says why; it may be MIGRATED now), for the data owners who fix
 * the legacy data. The field column: the fields the target's answer named (kept in the ledger), else the one the
 * reason names. Streamed from the ledger; never payloads or request bodies (personal data, secrets).
 */
final class FailedCsv {

    static final String FILE = "failed.csv";
    static final List<String> HEADER = List.of("tenant", "entity", "source_key", "status", "reason", "field",
            "http_status", "blocked_by", "in_doubt");

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private FailedCsv() {
    }

    /** @return the records not migrated written (lines without the header and those listed only for their doubt) */
    static long write(Path file, String runId, Runs ledger) throws IOException {
        AtomicLong rows = new AtomicLong();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(out);
            csv.row(HEADER);
            ledger.eachNotMigrated(runId, record -> {
                try {
                    csv.row(line(record));
                    // a MIGRATED record is listed only for its doubt: it is no record "not migrated"
                    if (!"MIGRATED".equals(record.status())) {
                        rows.incrementAndGet();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows.get();
    }

    static List<String> line(NotMigrated record) {
        String blockedBy = record.blockedByEntity() == null ? null
                : record.blockedByEntity() + " " + record.blockedByKey();
        return Arrays.asList(record.tenant(), record.entity(), record.sourceKey(), record.status(), record.reason(),
                record.fields() != null ? record.fields() : ReasonField.of(record.reason()), record.httpStatus() == null ? null : record.httpStatus().toString(),
                blockedBy, record.inDoubtReason()).stream().map(FailedCsv::spreadsheetSafe).toList();
    }

    /** Legacy text starting like a formula (=, +, -, @) would run as one in a spreadsheet: a leading ' keeps it text. */
    static String spreadsheetSafe(String value) {
        if (value == null || value.isEmpty() || NUMBER.matcher(value).matches()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}

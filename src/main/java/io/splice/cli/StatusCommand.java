package io.splice.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.zaxxer.hikari.HikariDataSource;
import io.splice.db.PooledDataSources;
import io.splice.ledger.OperatorQueries;
import io.splice.runtime.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Where the migration stands, from the ledger alone: recent runs, and per tenant and entity records by status. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Print the recent runs and, per tenant and entity, the records by status (from the ledger; "
                + "nothing is started, it works while Splice runs elsewhere).",
                "Right after `demo` it reads the demo's ledger (work/demo/demo.properties) unless --config says "
                        + "otherwise.", "Exit status 0; 2 when there is no ledger to read."})
public class StatusCommand implements Callable<Integer> {

    // every status a record can have in the ledger, in the order the line shows them
    private static final List<String> STATUSES = List.of("MIGRATED", "FAILED", "BLOCKED", "DISCARDED", "QUEUED");

    @Mixin
    RuntimeOptions options;

    @Override
    public Integer call() {
        Settings settings = options.lookingAt("status", "ledger", System.err);
        Optional<java.nio.file.Path> missing = DemoSettings.missingH2File(settings.ledger().url());
        if (missing.isPresent()) {
            // opening it would create an empty ledger
            System.err.println("splice status: " + DemoSettings.hint(missing.get()));
            return ExitStatus.NOT_STARTED;
        }
        try (HikariDataSource ledger = PooledDataSources.open("ledger", settings.ledger())) {
            OperatorQueries queries = new OperatorQueries(ledger);
            print(queries.latestRuns(10), queries.progress(), System.out);
            return 0;
        }
    }

    /**
     * @param progress rows of tenant, entity, status, records: one line per tenant and entity, every status a column
     *                 (the ledger's records of the entity = their sum)
     */
    public static void print(List<Map<String, Object>> runs, List<Map<String, Object>> progress, PrintStream out) {
        out.println("Recent runs:");
        out.printf("  %-28s %-14s %-8s %-10s %-24s %s%n", "run", "tenant", "kind", "status", "started", "error");
        for (Map<String, Object> run : runs) {
            out.printf("  %-28s %-14s %-8s %-10s %-24s %s%n", run.get("run_id"), run.get("tenant"), run.get("kind"),
                    run.get("status"), run.get("started_at"), run.get("error") == null ? "" : run.get("error"));
        }
        Map<String, Map<String, Long>> byEntity = new LinkedHashMap<>();
        // records whose request may have reached the target unanswered (ledger V7), whatever their status now
        Map<String, Long> inDoubt = new LinkedHashMap<>();
        progress.forEach(row -> inDoubt.merge(row.get("tenant") + "\t" + row.get("entity"),
                row.get("in_doubt") == null ? 0L : ((Number) row.get("in_doubt")).longValue(), Long::sum));
        progress.stream().sorted(java.util.Comparator.comparing((Map<String, Object> row) -> String.valueOf(row.get("tenant")))
                        .thenComparing(row -> String.valueOf(row.get("entity"))))
                .forEach(row -> byEntity.computeIfAbsent(row.get("tenant") + "\t" + row.get("entity"),
                                key -> new LinkedHashMap<>())
                        .merge(String.valueOf(row.get("status")), ((Number) row.get("records")).longValue(), Long::sum));
        out.println("Records by tenant and entity (total = migrated + failed + blocked + discarded + without outcome):");
        out.printf("  %-14s %-20s %10s %10s %10s %10s %10s %16s %10s%n", "tenant", "entity", "total", "migrated", "failed",
                "blocked", "discarded", "without outcome", "in doubt");
        byEntity.forEach((key, counts) -> {
            String[] tenantAndEntity = key.split("\t", 2);
            long[] columns = STATUSES.stream().mapToLong(status -> counts.getOrDefault(status, 0L)).toArray();
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            // a status this version does not know still counts, named after the line
            String others = counts.entrySet().stream().filter(e -> !STATUSES.contains(e.getKey()))
                    .map(e -> "   (" + e.getValue() + " " + e.getKey() + ")").collect(java.util.stream.Collectors.joining());
            out.printf("  %-14s %-20s %10d %10d %10d %10d %10d %16d %10d%s%n", tenantAndEntity[0], tenantAndEntity[1],
                    total, columns[0], columns[1], columns[2], columns[3], columns[4], inDoubt.getOrDefault(key, 0L), others);
        });
    }
}

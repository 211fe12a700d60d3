package io.splice.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.zaxxer.hikari.HikariDataSource;
import io.splice.db.PooledDataSources;
import io.splice.ledger.OperatorQueries;
import io.splice.runtime.Settings;
import io.splice.runtime.SpliceProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Where the migration stands, from the ledger alone: recent runs, and per tenant and entity records by status. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Print the recent runs and, per tenant and entity, the records by status (from the ledger; "
                + "nothing is started, it works while Splice runs elsewhere).")
public class StatusCommand implements Callable<Integer> {

    @Mixin
    RuntimeOptions options;

    @Override
    public Integer call() {
        Settings settings = SpliceProperties.settings(options.propertyFiles(), options.overrides());
        try (HikariDataSource ledger = PooledDataSources.open("ledger", settings.ledger())) {
            OperatorQueries queries = new OperatorQueries(ledger);
            print(queries.latestRuns(10), queries.progress(), System.out);
            return 0;
        }
    }

    static void print(List<Map<String, Object>> runs, List<Map<String, Object>> progress, PrintStream out) {
        out.println("Recent runs:");
        out.printf("  %-28s %-14s %-8s %-10s %-24s %s%n", "run", "tenant", "kind", "status", "started", "error");
        for (Map<String, Object> run : runs) {
            out.printf("  %-28s %-14s %-8s %-10s %-24s %s%n", run.get("run_id"), run.get("tenant"), run.get("kind"),
                    run.get("status"), run.get("started_at"), run.get("error") == null ? "" : run.get("error"));
        }
        out.println("Records by tenant, entity and status:");
        for (Map<String, Object> row : progress) {
            out.printf("  %-14s %-20s %-9s %10s%n", row.get("tenant"), row.get("entity"), row.get("status"),
                    row.get("records"));
        }
    }
}

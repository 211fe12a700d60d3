package io.splice.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.splice.runtime.SpliceRuntime;
import io.splice.runtime.TenantsNotStartedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the configured migration once, for every tenant (or one). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the configured migration's plan for every tenant side by side (or one), and print the "
                + "summaries. A tenant's unfinished run (failed, or its process died) is resumed at its first "
                + "unfinished stage.", ExitStatus.HELP})
public class RunCommand implements Callable<Integer> {

    @Option(names = "--tenant", description = "Run only this tenant.")
    String tenant;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "A plan parameter for this run (repeatable), e.g. --param migrateOnlyPlanboard=true; a resumed "
                    + "run keeps its parameters unless given again.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--dry-run", description = "Read, map and check every record (references, and the target's "
            + "validatePath where an entity has one) without writing to the target; writes the same report. Its ledger is "
            + "a schema of its own (splice_dry_run), emptied first: the real ledger is not touched.")
    boolean dryRun;

    @Option(names = "--serve", description = "Keep running after the run (for later runs and operator actions) until stopped.")
    boolean serve;

    @Mixin
    RuntimeOptions options;

    @Override
    public Integer call() throws Exception {
        // --dry-run wins even over a -Dsplice.dry-run=false: it promises that nothing is written to the target
        Map<String, String> fromOptions = dryRun ? Map.of("splice.dry-run", "true") : Map.of();
        try (SpliceRuntime splice = SpliceRuntime.start(options.builder().layer("--dry-run", fromOptions).build())) {
            int status;
            try (ProgressLine progress = ProgressLine.start(splice)) {
                status = RunSummaries.print(splice.runMigration(tenant, parameters), System.out);
            } catch (TenantsNotStartedException e) {
                RunSummaries.print(e.completed(), System.out);
                System.out.println(e.getMessage());
                status = ExitStatus.FAILED;
            }
            if (serve) {
                System.out.println(splice.endpoints().isEmpty()
                        ? "Management endpoints and the operator API are off (set splice.management.users-file to turn "
                        + "them on)."
                        : "Listening on " + String.join(", ", splice.endpoints()));
                System.out.println("Splice keeps running (JMX, consumers); stop it with Ctrl-C or SIGTERM.");
                splice.serveUntilStopped();
            }
            return status;
        }
    }
}

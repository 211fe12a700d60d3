package io.splice.cli;

import java.util.List;
import java.util.concurrent.Callable;

import io.splice.runtime.SpliceRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Re-reads an entity's FAILED records from the source and migrates them; their BLOCKED children follow. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay an entity's FAILED records: re-read them from the source (after the legacy data was "
                + "fixed), map them with the current definition and send them. Records they BLOCKED are released "
                + "as soon as their parent is migrated.", ExitStatus.HELP})
public class ReplayCommand implements Callable<Integer> {

    @Option(names = "--entity", required = true, description = "The entity whose FAILED records to replay.")
    String entity;

    @Option(names = "--tenant", description = "The tenant (required when the migration has several).")
    String tenant;

    @Mixin
    RuntimeOptions options;

    @Override
    public Integer call() throws Exception {
        try (SpliceRuntime splice = SpliceRuntime.start(options.sources())) {
            return RunSummaries.print(List.of(splice.replay(tenant, entity)), System.out);
        }
    }
}

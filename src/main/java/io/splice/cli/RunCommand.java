package io.splice.cli;

import java.util.concurrent.Callable;

import io.splice.runtime.SpliceRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the configured migration once, for every tenant (or one). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the configured migration once, for every tenant side by side (or one), and print the "
                + "summaries. Exit status 0 if every tenant's run completed.")
public class RunCommand implements Callable<Integer> {

    @Option(names = "--tenant", description = "Run only this tenant.")
    String tenant;

    @Mixin
    RuntimeOptions options;

    @Override
    public Integer call() throws Exception {
        try (SpliceRuntime splice = SpliceRuntime.start(options.propertyFiles(), options.overrides())) {
            return RunSummaries.print(splice.runMigration(tenant), System.out);
        }
    }
}

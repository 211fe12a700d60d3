package io.splice.cli;

import java.util.concurrent.Callable;

import io.splice.report.CompletedRun;
import io.splice.report.SummaryPrinter;
import io.splice.runtime.SpliceRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the configured migration once. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the configured migration once and print its summary. Exit status 0 if the run completed.")
public class RunCommand implements Callable<Integer> {

    @Mixin
    RuntimeOptions options;

    @Override
    public Integer call() throws Exception {
        try (SpliceRuntime splice = SpliceRuntime.start(options.configFiles, options.overrides())) {
            CompletedRun run = splice.runMigration();
            SummaryPrinter.print(run.report(), run.reportFile(), System.out);
            return run.completed() ? 0 : 1;
        }
    }
}

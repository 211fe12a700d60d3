package io.splice.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar target/splice.jar <command>} */
@Command(name = "splice", mixinStandardHelpOptions = true, version = "Splice 0.1.0",
        description = "Moves a legacy relational database into a new system through its HTTP API.",
        subcommands = {DemoCommand.class, RunCommand.class, ReplayCommand.class, StatusCommand.class, ReportCommand.class,
                ValidateCommand.class, SandboxCommand.class, HashPasswordCommand.class,
                GenerateCommand.class})
public class SpliceCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SpliceCli()).setExecutionExceptionHandler(SpliceCli::report).execute(args));
    }

    // a failed start is an operator's problem to fix, not a stack trace to read: say what, where, and exit 2
    private static int report(Exception error, CommandLine commandLine, CommandLine.ParseResult parsed) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        commandLine.getErr().println("splice " + commandLine.getCommandName() + ": " + root.getMessage());
        if (root != error) {
            commandLine.getErr().println("  (" + error.getMessage() + ")");
        }
        if ("DEBUG".equalsIgnoreCase(System.getenv("SPLICE_LOG_LEVEL"))) {
            error.printStackTrace(commandLine.getErr());
        } else {
            commandLine.getErr().println("  (SPLICE_LOG_LEVEL=DEBUG shows the stack trace)");
        }
        return 2;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}

package io.splice.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar target/splice.jar <command>} */
@Command(name = "splice", mixinStandardHelpOptions = true, version = "Splice 0.1.0",
        description = "Moves a legacy relational database into a new system through its HTTP API.",
        subcommands = {DemoCommand.class, RunCommand.class, ReplayCommand.class, StatusCommand.class, ReportCommand.class,
                ValidateCommand.class, SandboxCommand.class, HashPasswordCommand.class,
                GenerateCommand.class})
public class SpliceCli implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SpliceCli()).setExecutionExceptionHandler(SpliceCli::report).execute(args));
    }

    // a failed start is an operator's problem to fix, not a stack trace to read: say what, where, and exit 2
    static int report(Exception error, CommandLine commandLine, CommandLine.ParseResult parsed) {
        if (error instanceof io.splice.runtime.SettingSources.ConfigNotFoundException) {
            // a typo in a path: the one line says all there is
            commandLine.getErr().println("splice " + commandLine.getCommandName() + ": " + error.getMessage());
            return ExitStatus.NOT_STARTED;
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        Throwable said = splices(error).orElse(root);
        commandLine.getErr().println("splice " + commandLine.getCommandName() + ": " + said.getMessage());
        if (said != error) {
            commandLine.getErr().println("  (" + error.getMessage() + ")");
        }
        if ("DEBUG".equalsIgnoreCase(System.getenv("SPLICE_LOG_LEVEL"))) {
            error.printStackTrace(commandLine.getErr());
        } else {
            commandLine.getErr().println("  (SPLICE_LOG_LEVEL=DEBUG shows the stack trace)");
        }
        return ExitStatus.NOT_STARTED;
    }

    /** The innermost exception Splice threw itself: its message names the setting or database (a driver's does not). */
    static java.util.Optional<Throwable> splices(Throwable error) {
        Throwable found = null;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            StackTraceElement[] trace = t.getStackTrace();
            if (trace.length > 0 && trace[0].getClassName().startsWith("io.splice.") && t.getMessage() != null) {
                found = t;
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    /** No command is a wrong command line too: the usage on stderr, exit 2. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("splice: name a command");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitStatus.NOT_STARTED;
    }
}

package io.splice.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar target/splice.jar <command>} */
@Command(name = "splice", mixinStandardHelpOptions = true, version = "Splice 0.1.0",
        description = "Moves a legacy relational database into a new system through its HTTP API.",
        subcommands = {DemoCommand.class, RunCommand.class, SandboxCommand.class})
public class SpliceCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SpliceCli()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}

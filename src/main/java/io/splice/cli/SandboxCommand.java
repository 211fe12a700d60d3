package io.splice.cli;

import picocli.CommandLine.Command;

/** Placeholder replaced below once the sandbox API is in. */
@Command(name = "sandbox")
public class SandboxCommand implements Runnable {
    @Override
    public void run() {
    }
}

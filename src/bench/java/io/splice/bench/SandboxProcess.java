package io.splice.bench;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The harness's handle on a {@link BenchSandbox} child: a fresh one per measurement, so no run sees another's records. */
final class SandboxProcess implements AutoCloseable {

    private final ChildProcess child;
    private final PrintWriter commands;
    private final InputStream answers;
    private final String baseUrl;

    private SandboxProcess(ChildProcess child) throws IOException {
        this.child = child;
        this.commands = new PrintWriter(child.process().getOutputStream(), true, StandardCharsets.UTF_8);
        this.answers = new BufferedInputStream(new FileInputStream(child.outputFile().toFile()));
        this.baseUrl = waitFor("READY ");
    }

    static SandboxProcess start(BenchContext context, String name, long latencyMillis) throws IOException {
        // its own heap: it keeps every record and request in memory (1M records need a few GB)
        List<String> jvm = List.of("-Xmx4g", "-cp", context.classpath());
        List<String> args = List.of(BenchSandbox.class.getName(), String.valueOf(latencyMillis), String.valueOf(context.options().sandboxThreads()));
        return new SandboxProcess(ChildProcess.start(context.logDir(), name + "-sandbox", jvm, args));
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Arrival times (System.nanoTime of the sandbox JVM) of every accepted POST, in arrival order. */
    long[] arrivals(Path file) throws IOException {
        commands.println("arrivals " + file.toAbsolutePath());
        waitFor("DONE");
        return Files.readAllLines(file).stream().mapToLong(Long::parseLong).toArray();
    }

    long records() throws IOException {
        commands.println("count");
        return Long.parseLong(waitFor("COUNT "));
    }

    /** Stops the sandbox and returns what its JVM used. */
    ChildProcess.Usage stop() throws IOException, InterruptedException {
        commands.println("stop");
        commands.close();
        return child.await(60);
    }

    @Override
    public void close() {
        if (child.process().isAlive()) {
            child.process().destroyForcibly();
        }
        try {
            answers.close();
        } catch (IOException ignored) {
            // only a log file
        }
    }

    // the child's stdout goes to a file (so it is kept); read it as it grows
    private String waitFor(String prefix) throws IOException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        StringBuilder partial = new StringBuilder();
        while (System.nanoTime() < deadline) {
            int c = answers.read();
            if (c < 0) {
                if (!child.process().isAlive()) {
                    throw new IllegalStateException("sandbox exited; see " + child.outputFile());
                }
                pause();
            } else if (c == '\n') {
                String line = partial.toString();
                partial.setLength(0);
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length()).trim();
                }
            } else {
                partial.append((char) c);
            }
        }
        throw new IllegalStateException("sandbox did not answer '" + prefix + "' within 60 s; see " + child.outputFile());
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

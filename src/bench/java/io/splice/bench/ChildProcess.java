package io.splice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A contender in its own JVM under {@code /usr/bin/time}, so its CPU-seconds and peak RSS are its own and nobody
 * else's (not the sandbox's, not PostgreSQL's, not this harness's).
 */
final class ChildProcess {

    private final Process process;
    private final Path statsFile;
    private final Path outputFile;
    private final long startedNanos = System.nanoTime();

    private ChildProcess(Process process, Path statsFile, Path outputFile) {
        this.process = process;
        this.statsFile = statsFile;
        this.outputFile = outputFile;
    }

    /** Starts {@code java <jvmOptions> <arguments>} under /usr/bin/time; stdout and stderr go to {@code <name>.out}. */
    static ChildProcess start(Path logDir, String name, List<String> jvmOptions, List<String> arguments) throws IOException {
        Files.createDirectories(logDir);
        Path stats = logDir.resolve(name + ".time");
        Path output = logDir.resolve(name + ".out");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", stats.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(arguments);
        Files.writeString(logDir.resolve(name + ".cmd"), String.join(" ", command) + "\n");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new ChildProcess(process, stats, output);
    }

    Process process() {
        return process;
    }

    Path outputFile() {
        return outputFile;
    }

    /** Waits for the exit and reads what /usr/bin/time measured; fails if the child failed or ran too long. */
    Usage await(long timeoutSeconds) throws IOException, InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException("child did not finish within " + timeoutSeconds + " s; see " + outputFile);
        }
        double wall = (System.nanoTime() - startedNanos) / 1e9;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("child exited with " + process.exitValue() + "; see " + outputFile);
        }
        return Usage.read(statsFile, wall);
    }

    /** The last line of the child's output that starts with {@code prefix}, without it. */
    String lastLine(String prefix) throws IOException {
        String found = null;
        for (String line : Files.readAllLines(outputFile)) {
            if (line.startsWith(prefix)) {
                found = line.substring(prefix.length()).trim();
            }
        }
        if (found == null) {
            throw new IllegalStateException("no line starting with '" + prefix + "' in " + outputFile);
        }
        return found;
    }

    /** What one child process cost: wall seconds, user+system CPU seconds, peak resident set in MB. */
    record Usage(double wallSeconds, double cpuSeconds, double peakRssMb) {

        static Usage read(Path statsFile, double measuredWall) throws IOException {
            List<String> lines = Files.readAllLines(statsFile);
            // time prefixes a line like "Command exited with non-zero status 1" when the child failed
            String[] parts = lines.get(lines.size() - 1).trim().split("\\s+");
            double user = Double.parseDouble(parts[1]);
            double system = Double.parseDouble(parts[2]);
            return new Usage(measuredWall, user + system, Long.parseLong(parts[3]) / 1024.0);
        }
    }
}

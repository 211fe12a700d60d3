package io.splice.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.ReceivedRequest;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;

/**
 * The sandbox target in its own JVM, driven over stdin: {@code arrivals FILE} writes the arrival time (nanoTime) of
 * every POST it answered 2xx, one per line; {@code count} prints how many records it holds; {@code stop} (or the end
 * of stdin) stops it. Usage: {@code BenchSandbox LATENCY_MILLIS THREADS}.
 */
public final class BenchSandbox {

    public static void main(String[] args) throws Exception {
        long latencyMillis = Long.parseLong(args[0]);
        int threads = Integer.parseInt(args[1]);
        SandboxOptions options = SandboxOptions.defaults().withThreads(threads)
                .withFaults(FaultSettings.none().withLatencyMillis(latencyMillis));
        try (SandboxTarget sandbox = SandboxTarget.start(options)) {
            System.out.println("READY " + sandbox.baseUrl());
            System.out.flush();
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = commands.readLine()) != null && !line.equals("stop")) {
                if (line.startsWith("arrivals ")) {
                    writeArrivals(sandbox, Path.of(line.substring("arrivals ".length())));
                    System.out.println("DONE");
                } else if (line.equals("count")) {
                    System.out.println("COUNT " + sandbox.records("items").size());
                }
                System.out.flush();
            }
        }
    }

    private static void writeArrivals(SandboxTarget sandbox, Path file) throws Exception {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            for (ReceivedRequest request : sandbox.requests()) {
                if (request.method().equals("POST") && request.status() / 100 == 2) {
                    out.println(request.arrivedNanos());
                }
            }
        }
    }
}

package io.splice.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The sandbox target on its own, e.g. for docker-compose or to point a configured run at. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run the sandbox target (a stand-in for the new system's API) until stopped with Ctrl-C.")
public class SandboxCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8089", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on; 0.0.0.0 in a container (default: ${DEFAULT-VALUE}).")
    String bindAddress;

    @Option(names = "--unavailable-rate", defaultValue = "0", description = "Fraction of requests answered 503.")
    double unavailableRate;

    @Option(names = "--rate-limit", defaultValue = "0", description = "Requests per second above which it answers 429 (0 = off).")
    int rateLimit;

    @Option(names = "--latency-millis", defaultValue = "0", description = "Added to every processed request.")
    long latencyMillis;

    @Option(names = "--planboard-job-millis", defaultValue = "0",
            description = "How long the planboard job each new project starts keeps running; planboards are refused with 409 meanwhile (default: ${DEFAULT-VALUE} = done at once).")
    long planboardJobMillis;

    @Option(names = "--token-file", description = "File holding the bearer token every request must carry.")
    Path tokenFile;

    @Override
    public Integer call() throws Exception {
        FaultSettings faults = FaultSettings.none().withUnavailableRate(unavailableRate)
                .withRateLimitPerSecond(rateLimit).withLatencyMillis(latencyMillis);
        SandboxOptions options = SandboxOptions.defaults().withPort(port).withFaults(faults).withBindAddress(bindAddress)
                .withPlanboardJobMillis(planboardJobMillis);
        if (tokenFile != null) {
            options = options.withBearerToken(Files.readString(tokenFile).trim());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (SandboxTarget sandbox = SandboxTarget.start(options)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            System.out.println("Sandbox target listening on " + sandbox.baseUrl() + " (Ctrl-C stops it)");
            stopped.await();
        }
        return 0;
    }
}

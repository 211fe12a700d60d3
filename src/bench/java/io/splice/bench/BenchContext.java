package io.splice.bench;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** What every contender needs: the options, the databases, where logs go and how to start a child JVM. */
record BenchContext(BenchOptions options, BenchDatabase databases, Path workRoot, String classpath, Path spliceJar,
                    AtomicInteger runs) {

    /** Numbers every run's logs in the order they ran: 01-B1-..., 02-B2-..., 03-splice-... */
    int nextRun() {
        return runs.incrementAndGet();
    }

    Path logDir() {
        return workRoot.resolve("logs");
    }
}

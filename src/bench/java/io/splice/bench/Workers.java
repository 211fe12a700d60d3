package io.splice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A contender's worker threads. A failed worker ends the process with status 1 at once: an exception out of main
 * left the pool's threads alive, the JVM did not exit, and the harness waited hours for it.
 */
final class Workers {

    private Workers() {
    }

    static void runAll(List<Callable<Void>> tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                running.add(pool.submit(task));
            }
            for (Future<Void> worker : running) {
                worker.get();
            }
        } catch (ExecutionException failed) {
            System.out.println("FAILED " + failed.getCause());
            failed.getCause().printStackTrace(System.out);
            System.exit(1);
        } finally {
            pool.shutdownNow();
        }
    }
}

package io.splice.ledger;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * MIGRATED outcomes of concurrent consumers, written in shared transactions (a group commit). A consumer that arrives
 * while another one writes waits for that transaction to end, then writes every outcome that arrived meanwhile in one
 * JDBC batch and one commit; alone, it writes at once. Each caller returns only when its own outcome is committed, so
 * a JMS message is still acknowledged after its outcome is durable. A record that releases BLOCKED children releases
 * them in the same transaction as its own row.
 */
public class MigratedOutcomes {

    private final Ledger ledger;
    private final Blocking blocking;
    private final TransactionTemplate transaction;
    private final Object lock = new Object();
    private List<Pending> waiting = new ArrayList<>();
    private boolean writing;

    public MigratedOutcomes(Ledger ledger, Blocking blocking, TransactionTemplate transaction) {
        this.ledger = ledger;
        this.blocking = blocking;
        this.transaction = transaction;
    }

    /**
     * @param releasesChildren the entity is a parent of others: its BLOCKED children become QUEUED for its run
     * @param requestBody      what was sent, kept for the reconciliation's read-back (a sample); null otherwise
     */
    public record Migrated(RecordKey key, String runId, String targetId, Integer httpStatus, int attempts,
                           String requestBody, boolean releasesChildren) {
    }

    /** Records the outcome and returns once it is committed: how many children it released (to send). */
    public int record(Migrated outcome) {
        Pending mine = new Pending(outcome);
        List<Pending> batch;
        synchronized (lock) {
            waiting.add(mine);
            awaitTurn(mine);
            if (mine.done) {
                return mine.result();
            }
            writing = true;
            batch = waiting;
            waiting = new ArrayList<>();
        }
        try {
            write(batch);
        } finally {
            synchronized (lock) {
                // an Error on the way: nobody of this batch may take its outcome for written
                batch.stream().filter(pending -> !pending.done).forEach(pending -> {
                    pending.error = new IllegalStateException("The ledger write of " + pending.outcome.key() + " broke off");
                    pending.done = true;
                });
                writing = false;
                lock.notifyAll();
            }
        }
        return mine.result();
    }

    // the wait is bounded by one ledger transaction, so an interrupt is kept for later rather than obeyed
    private void awaitTurn(Pending mine) {
        boolean interrupted = false;
        while (writing && !mine.done) {
            try {
                lock.wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(List<Pending> batch) {
        try {
            commit(batch);
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                finish(batch.get(0), 0, batchFailed);
                return;
            }
            // one record's bad value must not fail the others: each alone, in its own transaction
            for (Pending one : batch) {
                try {
                    commit(List.of(one));
                } catch (RuntimeException failed) {
                    finish(one, 0, failed);
                }
            }
        }
    }

    private void commit(List<Pending> batch) {
        List<Migrated> outcomes = batch.stream().map(pending -> pending.outcome).toList();
        int[] released = transaction.execute(status -> {
            int[] updated = ledger.recordMigrated(outcomes);
            int[] children = new int[updated.length];
            for (int i = 0; i < updated.length; i++) {
                Migrated outcome = outcomes.get(i);
                // a driver may not count a batch's rows (SUCCESS_NO_INFO): then the row is taken as there
                if (updated[i] != 1 && updated[i] != Statement.SUCCESS_NO_INFO) {
                    children[i] = -1;
                } else if (outcome.releasesChildren()) {
                    children[i] = blocking.releaseChildren(outcome.key().tenant(), outcome.key().entity(),
                            outcome.key().sourceKey(), outcome.runId());
                }
            }
            return children;
        });
        for (int i = 0; i < batch.size(); i++) {
            // the extract queues every record before sending it, so a missing row means a foreign message
            finish(batch.get(i), Math.max(released[i], 0), released[i] < 0 ? new IllegalStateException(
                    "Ledger has no row for " + outcomes.get(i).key() + "; was it queued by Splice?") : null);
        }
    }

    private void finish(Pending pending, int released, RuntimeException error) {
        synchronized (lock) {
            pending.released = released;
            pending.error = error;
            pending.done = true;
        }
    }

    private static final class Pending {
        private final Migrated outcome;
        private boolean done;
        private int released;
        private RuntimeException error;

        private Pending(Migrated outcome) {
            this.outcome = outcome;
        }

        private int result() {
            if (error != null) {
                throw error;
            }
            return released;
        }
    }
}

package io.splice.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.splice.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The consumers' group commit of MIGRATED outcomes, on a real PostgreSQL ledger. */
class MigratedOutcomesTest {

    private static final String TENANT = "t1";
    private static final String RUN = "run-1";

    private TestDatabase database;
    private DataSource ledgerDb;
    private Ledger ledger;
    private MigratedOutcomes outcomes;
    private JdbcTemplate sql;

    @BeforeEach
    void ledger() throws Exception {
        database = TestDatabase.create("outcomes");
        ledgerDb = database.dataSource();
        LedgerSchema.migrate(ledgerDb);
        ledger = new Ledger(ledgerDb);
        Blocking blocking = new Blocking(ledgerDb);
        outcomes = new MigratedOutcomes(ledger, blocking, new TransactionTemplate(new DataSourceTransactionManager(ledgerDb)));
        sql = new JdbcTemplate(ledgerDb);
    }

    @AfterEach
    void drop() throws Exception {
        database.close();
    }

    @Test
    void outcomesOfManyConsumersAtOnceAreAllCommittedWithTheirOwnTargetIds() throws Exception {
        // given 400 queued records
        queue("items", 400);

        // when 16 threads record them MIGRATED at the same time
        List<Integer> released = recordConcurrently(16, 400, i -> migrated("items", i, "T-" + i, false));

        // then every record is MIGRATED with its own target id, and nobody released anything
        assertThat(released).hasSize(400).containsOnly(0);
        assertThat(sql.queryForList("select source_key || '=' || target_id from splice_record where status = 'MIGRATED'",
                String.class)).hasSize(400).contains("0=T-0", "17=T-17", "399=T-399");
        assertThat(sql.queryForObject("select count(*) from splice_record where status <> 'MIGRATED'", Long.class))
                .isZero();
    }

    @Test
    void outcomesThatArriveWhileAnotherIsWrittenShareTheNextTransaction() throws Exception {
        // given 10 queued records, and a ledger whose first transaction waits at a gate
        queue("items", 10);
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger transactions = new AtomicInteger();
        AtomicBoolean armed = new AtomicBoolean();
        DataSource gated = new DelegatingDataSource(ledgerDb) {
            @Override
            public Connection getConnection() throws SQLException {
                if (armed.get() && transactions.incrementAndGet() == 1) {
                    awaitGate(gate);
                }
                return super.getConnection();
            }
        };
        MigratedOutcomes grouped = new MigratedOutcomes(new Ledger(gated), new Blocking(gated),
                new TransactionTemplate(new DataSourceTransactionManager(gated)));
        armed.set(true);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            // when one consumer's write is held at the gate while 9 others record their outcomes
            List<Future<Integer>> results = new ArrayList<>();
            results.add(pool.submit(() -> grouped.record(migrated("items", 0, "T-0", false))));
            await().until(() -> transactions.get() == 1);
            for (int i = 1; i < 10; i++) {
                int n = i;
                results.add(pool.submit(() -> grouped.record(migrated("items", n, "T-" + n, false))));
            }
            await().until(() -> sql.queryForObject("select count(*) from splice_record where status = 'MIGRATED'",
                    Long.class) == 0 && threadsWaitingForTheirTurn() == 9);
            gate.countDown();
            for (Future<Integer> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }

        // then the 9 were written together: two transactions for 10 outcomes, all of them MIGRATED
        assertThat(transactions.get()).isEqualTo(2);
        assertThat(sql.queryForObject("select count(*) from splice_record where status = 'MIGRATED'", Long.class))
                .isEqualTo(10);
    }

    @Test
    void aBadValueFailsOnlyItsOwnRecordAndAMissingRowIsNamed() throws Exception {
        // given 100 queued records
        queue("items", 100);

        // when they are recorded at once, one with a target id longer than the ledger's column and one not queued
        List<Object> results = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 101; i++) {
                int n = i;
                String targetId = n == 42 ? "x".repeat(500) : "T-" + n;
                futures.add(threads.submit(() -> outcomes.record(migrated("items", n, targetId, false))));
            }
            for (Future<Integer> future : futures) {
                try {
                    results.add(future.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    results.add(e.getCause());
                }
            }
        } finally {
            threads.shutdownNow();
        }

        // then those two fail, each with its own error, and the other 99 are MIGRATED
        assertThat(results.get(42)).isInstanceOf(RuntimeException.class);
        assertThat((Throwable) results.get(100)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Ledger has no row for items 100 (tenant t1); was it queued by Splice?");
        assertThat(results.stream().filter(Integer.class::isInstance)).hasSize(99);
        assertThat(sql.queryForObject("select count(*) from splice_record where status = 'MIGRATED'", Long.class))
                .isEqualTo(99);
        assertThat(sql.queryForObject("select status from splice_record where source_key = '42'", String.class))
                .isEqualTo("QUEUED");
    }

    @Test
    void aParentReleasesItsBlockedChildrenInItsOwnTransaction() throws Exception {
        // given a parent queued and two children blocked by it
        queue("customers", 1);
        sql.update("insert into splice_record (tenant, entity, source_key, group_key, status, run_id, attempts, "
                + "updated_at, blocked_by_entity, blocked_by_key) values "
                + "(?, 'orders', 'o1', 'g', 'BLOCKED', 'old', 0, now(), 'customers', '0'), "
                + "(?, 'orders', 'o2', 'g', 'BLOCKED', 'old', 0, now(), 'customers', '0')", TENANT, TENANT);

        // when the parent is recorded MIGRATED
        int released = outcomes.record(migrated("customers", 0, "C-0", true));

        // then both children are QUEUED for the parent's run
        assertThat(released).isEqualTo(2);
        assertThat(sql.queryForList("select source_key || ':' || status || ':' || run_id from splice_record "
                + "where entity = 'orders' order by source_key", String.class))
                .containsExactly("o1:QUEUED:" + RUN, "o2:QUEUED:" + RUN);
    }

    @Test
    void aConsumerAloneWritesAtOnce() {
        // given one queued record; when it is recorded, then it is MIGRATED before record returns
        queue("items", 1);
        assertThat(outcomes.record(migrated("items", 0, "T-0", false))).isZero();
        assertThat(sql.queryForObject("select target_id from splice_record where source_key = '0'", String.class))
                .isEqualTo("T-0");
        assertThatThrownBy(() -> outcomes.record(migrated("items", 7, "T-7", false)))
                .hasMessageContaining("Ledger has no row for items 7");
    }

    private static void awaitGate(CountDownLatch gate) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // threads parked in MigratedOutcomes while another one's transaction is written
    private static long threadsWaitingForTheirTurn() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getState() == Thread.State.WAITING)
                .filter(thread -> java.util.Arrays.stream(thread.getValue()).anyMatch(frame ->
                        frame.getClassName().equals(MigratedOutcomes.class.getName())
                                && frame.getMethodName().equals("awaitTurn")))
                .count();
    }

    private void queue(String entity, int records) {
        Map<String, String> groups = new LinkedHashMap<>();
        for (int i = 0; i < records; i++) {
            groups.put(String.valueOf(i), "g" + i % 8);
        }
        ledger.markQueued(TENANT, entity, RUN, groups);
    }

    private static MigratedOutcomes.Migrated migrated(String entity, int key, String targetId, boolean parent) {
        return new MigratedOutcomes.Migrated(new RecordKey(TENANT, entity, String.valueOf(key)), RUN, targetId, 201, 1,
                null, parent);
    }

    private List<Integer> recordConcurrently(int threads, int records,
                                             java.util.function.IntFunction<MigratedOutcomes.Migrated> outcome)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                int n = i;
                calls.add(() -> outcomes.record(outcome.apply(n)));
            }
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

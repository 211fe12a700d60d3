package io.splice.testing;

import java.util.ArrayDeque;
import java.util.Deque;

/** A test's own source and ledger databases, plus whatever it started; closed in reverse order, databases last. */
public final class TestStack implements AutoCloseable {

    private final TestDatabase source;
    private final TestDatabase ledger;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    private TestStack(TestDatabase source, TestDatabase ledger) {
        this.source = source;
        this.ledger = ledger;
    }

    public static TestStack create() throws Exception {
        return new TestStack(TestDatabase.create("src"), TestDatabase.create("ledger"));
    }

    public TestDatabase source() {
        return source;
    }

    public TestDatabase ledger() {
        return ledger;
    }

    public <T extends AutoCloseable> T started(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public void close() throws Exception {
        while (!started.isEmpty()) {
            started.pop().close();
        }
        source.close();
        ledger.close();
    }
}

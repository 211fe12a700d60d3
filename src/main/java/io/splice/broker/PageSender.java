package io.splice.broker;

import io.splice.record.Keys;
import io.splice.record.LazyProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an extracted page to the broker (route send-page, one JMS transaction) and, while the broker is away (a
 * restart, a failover), sends it again: 1 s apart, doubling up to 10 s, {@code retries} times (about 5 minutes with
 * 30). The page's records were marked QUEUED before; a record that reaches the broker twice is skipped by its
 * consumer's ledger check. A loop here rather than Camel redelivery: the extract's doTry would switch that off.
 * <p>
 * Before a page goes out, the extract waits while the entity's queue holds more than {@code maxQueued} messages: it
 * stays ahead of its consumers by a bounded backlog. Unbounded, a fast extract filled the address past broker.xml's
 * max-size-bytes, Artemis paged it to disk, and the paging queue then delivered one page (200 records) every 0.8 s
 * for the rest of the run (issue 7's benchmark: 250 instead of ~1,500 records/s).
 */
public class PageSender {

    private static final Logger LOG = LoggerFactory.getLogger(PageSender.class);
    private static final long FIRST_PAUSE_MILLIS = 1_000;
    private static final long MAX_PAUSE_MILLIS = 10_000;

    private static final long BACKLOG_PAUSE_MILLIS = 50;

    private final CamelContext context;
    private final int retries;
    private final QueueDepths depths;
    private final Queues queues;
    private final long maxQueued;
    private final LazyProducer producer;

    /** @param depths the broker's queue depths; the entity's is asked afresh before every page */
    public PageSender(CamelContext context, int retries, QueueDepths depths, Queues queues, long maxQueued) {
        this.context = context;
        this.producer = new LazyProducer(context);
        this.retries = retries;
        this.depths = depths;
        this.queues = queues;
        this.maxQueued = maxQueued;
    }

    // Exchange: each attempt sends a copy of it through direct:send-page
    public void send(Exchange exchange) throws Exception {
        awaitRoom(queues.entity(exchange.getProperty(Keys.ENTITY, String.class)));
        long pause = FIRST_PAUSE_MILLIS;
        for (int attempt = 0; ; attempt++) {
            Exchange page = exchange.copy();
            if (attempt > 0) {
                // the failed attempt may have reached the broker after all: its records may come twice
                page.setProperty(Keys.PAGE_RESENT, true);
            }
            producer.get().send("direct:send-page", page);
            Exception failure = page.getException();
            if (failure == null) {
                return;
            }
            if (attempt >= retries || !context.isStarted() || context.isStopping()) {
                throw failure;
            }
            LOG.warn("A page of {} could not be sent to the broker ({}); sending it again in {} ms ({} of {})",
                    exchange.getProperty(Keys.ENTITY), rootMessage(failure), pause, attempt + 1, retries);
            Thread.sleep(pause);
            pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
        }
    }

    // -1: the broker cannot be asked just now; then the page goes out, and its send deals with the broker's absence
    private void awaitRoom(String queue) throws InterruptedException {
        while (depths.currentDepth(queue) > maxQueued && context.isStarted() && !context.isStopping()) {
            Thread.sleep(BACKLOG_PAUSE_MILLIS);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}

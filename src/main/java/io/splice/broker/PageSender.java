package io.splice.broker;

import io.splice.pipeline.Keys;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an extracted page to the broker (route send-page, one JMS transaction) and, while the broker is away (a
 * restart, a failover), sends it again: 1 s apart, doubling up to 10 s, {@code retries} times (about 5 minutes with
 * 30). The page's records were marked QUEUED before; a record that reaches the broker twice is skipped by its
 * consumer's ledger check. A loop here rather than Camel redelivery: the extract's doTry would switch that off.
 */
public class PageSender {

    private static final Logger LOG = LoggerFactory.getLogger(PageSender.class);
    private static final long FIRST_PAUSE_MILLIS = 1_000;
    private static final long MAX_PAUSE_MILLIS = 10_000;

    private final CamelContext context;
    private final int retries;
    private volatile ProducerTemplate producer;

    public PageSender(CamelContext context, int retries) {
        this.context = context;
        this.retries = retries;
    }

    public void send(Exchange exchange) throws Exception {
        long pause = FIRST_PAUSE_MILLIS;
        for (int attempt = 0; ; attempt++) {
            Exchange page = exchange.copy();
            if (attempt > 0) {
                // the failed attempt may have reached the broker after all: its records may come twice
                page.setProperty(Keys.PAGE_RESENT, true);
            }
            producer().send("direct:send-page", page);
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

    private ProducerTemplate producer() {
        ProducerTemplate found = producer;
        if (found == null) {
            found = context.createProducerTemplate();
            producer = found;
        }
        return found;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}

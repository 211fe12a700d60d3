package io.splice.broker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import io.splice.record.Keys;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PageSender, without Camel Main or a broker: a plain context whose direct:send-page stands for the broker (failing as
 * often as a test says), and queue depths given by the test.
 */
class PageSenderTest {

    private final CamelContext context = new DefaultCamelContext();
    // what direct:send-page received: for each attempt, whether it was marked as sent again
    private final List<Boolean> attempts = new ArrayList<>();
    private int failuresLeft;

    @BeforeEach
    void setUp() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send-page").process(exchange -> {
                    attempts.add(exchange.getProperty(Keys.PAGE_RESENT, false, Boolean.class));
                    if (failuresLeft-- > 0) {
                        throw new IllegalStateException("AMQ219010: Connection is destroyed");
                    }
                });
            }
        });
        context.start();
    }

    @AfterEach
    void tearDown() {
        context.stop();
    }

    @Test
    void aPageTheBrokerTakesIsSentOnce() throws Exception {
        Exchange page = page();

        sender(3, new GivenDepths(0)).send(page);

        assertThat(attempts).containsExactly(false);
        assertThat(page.getException()).isNull();
        assertThat(page.getProperty(Keys.PAGE_RESENT)).isNull();
    }

    @Test
    void aPageTheBrokerRefusedIsSentAgainMarkedSoItsRecordsAreLookedUp() throws Exception {
        failuresLeft = 1;

        sender(3, new GivenDepths(0)).send(page());

        assertThat(attempts).containsExactly(false, true);
    }

    @Test
    void whenItsRetriesAreSpentTheBrokersFailureEndsTheExtract() {
        failuresLeft = Integer.MAX_VALUE;

        assertThatThrownBy(() -> sender(1, new GivenDepths(0)).send(page()))
                .isInstanceOf(IllegalStateException.class).hasMessage("AMQ219010: Connection is destroyed");
        assertThat(attempts).containsExactly(false, true);
    }

    @Test
    void thePageWaitsWhileTheEntitysQueueHoldsMoreThanTheBacklog() throws Exception {
        GivenDepths depths = new GivenDepths(12, 11, 10);

        sender(3, depths).send(page());

        // asked until the queue was down to maxQueued (10), of the entity's queue only
        assertThat(depths.asked).containsExactly("splice.items", "splice.items", "splice.items");
        assertThat(attempts).containsExactly(false);
    }

    @Test
    void aBrokerThatCannotBeAskedForDepthsDoesNotHoldThePage() throws Exception {
        sender(3, new GivenDepths(-1)).send(page());

        assertThat(attempts).containsExactly(false);
    }

    private PageSender sender(int retries, QueueDepths depths) {
        return new PageSender(context, retries, depths, Queues.MIGRATION, 10);
    }

    private Exchange page() {
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty(Keys.ENTITY, "items");
        exchange.getMessage().setBody(List.of(Map.of("id", 1)));
        return exchange;
    }

    /** Queue depths answered from a list, the last one for ever; remembers which queue was asked. */
    private static final class GivenDepths extends QueueDepths {

        private final Deque<Long> depths = new ArrayDeque<>();
        private final List<String> asked = new ArrayList<>();

        GivenDepths(long... depths) {
            super(null, List.of(), 0);
            for (long depth : depths) {
                this.depths.add(depth);
            }
        }

        @Override
        public synchronized long currentDepth(String queue) {
            asked.add(queue);
            return depths.size() > 1 ? depths.poll() : depths.peek();
        }
    }
}

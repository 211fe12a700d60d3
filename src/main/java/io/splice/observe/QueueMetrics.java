package io.splice.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.splice.broker.QueueDepths;

/**
 * {@code splice_queue_messages{queue}}: what waits on the broker, per entity queue (splice.&lt;entity&gt;) and dead-letter
 * queue (DLQ.splice.&lt;entity&gt;); -1 while the broker cannot be asked.
 */
public final class QueueMetrics {

    private QueueMetrics() {
    }

    public static void register(MeterRegistry meters, QueueDepths depths) {
        for (String queue : depths.queues()) {
            Gauge.builder("splice.queue.messages", depths, d -> d.depth(queue))
                    .description("Messages held by the broker in a Splice queue")
                    .tag("queue", queue).register(meters);
        }
    }
}

package io.splice.runtime;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.splice.broker.BrokerConnections;
import io.splice.broker.DeadLetterQueue;
import io.splice.broker.PageSender;
import io.splice.broker.QueueDepths;
import io.splice.broker.Queues;
import io.splice.definition.CompiledEntity;
import io.splice.definition.CompiledMigration;

/**
 * The queues, the broker's connection factories (the embedded broker starts here), queue depths, the page sender
 * and the dead-letter queues. Binds queues, jmsConsumerConnectionFactory, jmsProducerConnectionFactory,
 * jmsPageTransaction, pageSender and deadLetterQueue.
 */
final class BrokerConfiguration {

    private static final long QUEUE_DEPTHS_MAX_AGE_MILLIS = 2_000;

    /** What the health checks, the metrics and the dead-letter workbench use of the broker. */
    record Messaging(Queues queues, BrokerConnections connections, QueueDepths depths, DeadLetterQueue deadLetters) {
    }

    private BrokerConfiguration() {
    }

    static Messaging open(Composition c, CompiledMigration migration) throws Exception {
        Settings settings = c.settings();
        Queues queues = c.bind("queues", Queues.of(settings.dryRun()));
        BrokerConnections broker = c.shutdown().register(BrokerConnections.open(settings.broker(), settings.workDir(),
                migration.entities().stream()
                .collect(Collectors.toMap(entity -> queues.entity(entity.name()), CompiledEntity::concurrency))));
        c.bind("jmsConsumerConnectionFactory", broker.consumerConnectionFactory());
        c.bind("jmsProducerConnectionFactory", broker.producerConnectionFactory());
        c.bind("jmsPageTransaction", broker.pageTransactionPolicy());
        // one connection for every question about queue depths: the metrics' (kept 2 s) and the extract's (asked afresh)
        QueueDepths queueDepths = c.shutdown().register(new QueueDepths(broker.questionConnectionFactory(),
                migration.entities().stream().flatMap(entity -> Stream.of(queues.entity(entity.name()),
                        queues.deadLetters(entity.name()))).toList(), QUEUE_DEPTHS_MAX_AGE_MILLIS));
        c.bind("pageSender", new PageSender(c.context(), settings.broker().sendRetries(), queueDepths, queues,
                settings.extract().maxQueued()));
        DeadLetterQueue deadLetters = c.bind("deadLetterQueue",
                new DeadLetterQueue(broker.consumerConnectionFactory(), queues));
        return new Messaging(queues, broker, queueDepths, deadLetters);
    }
}

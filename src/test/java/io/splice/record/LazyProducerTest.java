package io.splice.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** A bean's sends share one template: a template per send (as the operator API made) kept a thread pool each. */
class LazyProducerTest {

    @Test
    void everySendOfABeanUsesTheSameTemplateMadeOnFirstUse() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            LazyProducer producer = new LazyProducer(camel);
            ProducerTemplate first = producer.get();
            int services = camel.getCamelContextExtension().getServices().size();

            // when eight threads ask for it at once, a hundred times
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Callable<ProducerTemplate>> asks = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                asks.add(producer::get);
            }
            List<ProducerTemplate> templates = new ArrayList<>();
            for (Future<ProducerTemplate> template : threads.invokeAll(asks)) {
                templates.add(template.get());
            }
            threads.shutdown();

            // then there is one template, and nothing more registered with Camel than the first ask did
            assertThat(templates).allSatisfy(template -> assertThat(template).isSameAs(first));
            assertThat(camel.getCamelContextExtension().getServices()).hasSize(services);
        }
    }
}

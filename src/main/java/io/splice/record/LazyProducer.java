package io.splice.record;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * One ProducerTemplate for a bean's sends, made on first use (Camel has started by then) and kept: a template made
 * per send keeps its thread pool until Camel stops.
 */
public final class LazyProducer {

    private final CamelContext context;
    private volatile ProducerTemplate template;

    public LazyProducer(CamelContext context) {
        this.context = context;
    }

    public ProducerTemplate get() {
        ProducerTemplate found = template;
        if (found == null) {
            synchronized (this) {
                found = template;
                if (found == null) {
                    found = context.createProducerTemplate();
                    template = found;
                }
            }
        }
        return found;
    }
}

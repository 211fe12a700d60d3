package io.splice.record;

import org.apache.camel.Exchange;

/** The record a load route's exchange carries, as IncomingRecord identified it (its properties, see {@link Keys}). */
public final class RecordContext {

    private RecordContext() {
    }

    public static RecordKey keyOf(Exchange exchange) {
        return new RecordKey(exchange.getProperty(Keys.TENANT, String.class),
                exchange.getProperty(Keys.ENTITY, String.class), exchange.getProperty(Keys.SOURCE_KEY, String.class));
    }
}

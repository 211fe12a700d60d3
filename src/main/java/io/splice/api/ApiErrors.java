package io.splice.api;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The API's error answer: {"status", "message"}; an unexpected error says only its class (the log has the rest). */
public class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    public Answers.Error answer(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (error instanceof ApiException api) {
            return new Answers.Error(api.status(), api.getMessage());
        }
        LOG.error("The operator API failed on {} {}", exchange.getMessage().getHeader(Exchange.HTTP_METHOD),
                exchange.getMessage().getHeader(Exchange.HTTP_URI), error);
        return new Answers.Error(500, (error == null ? "unknown error" : error.getClass().getSimpleName())
                + " (see Splice's log)");
    }

    public int status(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return error instanceof ApiException api ? api.status() : 500;
    }
}

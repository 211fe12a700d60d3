package io.splice.api;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;

/** The API's error answer: {"error": status, "reason": what is wrong}; internal errors say only their class. */
public class ApiErrors {

    private final ObjectMapper json;

    public ApiErrors(ObjectMapper json) {
        this.json = json;
    }

    public String answer(Exchange exchange) throws JsonProcessingException {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (error instanceof ApiException api) {
            return json.writeValueAsString(Map.of("error", api.status(), "reason", api.getMessage()));
        }
        return json.writeValueAsString(Map.of("error", 500, "reason",
                error == null ? "unknown" : error.getClass().getSimpleName() + " (see Splice's log)"));
    }
}

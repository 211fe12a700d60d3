package io.splice.pipeline;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Turns one source row into the JMS message for splice.&lt;entity&gt;: the row as JSON plus who it is. */
public class RecordMessage {

    private final ObjectMapper json;

    public RecordMessage(ObjectMapper json) {
        this.json = json;
    }

    @SuppressWarnings("unchecked")
    public void prepare(Exchange exchange) throws JsonProcessingException {
        Message message = exchange.getMessage();
        Map<String, Object> row = message.getBody(Map.class);
        String entity = exchange.getProperty(Keys.ENTITY, String.class);
        Object key = PageFilter.column(row, exchange.getProperty(Keys.KEY_COLUMN, String.class), entity);
        Object group = PageFilter.column(row, exchange.getProperty(Keys.GROUP_COLUMN, String.class), entity);
        message.setHeader(Keys.JMS_TENANT, exchange.getProperty(Keys.TENANT, String.class));
        message.setHeader(Keys.JMS_ENTITY, entity);
        message.setHeader(Keys.JMS_RUN_ID, exchange.getProperty(Keys.RUN_ID, String.class));
        message.setHeader(Keys.JMS_SOURCE_KEY, String.valueOf(key));
        // a String, always: Artemis keys its group map by the property's value
        message.setHeader(Keys.JMS_GROUP, String.valueOf(group));
        message.setHeader(Keys.JMS_DESTINATION, "splice." + entity);
        message.setBody(json.writeValueAsString(row));
    }
}

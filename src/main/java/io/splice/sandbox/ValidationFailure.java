package io.splice.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The first rule a posted record broke.
 *
 * @param field  the field the rule is about
 * @param reason stable text without the offending value, so failures can be grouped by field and reason
 * @param value  the offending value; null when the field was missing or JSON null
 */
public record ValidationFailure(String field, String reason, JsonNode value) {
}

package io.splice.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/** Reads a request body that must be one JSON object; anything else (arrays, scalars, trailing tokens) is empty. */
final class JsonObjectReader {

    static final String NOT_AN_OBJECT = "body is not a JSON object";

    private final ObjectMapper mapper;

    JsonObjectReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Optional<JsonNode> read(String body) {
        try {
            JsonNode node = mapper.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}

package io.splice.api;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Reads a request body into its record, strictly: unknown fields, wrong types, fractions for whole numbers, numbers
 * out of range and malformed JSON are an {@link ApiException} 400 naming the field; a body over
 * {@link ApiLimits#MAX_BODY_BYTES} is a 413. Then the record's declared bounds ({@code @Schema}) are checked.
 */
public class ApiRequests {

    private final ObjectMapper json = strict();

    /** Jackson as the API reads requests: nothing guessed, nothing coerced, nothing ignored. */
    static ObjectMapper strict() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        // "5" is not a number, 5 is not a text, "" is not a value
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper;
    }

    /** An empty body is {}: a record whose fields are all optional accepts it. */
    public <T extends Record> T read(String body, Class<T> type) {
        String text = body == null || body.isBlank() ? "{}" : body;
        if (text.getBytes(StandardCharsets.UTF_8).length > ApiLimits.MAX_BODY_BYTES) {
            throw new ApiException(413, "the body is larger than " + ApiLimits.MAX_BODY_BYTES + " bytes");
        }
        T request;
        try {
            request = json.readValue(text, type);
        } catch (UnrecognizedPropertyException e) {
            throw new ApiException(400, "unknown field '" + e.getPropertyName() + "' (fields: " + fields(type) + ")");
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw new ApiException(400, (field.isEmpty() ? "the body" : field) + ": " + expected(type, field));
        } catch (InputCoercionException e) {
            // a number beyond int or long: Jackson refuses it (no wrap); the field is where the parser stood
            throw new ApiException(400, currentName(e) + ": " + expected(type, currentName(e)));
        } catch (JsonParseException e) {
            throw new ApiException(400, "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + (currentName(e).isEmpty() ? "" : " (field " + currentName(e) + ")")
                    + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "malformed JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        check(request);
        return request;
    }

    /** The declared bounds of every field: required, minimum, maximum, maxLength, maxItems. */
    static void check(Record request) {
        for (RecordComponent component : request.getClass().getRecordComponents()) {
            Object value = value(request, component);
            String name = component.getName();
            Schema schema = component.getAccessor().getAnnotation(Schema.class);
            ArraySchema array = component.getAccessor().getAnnotation(ArraySchema.class);
            if (value == null) {
                if (schema != null && schema.requiredMode() == Schema.RequiredMode.REQUIRED) {
                    throw new ApiException(400, name + ": required (" + rule(component) + ")");
                }
                continue;
            }
            if (value instanceof Number number && schema != null) {
                long n = number.longValue();
                if (!schema.minimum().isEmpty() && n < Long.parseLong(schema.minimum())
                        || !schema.maximum().isEmpty() && n > Long.parseLong(schema.maximum())) {
                    throw new ApiException(400, name + ": must be " + rule(component) + ", was " + n);
                }
            } else if (value instanceof String text && schema != null && text.length() > schema.maxLength()) {
                throw new ApiException(400, name + ": at most " + schema.maxLength() + " characters, was " + text.length());
            } else if (value instanceof Collection<?> list && array != null) {
                if (list.size() > array.maxItems()) {
                    throw new ApiException(400, name + ": at most " + array.maxItems() + " entries, was " + list.size());
                }
                for (Object item : list) {
                    if (item == null || String.valueOf(item).length() > array.schema().maxLength()) {
                        throw new ApiException(400, name + ": entries are texts of 1 to " + array.schema().maxLength()
                                + " characters");
                    }
                }
            } else if (value instanceof Map<?, ?> map && map.size() > ApiLimits.MAX_PARAMETERS) {
                throw new ApiException(400, name + ": at most " + ApiLimits.MAX_PARAMETERS + " entries, was " + map.size());
            }
        }
    }

    // what a field takes, as an error says it
    private static String expected(Class<? extends Record> type, String field) {
        return Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(field)).findFirst()
                .map(ApiRequests::rule).orElse("not of the expected type");
    }

    private static String rule(RecordComponent component) {
        Schema schema = component.getAccessor().getAnnotation(Schema.class);
        Class<?> type = component.getType();
        if (type == Integer.class || type == Long.class) {
            return "a whole number from " + (schema == null || schema.minimum().isEmpty() ? "0" : schema.minimum())
                    + " to " + (schema == null || schema.maximum().isEmpty() ? Integer.MAX_VALUE : schema.maximum());
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text of at most " + (schema == null ? ApiLimits.MAX_NAME : schema.maxLength()) + " characters";
        }
        if (Collection.class.isAssignableFrom(type)) {
            ArraySchema array = component.getAccessor().getAnnotation(ArraySchema.class);
            return "a list of texts" + (array == null ? "" : ", at most " + array.maxItems());
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object of texts by name, at most " + ApiLimits.MAX_PARAMETERS;
        }
        return "a " + type.getSimpleName();
    }

    private static String fields(Class<? extends Record> type) {
        String names = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.joining(", "));
        return names.isEmpty() ? "none" : names;
    }

    private static Object value(Record request, RecordComponent component) {
        try {
            return component.getAccessor().invoke(request);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String currentName(JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonParser parser) {
            try {
                String name = parser.currentName();
                return name == null ? "" : name;
            } catch (Exception ignored) {
                return "";
            }
        }
        return "";
    }
}

package io.splice.definition;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A run's parameters: the plan's defaults, overridden by what the run was started with, converted to their types. */
public final class PlanParameters {

    private PlanParameters() {
    }

    /** @throws IllegalArgumentException naming the parameter and what it expects */
    public static Map<String, Object> resolve(PlanDefinition plan, Map<String, String> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : given.keySet()) {
            if (!plan.parameters().containsKey(name)) {
                throw new IllegalArgumentException("Unknown plan parameter '" + name + "' (parameters: "
                        + String.join(", ", plan.parameters().keySet()) + ")");
            }
        }
        plan.parameters().forEach((name, parameter) -> {
            Object raw = given.containsKey(name) ? given.get(name) : parameter.defaultValue();
            try {
                values.put(name, raw == null ? null : convert(parameter.type(), raw));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Plan parameter " + name + ": " + e.getMessage());
            }
        });
        return values;
    }

    static Object convert(String type, Object value) {
        String text = String.valueOf(value).trim();
        switch (type) {
            case "boolean":
                if (value instanceof Boolean) {
                    return value;
                }
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                    return Boolean.valueOf(text.toLowerCase(Locale.ROOT));
                }
                throw new IllegalArgumentException("must be true or false, was '" + text + "'");
            case "integer":
                try {
                    return Long.valueOf(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be a whole number, was '" + text + "'");
                }
            case "number":
                try {
                    return Double.valueOf(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be a number, was '" + text + "'");
                }
            default:
                return text;
        }
    }
}

package io.splice.mapping;

import java.util.List;
import java.util.Map;

/** The whole-mapping expression: evaluated over the row, it must produce an object, merged over the fields. */
final class ObjectExpression {

    private final JsonataExpression expression;

    ObjectExpression(JsonataExpression expression) {
        this.expression = expression;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> evaluate(Map<String, Object> row, ExpressionBindings bindings) throws FieldProblem {
        Object result = expression.evaluate(row, bindings);
        if (result instanceof Map<?, ?> object) {
            return (Map<String, Object>) object;
        }
        throw new FieldProblem("must produce an object, produced " + jsonType(result), result);
    }

    // named as in JSON, since that is what the expression's author thinks in
    private static String jsonType(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof List<?>) {
            return "array";
        }
        return value.getClass().getSimpleName();
    }
}

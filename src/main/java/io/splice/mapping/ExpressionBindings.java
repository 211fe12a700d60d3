package io.splice.mapping;

import java.util.Map;

/** What an expression sees besides the row: {@code $tenant} and {@code $variables}. */
record ExpressionBindings(String tenant, Map<String, Object> variables) {

    ExpressionBindings {
        // $variables.x must be undefined, not an error, when the tenant has no variables
        variables = variables == null ? Map.of() : variables;
    }
}

package io.splice.mapping;

import java.util.Map;

/** Where a target field's value comes from: a source column, a constant or a JSONata expression. */
interface FieldSource {

    Object valueFrom(Map<String, Object> row, ExpressionBindings bindings) throws FieldProblem;

    static FieldSource column(String column) {
        return (row, bindings) -> row.get(column);
    }

    static FieldSource constant(Object constant) {
        return (row, bindings) -> constant;
    }

    static FieldSource expression(JsonataExpression expression) {
        return expression::evaluate;
    }
}

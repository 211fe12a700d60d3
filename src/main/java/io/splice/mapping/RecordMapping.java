package io.splice.mapping;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiled mapping of one entity: turns a source row into the target's JSON object. Immutable and safe for
 * many consumer threads at once.
 */
public final class RecordMapping {

    private static final String WHOLE_EXPRESSION = "(expression)";

    private final String entity;
    private final List<MappedField> fields;
    private final ObjectExpression objectExpression;
    private final Set<String> pathOnly;

    private RecordMapping(String entity, List<MappedField> fields, ObjectExpression objectExpression,
                          Set<String> pathOnly) {
        this.entity = entity;
        this.fields = List.copyOf(fields);
        this.objectExpression = objectExpression;
        this.pathOnly = Set.copyOf(pathOnly);
    }

    /**
     * Checks and compiles a definition whose {@code file} and {@code expressionFile} the loader has already read.
     *
     * @param problems every problem found is appended here
     * @return the mapping, or null if the definition had problems
     */
    public static RecordMapping compile(String entity, MappingDefinition definition, List<MappingProblem> problems) {
        int before = problems.size();
        MappingDefinition checked = definition == null ? new MappingDefinition(null, null, null, null, null) : definition;
        MappingCompiler compiler = new MappingCompiler(checked, problems);
        List<MappedField> fields = compiler.fields();
        ObjectExpression objectExpression = compiler.objectExpression();
        Set<String> pathOnly = new HashSet<>();
        checked.fields().forEach((name, field) -> {
            if (field != null && field.isPathOnly()) {
                pathOnly.add(name);
            }
        });
        return problems.size() > before ? null : new RecordMapping(entity, fields, objectExpression, pathOnly);
    }

    /**
     * The target object: the fields in definition order, then the whole-mapping expression's entries put over them.
     *
     * @param sourceKey names the record in errors
     * @param variables bound as {@code $variables}; null is an empty object
     * @throws MappingException naming the target field (or "(expression)") and the offending value
     */
    public Map<String, Object> map(Object sourceKey, Map<String, Object> row, String tenant,
                                   Map<String, Object> variables) throws MappingException {
        ExpressionBindings bindings = new ExpressionBindings(tenant, variables);
        Map<String, Object> target = new LinkedHashMap<>();
        for (MappedField field : fields) {
            try {
                target.put(field.name(), field.valueFrom(row, bindings));
            } catch (FieldProblem problem) {
                throw problem.toMappingException(entity, sourceKey, field.name());
            }
        }
        if (objectExpression != null) {
            try {
                target.putAll(objectExpression.evaluate(row, bindings));
            } catch (FieldProblem problem) {
                throw problem.toMappingException(entity, sourceKey, WHOLE_EXPRESSION);
            }
        }
        return target;
    }

    /** What is sent as the request body: the mapped record without its path-only fields (they fill the path). */
    public Map<String, Object> body(Map<String, Object> mapped) {
        if (pathOnly.isEmpty()) {
            return mapped;
        }
        Map<String, Object> body = new LinkedHashMap<>(mapped);
        body.keySet().removeAll(pathOnly);
        return body;
    }

    public String entity() {
        return entity;
    }
}

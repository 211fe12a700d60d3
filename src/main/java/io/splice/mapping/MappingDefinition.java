package io.splice.mapping;

import java.util.LinkedHashMap;

/**
 * How a source row becomes the target's JSON object: target fields in order, code tables they may use, and an
 * optional JSONata expression whose object result is merged over the fields. {@code file} names a YAML file
 * (beside the definition) holding the mapping instead; {@code expressionFile} a .jsonata file holding the expression.
 */
public record MappingDefinition(
        String file,
        LinkedHashMap<String, FieldMapping> fields,
        LinkedHashMap<String, CodeTable> codeTables,
        String expression,
        String expressionFile) {

    public MappingDefinition {
        fields = fields == null ? new LinkedHashMap<>() : fields;
        codeTables = codeTables == null ? new LinkedHashMap<>() : codeTables;
    }
}

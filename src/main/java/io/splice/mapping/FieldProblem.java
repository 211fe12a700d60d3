package io.splice.mapping;

/** Why one value could not be mapped; the record and field are added by whoever knows them. */
class FieldProblem extends Exception {

    private final Object value;

    FieldProblem(String problem, Object value) {
        // thrown once per bad record, often in bulk: a stack trace would cost more than it tells
        super(problem, null, false, false);
        this.value = value;
    }

    MappingException toMappingException(String entity, Object sourceKey, String field) {
        return new MappingException(entity, sourceKey, field, getMessage(), value);
    }
}

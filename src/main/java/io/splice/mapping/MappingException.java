package io.splice.mapping;

import io.splice.record.PermanentFailure;

/** A source record that cannot become the target's JSON: names the record, the field and what is wrong. */
public class MappingException extends PermanentFailure {

    public MappingException(String entity, Object sourceKey, String field, String problem, Object value) {
        super("mapping " + field + ": " + problem,
                entity + " " + sourceKey + ": field " + field + " " + problem + " (value: " + value + ")");
    }
}

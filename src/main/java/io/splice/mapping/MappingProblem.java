package io.splice.mapping;

/**
 * A mistake in a mapping definition, found when it is compiled. {@code path} is relative to the entity, e.g.
 * {@code mapping.fields.status.codeTable} or {@code mapping.expression}.
 */
public record MappingProblem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}

package io.splice.definition;

/**
 * One thing wrong with a migration definition: the file, the entity (null for migration-level fields), the field
 * (a path such as {@code source.pageSize}) and what is expected. Warnings do not stop a start.
 */
public record DefinitionError(String file, String entity, String field, String message, boolean warning) {

    public static DefinitionError error(String file, String entity, String field, String message) {
        return new DefinitionError(file, entity, field, message, false);
    }

    public static DefinitionError warning(String file, String entity, String field, String message) {
        return new DefinitionError(file, entity, field, message, true);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file == null ? "(no file)" : file).append(": ");
        if (warning) {
            text.append("warning: ");
        }
        if (entity != null) {
            text.append("entity '").append(entity).append("': ");
        }
        if (field != null && !field.isEmpty()) {
            text.append(field).append(": ");
        }
        return text.append(message).toString();
    }
}

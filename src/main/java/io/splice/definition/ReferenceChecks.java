package io.splice.definition;

import java.util.Map;
import java.util.Set;

/** The checks of an entity's references: known parents, dependsOn, and as many columns as the parent's key has. */
final class ReferenceChecks {

    private ReferenceChecks() {
    }

    /** A reference: a known parent, in dependsOn unless it is the entity itself (a hierarchy), plain column names. */
    static void reference(String name, EntityDefinition entity, String field, ReferenceDefinition reference,
                          Set<String> entities, Problems problems) {
        String at = "references." + field;
        String parent = reference == null ? null : reference.entity();
        if (!problems.required(at + (reference != null && reference.columns() != null ? ".entity" : ""), parent,
                "the parent entity")) {
            return;
        }
        if (!entities.contains(parent)) {
            problems.add(at, EntityChecks.unknown(parent, entities));
        } else if (!parent.equals(name) && !entity.dependsOn().contains(parent)) {
            problems.add(at, "entity '" + parent + "' is not in dependsOn: a referenced parent must be migrated first");
        }
        if (reference.columns() != null) {
            if (reference.columns().isEmpty()) {
                problems.add(at + ".columns", "is empty: the columns holding the parent's key, in its source.key's order");
            }
            reference.columns().forEach(column -> problems.sqlName(at + ".columns", column));
        }
    }

    /** Each reference names as many columns as its parent's key has (checked once every entity is known). */
    static void arity(String name, EntityDefinition entity, Map<String, EntityDefinition> all, Problems problems) {
        if (entity == null) {
            return;
        }
        entity.references().forEach((field, reference) -> {
            EntityDefinition parent = reference == null || reference.entity() == null ? null : all.get(reference.entity());
            if (parent == null || parent.source() == null || parent.source().key() == null) {
                return;
            }
            int columns = reference.columnsOf(field).size();
            int keys = parent.source().key().size();
            if (columns != keys) {
                problems.add("references." + field, "names " + columns + " column" + (columns == 1 ? "" : "s")
                        + ", but the key of " + reference.entity() + " has " + keys + " (" + String.join(", ",
                        parent.source().key()) + "): give columns: [...] in the order of its source.key");
            }
        });
    }
}

package io.splice.sample;

import java.util.Objects;

/** One row the generator made bad on purpose, and which column holds the bad value. */
public record PlantedDefect(String table, long id, String field, DefectKind kind) {

    public PlantedDefect {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(kind, "kind");
    }
}

package io.splice.definition;

/** What an entity gets when its definition leaves a limit out (from splice.extract.* and splice.load.*). */
public record MigrationDefaults(String tenant, int pageSize, int pagesPerSecond, int concurrency, int rate, int hostRate) {
}

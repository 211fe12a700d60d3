package io.splice.broker;

/**
 * The names of Splice's queues: {@code splice.<entity>} and its dead letters {@code DLQ.splice.<entity>}; a dry run's
 * are {@code splice.dry-run.<entity>}, so a dry run never takes a real run's messages on a shared broker. Both match
 * broker.xml's {@code splice.#} and {@code DLQ.#} address settings.
 */
public record Queues(String prefix) {

    public static final Queues MIGRATION = new Queues("splice.");
    public static final Queues DRY_RUN = new Queues("splice.dry-run.");

    public static Queues of(boolean dryRun) {
        return dryRun ? DRY_RUN : MIGRATION;
    }

    public String entity(String entity) {
        return prefix + entity;
    }

    public String deadLetters(String entity) {
        return "DLQ." + prefix + entity;
    }
}

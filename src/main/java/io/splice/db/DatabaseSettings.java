package io.splice.db;

/** A database's connection settings (splice.source.*, splice.ledger.*, splice.target-database.*). */
public record DatabaseSettings(String url, String username, String password, int poolSize) {
}

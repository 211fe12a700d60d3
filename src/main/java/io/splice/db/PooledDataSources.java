package io.splice.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

/** HikariCP pools for the legacy source and the ledger. */
public final class PooledDataSources {

    private PooledDataSources() {
    }

    public static HikariDataSource open(String poolName, DatabaseSettings database) {
        return open(poolName, database, null);
    }

    /** @param schema the connections' default schema (it must exist); null: the database's default */
    public static HikariDataSource open(String poolName, DatabaseSettings database, String schema) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(database.url());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(database.poolSize());
        if (schema != null) {
            config.setSchema(schema);
        }
        // fail at start-up with the database's own message rather than on the first page
        config.setInitializationFailTimeout(10_000);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            // the database's own message ("password authentication failed") does not say which of Splice's databases
            throw new IllegalStateException("Cannot connect to the " + poolName + " database (" + database.url()
                    + ", user " + database.username() + "): " + e.getCause().getMessage(), e);
        }
    }
}

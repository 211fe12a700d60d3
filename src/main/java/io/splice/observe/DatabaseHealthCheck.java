package io.splice.observe;

import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** A database Splice needs (the ledger, the source, the new system's): UP when it hands out a valid connection. */
public class DatabaseHealthCheck extends AbstractHealthCheck {

    private final DataSource database;

    public DatabaseHealthCheck(String name, DataSource database) {
        super("splice", "database-" + name);
        this.database = database;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try (Connection connection = database.getConnection()) {
            if (connection.isValid(2)) {
                builder.up();
            } else {
                builder.down().message("the connection is not valid");
            }
        } catch (Exception e) {
            builder.down().message(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}

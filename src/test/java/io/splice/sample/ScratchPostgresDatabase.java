package io.splice.sample;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/** A PostgreSQL database of its own for one test, dropped on close. */
final class ScratchPostgresDatabase implements AutoCloseable {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "postgres";

    private final String name;
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    private ScratchPostgresDatabase(String name) {
        this.name = name;
        dataSource.setURL(SERVER + name);
        dataSource.setUser(USER);
    }

    static ScratchPostgresDatabase create() throws SQLException {
        byte[] suffix = new byte[6];
        new SecureRandom().nextBytes(suffix);
        ScratchPostgresDatabase database = new ScratchPostgresDatabase("splice_smp_" + HexFormat.of().formatHex(suffix));
        // Identifiers cannot be bound as parameters; the name is generated hex, never outside input
        database.onServer("CREATE DATABASE " + database.name);
        return database;
    }

    DataSource dataSource() {
        return dataSource;
    }

    String name() {
        return name;
    }

    @Override
    public void close() throws SQLException {
        onServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void onServer(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

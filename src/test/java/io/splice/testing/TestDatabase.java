package io.splice.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL database created for one test and dropped after it. The server defaults to the local one
 * (127.0.0.1:5432, user postgres); SPLICE_TEST_PG_HOST/PORT/USER/PASSWORD point elsewhere.
 */
public final class TestDatabase implements AutoCloseable {

    private static final String HOST = env("SPLICE_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("SPLICE_TEST_PG_PORT", "5432");
    private static final String USER = env("SPLICE_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("SPLICE_TEST_PG_PASSWORD", "");

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    public static TestDatabase create(String purpose) throws SQLException {
        byte[] random = new byte[5];
        ThreadLocalRandom.current().nextBytes(random);
        String name = "splice_" + purpose + "_" + HexFormat.of().formatHex(random);
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("create database " + name); // name is generated above, never user input
        }
        return new TestDatabase(name);
    }

    public String url() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url());
        ds.setUser(USER);
        ds.setPassword(PASSWORD);
        return ds;
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, PASSWORD);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

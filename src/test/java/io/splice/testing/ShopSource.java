package io.splice.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/**
 * An in-memory H2 legacy database (PostgreSQL mode) holding the tables {@link ShopDefinition} reads, so source
 * queries can be prepared against it. Unique per instance; dropped on close.
 */
public final class ShopSource implements AutoCloseable {

    private final String url;

    private ShopSource(String url) {
        this.url = url;
    }

    public static ShopSource create() throws SQLException {
        byte[] random = new byte[5];
        ThreadLocalRandom.current().nextBytes(random);
        // DB_CLOSE_DELAY=-1: the tables outlive this connection, for the pools the code under test opens
        ShopSource source = new ShopSource("jdbc:h2:mem:shop_" + HexFormat.of().formatHex(random)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        createTables(source.dataSource());
        return source;
    }

    /** The tables {@link ShopDefinition} reads, in any database (H2 or PostgreSQL). */
    public static void createTables(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table customers (id bigint primary key, name varchar(100), region varchar(20))");
            statement.execute("create table orders (id bigint primary key, customer_id bigint, status varchar(2), "
                    + "total decimal(10, 2), region varchar(20))");
        }
    }

    public String url() {
        return url;
    }

    public DataSource dataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("shutdown");
        }
    }
}

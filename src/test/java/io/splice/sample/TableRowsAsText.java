package io.splice.sample;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

/**
 * One sample table's rows by id, each as column → text. Bytes become {@code column.size} and
 * {@code column.head} (the first 8 in hex): each driver renders them as text its own way, and they can be large.
 */
final class TableRowsAsText {

    /** JDBC types the drivers report for BYTEA: BINARY from PostgreSQL, VARBINARY from H2. */
    static final Set<Integer> BINARY = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);

    private TableRowsAsText() {
    }

    static Map<Long, Map<String, String>> of(DataSource dataSource, String table) throws SQLException {
        Map<Long, Map<String, String>> rows = new HashMap<>();
        // table is one of our own constants, never outside input
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData columns = result.getMetaData();
            while (result.next()) {
                Map<String, String> row = new HashMap<>();
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    String label = columns.getColumnLabel(column).toLowerCase(Locale.ROOT);
                    if (BINARY.contains(columns.getColumnType(column))) {
                        putBytes(row, label, result.getBytes(column));
                    } else {
                        row.put(label, result.getString(column));
                    }
                }
                rows.put(Long.parseLong(row.get("id")), row);
            }
        }
        return rows;
    }

    private static void putBytes(Map<String, String> row, String label, byte[] bytes) {
        row.put(label + ".size", bytes == null ? null : Integer.toString(bytes.length));
        row.put(label + ".head", bytes == null ? null : HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 8)));
    }
}

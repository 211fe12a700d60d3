package io.splice.sample;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import javax.sql.DataSource;

/** Every row of the sample tables as text, in key order, to compare databases with. */
final class TableDump {

    private TableDump() {
    }

    static Map<String, List<String>> all(DataSource dataSource) throws SQLException {
        Map<String, List<String>> dump = new LinkedHashMap<>();
        for (String table : SampleTables.ALL) {
            dump.put(table, of(dataSource, table));
        }
        return dump;
    }

    static List<String> of(DataSource dataSource, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        // table is one of our own constants, never outside input
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
            ResultSetMetaData columns = result.getMetaData();
            while (result.next()) {
                StringJoiner row = new StringJoiner(" | ");
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    String value = TableRowsAsText.BINARY.contains(columns.getColumnType(column))
                            ? digest(result.getBytes(column)) : result.getString(column);
                    row.add(columns.getColumnLabel(column).toLowerCase() + "=" + value);
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** Bytes as size and SHA-256: each driver renders them as text its own way, and they can be large. */
    private static String digest(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return bytes.length + " bytes, sha256 "
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.splice.db;

import java.sql.SQLException;

/** A database's complaint as an operator reads it: its first line, without the statement H2 appends to it. */
public final class SqlErrors {

    private SqlErrors() {
    }

    public static String reason(SQLException e) {
        String first = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("").trim();
        int statement = first.indexOf("; SQL statement:");
        first = statement < 0 ? first : first.substring(0, statement);
        return first.isEmpty() ? e.getClass().getSimpleName() : first;
    }
}

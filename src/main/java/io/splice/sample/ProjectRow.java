package io.splice.sample;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;

/** A row of {@code projects}; name may be null where a defect was planted. */
record ProjectRow(long id, String code, String name, String customer, String status, LocalDateTime createdAt)
        implements SampleRow {

    @Override
    public void bind(PreparedStatement insert) throws SQLException {
        insert.setLong(1, id);
        insert.setString(2, code);
        insert.setString(3, name);
        insert.setString(4, customer);
        insert.setString(5, status);
        insert.setObject(6, createdAt, Types.TIMESTAMP);
    }
}

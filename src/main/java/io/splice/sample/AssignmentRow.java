package io.splice.sample;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;

/** A row of {@code assignments}: work a contractor does for one connection; customer as the connection's. */
record AssignmentRow(long id, long connectionId, String workType, String contractor, LocalDate dueOn, String status,
        String customer) implements SampleRow {

    @Override
    public void bind(PreparedStatement insert) throws SQLException {
        insert.setLong(1, id);
        insert.setLong(2, connectionId);
        insert.setString(3, workType);
        insert.setString(4, contractor);
        insert.setObject(5, dueOn, Types.DATE);
        insert.setString(6, status);
        insert.setString(7, customer);
    }
}

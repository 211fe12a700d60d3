package io.splice.sample;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A row of {@code planboards}: how many homes one crew can connect for a project in one ISO week. */
record PlanboardRow(long id, long projectId, String week, String crew, int capacity, String customer)
        implements SampleRow {

    @Override
    public void bind(PreparedStatement insert) throws SQLException {
        insert.setLong(1, id);
        insert.setLong(2, projectId);
        insert.setString(3, week);
        insert.setString(4, crew);
        insert.setInt(5, capacity);
        insert.setString(6, customer);
    }
}

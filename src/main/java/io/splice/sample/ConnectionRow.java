package io.splice.sample;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;

/** A row of {@code connections}: one fibre drop (FTTH) or building entry (FTTB) at an address. */
record ConnectionRow(long id, long addressId, String kind, String status, LocalDate plannedOn) implements SampleRow {

    @Override
    public void bind(PreparedStatement insert) throws SQLException {
        insert.setLong(1, id);
        insert.setLong(2, addressId);
        insert.setString(3, kind);
        insert.setString(4, status);
        insert.setObject(5, plannedOn, Types.DATE);
    }
}

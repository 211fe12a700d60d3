package io.splice.sample;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;

/** A row of {@code connections}: one fibre drop (FTTH) or building entry (FTTB) at an address; customer as the address's. */
record ConnectionRow(long id, long addressId, String kind, String status, LocalDate plannedOn, String customer)
        implements SampleRow {

    @Override
    public void bind(PreparedStatement insert) throws SQLException {
        insert.setLong(1, id);
        insert.setLong(2, addressId);
        insert.setString(3, kind);
        insert.setString(4, status);
        insert.setObject(5, plannedOn, Types.DATE);
        insert.setString(6, customer);
    }
}

package io.splice.sample;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A row of {@code addresses}; house number is text, as in the legacy DB; customer is copied from the project. */
record AddressRow(long id, long projectId, String street, String houseNumber, String postcode, String city,
        int homesPassed, String customer) implements SampleRow {

    @Override
    public void bind(PreparedStatement insert) throws SQLException {
        insert.setLong(1, id);
        insert.setLong(2, projectId);
        insert.setString(3, street);
        insert.setString(4, houseNumber);
        insert.setString(5, postcode);
        insert.setString(6, city);
        insert.setInt(7, homesPassed);
        insert.setString(8, customer);
    }
}

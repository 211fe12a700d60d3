package io.splice.sample;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** One generated row, able to bind itself to its table's insert statement. */
interface SampleRow {

    void bind(PreparedStatement insert) throws SQLException;
}

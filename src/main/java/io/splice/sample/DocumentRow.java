package io.splice.sample;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A row of {@code documents}: a file attached to a project; the content is streamed in, never built as SQL. */
record DocumentRow(long id, long projectId, String filename, DocumentContent content, String customer)
        implements SampleRow {

    @Override
    public void bind(PreparedStatement insert) throws SQLException {
        insert.setLong(1, id);
        insert.setLong(2, projectId);
        insert.setString(3, filename);
        insert.setString(4, content.contentType());
        // The int-length variant: PostgreSQL's driver does not implement the long one
        insert.setBinaryStream(5, content.open(), content.size());
        insert.setString(6, customer);
    }
}

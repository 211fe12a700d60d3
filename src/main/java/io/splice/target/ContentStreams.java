package io.splice.target;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.splice.db.SourceDatabases;
import io.splice.definition.CompiledEntity;
import io.splice.definition.SourceQueries;
import io.splice.record.PermanentFailure;
import io.splice.record.RecordKey;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Binary content read from the source while it is sent: the JDBC stream becomes the HTTP request body, and the
 * statement and connection close when the stream does (at the latest when the exchange completes). Nothing of
 * it is held by Splice or the broker; whether the driver streams is the driver's (H2 BLOBs do; PostgreSQL bytea
 * arrives whole, use large objects for files of hundreds of MB).
 */
public class ContentStreams {

    private static final String OPEN = "spliceContentStream";

    private final SourceDatabases sources;

    /** @param sources the record's tenant's own database, or the shared one, holds its content */
    public ContentStreams(SourceDatabases sources) {
        this.sources = sources;
    }

    /** Opens the record's content; a previous attempt's stream is closed first. */
    public InputStream open(Exchange exchange, CompiledEntity entity, RecordKey key) throws Exception {
        close(exchange);
        Connection connection = sources.of(key.tenant()).getConnection();
        try {
            PreparedStatement statement = connection.prepareStatement(
                    SourceQueries.forPreparing(entity.target().upload().contentQuery()));
            statement.setObject(1, "text".equals(entity.keyType()) ? key.sourceKey() : Long.valueOf(key.sourceKey()));
            ResultSet row = statement.executeQuery();
            if (!row.next()) {
                connection.close();
                throw new MissingContentException(key, "has no row in the content query");
            }
            InputStream content = row.getBinaryStream(1);
            if (content == null) {
                connection.close();
                throw new MissingContentException(key, "has no content (null)");
            }
            InputStream stream = new ClosingStream(content, connection);
            exchange.setProperty(OPEN, stream);
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    close(done);
                }
            });
            return stream;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    public static void close(Exchange exchange) {
        InputStream open = exchange.getProperty(OPEN, InputStream.class);
        exchange.removeProperty(OPEN);
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                // the connection goes back to the pool or is evicted; nothing else to do
            }
        }
    }

    /** Closes the row's connection (and so its statement and result set) with the stream. */
    private static final class ClosingStream extends FilterInputStream {
        private final Connection connection;
        private boolean closed;

        ClosingStream(InputStream in, Connection connection) {
            super(in);
            this.connection = connection;
        }

        @Override
        public synchronized void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                super.close();
            } finally {
                try {
                    connection.close();
                } catch (SQLException e) {
                    throw new IOException("Closing the source connection failed", e);
                }
            }
        }
    }

    /** The record's content is not in the source (any more). */
    static class MissingContentException extends PermanentFailure {
        MissingContentException(RecordKey key, String problem) {
            super("content " + problem, key + ": content " + problem);
        }
    }
}

package io.splice.sample;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the sample legacy tables ({@code sample/schema.sql}) and the new system's ({@code sample/target-schema.sql}). */
public final class SampleSchema {

    static final String SCRIPT = "sample/schema.sql";
    static final String TARGET_SCRIPT = "sample/target-schema.sql";

    private static final Logger LOG = LoggerFactory.getLogger(SampleSchema.class);

    private SampleSchema() {
    }

    /** Drops the sample tables if present and creates them empty. */
    public static void create(DataSource dataSource) throws SQLException {
        run(SCRIPT, dataSource);
    }

    /** The new system's own tables (work orders), for the sample's SQL-target entity; kept if they exist. */
    public static void createTargetTables(DataSource dataSource) throws SQLException {
        run(TARGET_SCRIPT, dataSource);
    }

    private static void run(String script, DataSource dataSource) throws SQLException {
        List<String> statements = SqlResource.statements(script);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            // One transaction: on PostgreSQL a failing script leaves the old tables in place
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        LOG.debug("{} applied ({} statements)", script, statements.size());
    }
}

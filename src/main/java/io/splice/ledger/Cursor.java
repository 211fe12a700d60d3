package io.splice.ledger;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads a query's rows one at a time, in batches, however many there are. */
final class Cursor {

    private static final int FETCH_SIZE = 1_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    Cursor(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        // PostgreSQL's driver fetches in batches only inside a transaction; outside one it reads the whole result
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.transaction.setReadOnly(true);
    }

    void query(String sql, Map<String, ?> params, RowCallbackHandler each) {
        transaction.executeWithoutResult(status -> jdbc.query(sql, params, each));
    }
}

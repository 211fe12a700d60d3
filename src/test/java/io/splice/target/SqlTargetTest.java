package io.splice.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.splice.definition.CompiledMigration;
import io.splice.record.Keys;
import io.splice.record.PermanentFailure;
import io.splice.testing.CompiledDefinition;
import io.splice.testing.TestDatabase;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL target's steps around write-target-sql's sql endpoint, against a real PostgreSQL table with a check, a
 * not-null and a length constraint: the mapped record binding the statement, the target id, and which of the
 * database's errors are permanent.
 */
class SqlTargetTest {

    private static final String STATEMENT =
            "insert into work_orders (legacy_id, kind, crew) values (:#legacyId, :#kind, :#crew)";
    private static final String YAML = """
            migration: works
            tenants:
              - name: north
                rates: { work_orders: 7 }
              - name: south
            entities:
              work_orders:
                source: { table: work_orders, columns: [id, kind, crew], key: id }
                mapping: { fields: { legacyId: id, kind: kind, crew: crew } }
                target:
                  rate: 20
                  sql:
                    statement: "%s"
                    idField: legacyId
              notes:
                source: { table: notes, columns: [id, text], key: id }
                mapping: { fields: { text: text } }
                target:
                  sql:
                    statement: "insert into notes (text) values (:#text)"
            """.formatted(STATEMENT);

    private static TestDatabase database;
    private static JdbcTemplate jdbc;

    @TempDir
    Path dir;
    private CompiledMigration migration;
    private CamelContext camel;
    private ProducerTemplate template;

    @BeforeAll
    static void createTable() throws SQLException {
        database = TestDatabase.create("sqltarget");
        jdbc = new JdbcTemplate(database.dataSource());
        jdbc.execute("create table work_orders (legacy_id bigint primary key,"
                + " kind varchar(10) not null check (kind in ('FIX', 'BUILD')), crew varchar(5))");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        database.close();
    }

    @BeforeEach
    void camel() {
        jdbc.update("delete from work_orders");
        migration = CompiledDefinition.compile(dir, YAML);
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("targetDataSource", database.dataSource());
        PGSimpleDataSource nobody = new PGSimpleDataSource();
        nobody.setUrl("jdbc:postgresql://127.0.0.1:1/nowhere");
        nobody.setConnectTimeout(2);
        camel.getRegistry().bind("downDataSource", nobody);
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        template.close();
        camel.close();
    }

    @Test
    void theMappedRecordIsTheBodyThatBindsTheStatementsFieldsAndNothingOfTheDeliveryIsKept() {
        // given a delivery's headers and a mapped record
        Exchange exchange = record("7", mapped(7L, "FIX", "ann"));
        exchange.getMessage().setHeader("JMSXGroupID", "north/7");
        exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, 2);
        exchange.getMessage().setBody("{\"id\":7}");

        // when
        new SqlTarget(migration, new TargetRates(migration), false).prepare(exchange);
        Exchange written = template.send("sql:" + STATEMENT + "?dataSource=#targetDataSource", exchange);

        // then
        assertThat(written.getException()).isNull();
        assertThat(jdbc.queryForList("select legacy_id, kind, crew from work_orders"))
                .containsExactly(Map.of("legacy_id", 7L, "kind", "FIX", "crew", "ann"));
        assertThat(exchange.getProperty(Keys.ATTEMPTS)).isEqualTo(1);
        assertThat(exchange.getProperty(Keys.DRY_RUN)).isNull();
    }

    @Test
    void prepareCountsTheAttemptAndKeepsOnlyCamelsRedeliveryHeaders() {
        Exchange exchange = record("7", mapped(7L, "FIX", "ann"));
        exchange.setProperty(Keys.ATTEMPTS, 2);
        exchange.getMessage().setHeader("JMSXGroupID", "north/7");
        exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, 2);

        new SqlTarget(migration, new TargetRates(migration), false).prepare(exchange);

        assertThat(exchange.getProperty(Keys.ATTEMPTS)).isEqualTo(3);
        assertThat(exchange.getMessage().getHeaders()).containsOnlyKeys(Exchange.REDELIVERY_COUNTER);
        assertThat(exchange.getMessage().getBody()).isEqualTo(mapped(7L, "FIX", "ann"));
    }

    @Test
    void aDryRunSkipsTheStatementAndIsMarked() {
        Exchange exchange = record("7", mapped(7L, "FIX", "ann"));
        SqlTarget dryRun = new SqlTarget(migration, new TargetRates(migration), true);

        dryRun.prepare(exchange);

        assertThat(dryRun.skipsCall()).isTrue();
        assertThat(new SqlTarget(migration, new TargetRates(migration), false).skipsCall()).isFalse();
        assertThat(exchange.getProperty(Keys.DRY_RUN)).isEqualTo(true);
    }

    @Test
    void theRateIsTheTenantsOverrideElseTheEntitysElseAnOperatorsOverride() {
        TargetRates rates = new TargetRates(migration);
        SqlTarget target = new SqlTarget(migration, rates, false);

        assertThat(target.rate("north", "work_orders")).isEqualTo(7);
        assertThat(target.rate("south", "work_orders")).isEqualTo(20);
        rates.override("work_orders", 3);
        assertThat(target.rate("north", "work_orders")).isEqualTo(3);
    }

    @Test
    void theTargetIdIsTheIdFieldsValueElseTheSourceKey() {
        SqlTarget target = new SqlTarget(migration, new TargetRates(migration), false);

        assertThat(target.targetId("work_orders", mapped(7L, "FIX", "ann"), "7")).isEqualTo("7");
        assertThat(target.targetId("work_orders", mapped(70L, "FIX", "ann"), "7")).isEqualTo("70");
        // the idField mapped to null, and an entity without idField: the record's source key
        assertThat(target.targetId("work_orders", mapped(null, "FIX", "ann"), "7")).isEqualTo("7");
        assertThat(target.targetId("notes", Map.of("text", "hello"), "n-3")).isEqualTo("n-3");
    }

    @Test
    void aCheckConstraintsRefusalIsPermanentWithItsSqlStateAndTheDatabasesWords() {
        Exception error = writeFailing("7", mapped(7L, "PAINT", "ann"));

        assertThatThrownBy(() -> failed(error, "7"))
                .isInstanceOfSatisfying(SqlTarget.RejectedBySqlTarget.class, e -> {
                    assertThat(e.reason()).isEqualTo("SQL 23514: ERROR: new row for relation \"work_orders\" violates"
                            + " check constraint \"work_orders_kind_check\"");
                    assertThat(e).hasMessage("work_orders 7 (tenant north): the target database refused it (SQLState"
                            + " 23514): ERROR: new row for relation \"work_orders\" violates check constraint"
                            + " \"work_orders_kind_check\"");
                });
    }

    @Test
    void aNotNullRefusalIsPermanent() {
        Exception error = writeFailing("8", mapped(8L, null, "ann"));

        assertThatThrownBy(() -> failed(error, "8"))
                .isInstanceOfSatisfying(SqlTarget.RejectedBySqlTarget.class, e -> {
                    assertThat(e.reason()).isEqualTo("SQL 23502: ERROR: null value in column \"kind\" of relation"
                            + " \"work_orders\" violates not-null constraint");
                    assertThat(e).hasMessage("work_orders 8 (tenant north): the target database refused it (SQLState"
                            + " 23502): ERROR: null value in column \"kind\" of relation \"work_orders\" violates"
                            + " not-null constraint");
                });
    }

    @Test
    void aDataErrorIsPermanentAndItsReasonHasNoNumbersSoRecordsGroupByIt() {
        Exception error = writeFailing("9", mapped(9L, "FIX", "annabel"));

        assertThatThrownBy(() -> failed(error, "9"))
                .isInstanceOfSatisfying(SqlTarget.RejectedBySqlTarget.class, e -> {
                    assertThat(e.reason()).isEqualTo("SQL 22001: ERROR: value too long for type character varying(#)");
                    assertThat(e).hasMessage("work_orders 9 (tenant north): the target database refused it (SQLState"
                            + " 22001): ERROR: value too long for type character varying(5)");
                })
                .isInstanceOf(PermanentFailure.class);
    }

    @Test
    void aDuplicateKeyIsPermanent() {
        jdbc.update("insert into work_orders (legacy_id, kind, crew) values (10, 'FIX', 'ann')");
        Exception error = writeFailing("10", mapped(10L, "BUILD", "bob"));

        assertThatThrownBy(() -> failed(error, "10")).isInstanceOfSatisfying(SqlTarget.RejectedBySqlTarget.class,
                e -> assertThat(e.reason()).isEqualTo(
                        "SQL 23505: ERROR: duplicate key value violates unique constraint \"work_orders_pkey\""));
        assertThat(jdbc.queryForList("select kind from work_orders", String.class)).containsExactly("FIX");
    }

    @Test
    void aDatabaseThatCannotBeReachedIsRethrownAsItCameSoItIsRetried() {
        Exchange exchange = record("11", mapped(11L, "FIX", "ann"));
        new SqlTarget(migration, new TargetRates(migration), false).prepare(exchange);
        Exception error = template.send("sql:" + STATEMENT + "?dataSource=#downDataSource", exchange).getException();
        assertThat(error).isNotNull();

        assertThatThrownBy(() -> failed(error, "11")).isSameAs(error).isNotInstanceOf(PermanentFailure.class);
    }

    @Test
    void anErrorWithoutAnSqlStateIsRethrown() {
        IllegalStateException error = new IllegalStateException("no statement");

        assertThatThrownBy(() -> failed(error, "12")).isSameAs(error);
    }

    private Exception writeFailing(String sourceKey, Map<String, Object> mapped) {
        Exchange exchange = record(sourceKey, mapped);
        new SqlTarget(migration, new TargetRates(migration), false).prepare(exchange);
        Exception error = template.send("sql:" + STATEMENT + "?dataSource=#targetDataSource", exchange).getException();
        assertThat(error).as("the database refused it").isNotNull();
        return error;
    }

    private void failed(Exception error, String sourceKey) throws Exception {
        new SqlTarget(migration, new TargetRates(migration), false).failed(error, "north", "work_orders", sourceKey);
    }

    private Exchange record(String sourceKey, Map<String, Object> mapped) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(Keys.TENANT, "north");
        exchange.setProperty(Keys.ENTITY, "work_orders");
        exchange.setProperty(Keys.SOURCE_KEY, sourceKey);
        exchange.setProperty(Keys.MAPPED, mapped);
        return exchange;
    }

    private static Map<String, Object> mapped(Long legacyId, String kind, String crew) {
        Map<String, Object> mapped = new LinkedHashMap<>();
        mapped.put("legacyId", legacyId);
        mapped.put("kind", kind);
        mapped.put("crew", crew);
        return mapped;
    }
}

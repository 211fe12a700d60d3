package io.splice.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import io.splice.db.SourceDatabases;
import io.splice.ledger.RunKind;
import io.splice.definition.CompiledMigration;
import io.splice.record.Keys;
import io.splice.testing.CompiledDefinition;
import io.splice.testing.H2Ledger;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ExtractProgress, without Camel Main: an extract's first bindings, its database, and its start and end in the run. */
class ExtractProgressTest {

    private static final String YAML = """
            migration: shop
            tenants:
              - { name: north, filter: N1 }
              - { name: south, filter: S1 }
            entities:
              items:
                source: { table: items, columns: [id, name, region], tenantColumn: region, key: id, pageSize: 50 }
                group: id
                mapping: { fields: { legacyId: id, name: name } }
                target: { path: /api/items }
              links:
                source: { table: links, columns: [code, seq, region], tenantColumn: region, key: [code, seq],
                          keyType: [text, number] }
                group: code
                mapping: { fields: { code: code, seq: seq } }
                target: { path: /api/links }
            """;
    private static final String RUN = "run-1";
    // a replay has no plan parameters: these bind instead
    private static final Map<String, Object> DEFAULTS = Map.of("migrateCompleted", false, "since", "2020-01-01");

    @TempDir
    Path dir;

    private H2Ledger ledger;
    private ExtractProgress progress;
    private Message message;

    @BeforeEach
    void setUp() {
        ledger = new H2Ledger();
        ledger.runs().start(RUN, "north", "shop", RunKind.RUN, "owner-1", "{}");
        CompiledMigration migration = CompiledDefinition.compile(dir, YAML);
        // south reads its own database; north the shared one
        SourceDatabases databases = new SourceDatabases(ledger.dataSource(), Map.of("south", ledger.dataSource()));
        progress = new ExtractProgress(migration, databases, ledger.runs(), DEFAULTS);
        message = new DefaultExchange(new DefaultCamelContext()).getMessage();
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    @Test
    void theFirstPageOfASingleKeyStartsBelowEveryKeyWithTheDefaultParameters() {
        // when a replay (no plan parameters) begins the extract
        progress.begin(RUN, "north", "items", null, message);

        // then the query binds the lowest number key, the entity's page size, the tenant's filter and the defaults
        assertThat(message.getHeaders()).containsOnly(entry(Keys.LAST_KEY, Long.MIN_VALUE), entry(Keys.PAGE_SIZE, 50),
                entry(Keys.TENANT_FILTER, "N1"), entry("migrateCompleted", false), entry("since", "2020-01-01"));
    }

    @Test
    void theFirstPageOfACompositeKeyBindsEachColumnByItsTypeWithThePlansParameters() {
        // when a plan's run begins it: its parameters bind, the defaults do not
        progress.begin(RUN, "south", "links", Map.of("migrateCompleted", true), message);

        // then a text column starts below "" and a number column below every number; the page size is the default
        assertThat(message.getHeaders()).containsOnly(entry("lastKey1", ""), entry("lastKey2", Long.MIN_VALUE),
                entry(Keys.PAGE_SIZE, 100), entry(Keys.TENANT_FILTER, "S1"), entry("migrateCompleted", true));
    }

    @Test
    void aTenantWithItsOwnDatabaseIsReadFromItAndTheOthersFromTheSharedOne() {
        assertThat(progress.sourceDataSource("south")).isEqualTo("source-south");
        assertThat(progress.sourceDataSource("north")).isEqualTo("sourceDataSource");
    }

    @Test
    void theRunNotesTheEntityStartedAndThenFinished() throws Exception {
        // when
        progress.begin(RUN, "north", "items", null, message);

        // then
        assertThat(entities()).singleElement().satisfies(entity -> {
            assertThat(entity).containsEntry("entity", "items").containsEntry("read_count", 0L);
            assertThat(entity.get("started_at")).isNotNull();
            assertThat(entity.get("finished_at")).isNull();
        });

        // when the last page was read
        progress.end(RUN, "north", "items", false);

        // then
        assertThat(entities()).singleElement().satisfies(entity -> assertThat(entity.get("finished_at")).isNotNull());
    }

    @Test
    void aLoopBrokenOffOnShutdownIsNoEnd() {
        // given the page loop left with more pages to read
        progress.begin(RUN, "north", "items", null, message);

        // when / then
        assertThatThrownBy(() -> progress.end(RUN, "north", "items", true)).isInstanceOf(StoppedException.class)
                .hasMessage("Splice stopped (shutdown) while reading items; the next run resumes here");
        assertThat(entities()).singleElement().satisfies(entity -> assertThat(entity.get("finished_at")).isNull());
    }

    @Test
    void aFailedExtractNamesTheEntityAndTheRootCause() {
        RuntimeException error = new RuntimeException("page query failed",
                new IllegalStateException("pool", new SQLException("connection refused")));

        assertThatThrownBy(() -> progress.failed(error, "items")).isInstanceOf(ExtractFailedException.class)
                .hasMessage("Extract of items failed: SQLException: connection refused").hasCause(error);
    }

    @Test
    void aFailureWithoutAnExceptionStillNamesTheEntity() {
        assertThatThrownBy(() -> progress.failed(null, "links"))
                .hasMessage("Extract of links failed: unknown error");
    }

    @Test
    void eachPageIsReadWithoutABodySoTheQueryBindsFromTheHeaders() {
        message.setBody(List.of(Map.of("id", 1)));

        progress.nextPage(message);

        assertThat(message.getBody()).isNull();
    }

    private List<Map<String, Object>> entities() {
        return ledger.runs().entities(RUN);
    }
}

package io.splice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.splice.report.CompletedRun;
import io.splice.report.RunReport;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.ReceivedRequest;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.testing.ItemsSource;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A re-run reads pages of nothing but MIGRATED records in ever larger pages (splice.extract.skipping-page-size-max),
 * and still sends every record that is new between them. The source's page function notes each page size it is
 * asked for, so the test sees the extract's pages from the source's side.
 */
class SkippingPagesTest {

    private static final String DEFINITION = """
            migration: items
            entities:
              items:
                source:
                  query: "select id, grp, name, qty from items_page(:#lastKey, :#pageSize)"
                  key: id
                  pageSize: 10
                group: grp
                mapping:
                  fields:
                    legacyId: id
                    name: { column: name, required: true }
                target: { path: /api/v1/items }
            """;

    private static final List<Long> ADDED_LATER = List.of(137L, 501L, 502L, 777L);

    @TempDir
    Path workDir;

    private TestStack stack;
    private JdbcTemplate source;
    private SandboxTarget sandbox;
    private SpliceUnderTest splice;

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
        ItemsSource.create(stack.source(), 1000, 8, 1_000_000);
        source = new JdbcTemplate(stack.source().dataSource());
        source.execute("create table page_asked (n serial primary key, size integer not null)");
        source.execute("create function items_page(last_key bigint, page_size integer) returns setof items as $$"
                + " insert into page_asked (size) values (page_size);"
                + " select * from items where id > last_key order by id limit page_size $$ language sql volatile");
        sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults().withFaults(FaultSettings.none())));
        Path definition = Files.writeString(workDir.resolve("items.yaml"), DEFINITION);
        splice = stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox, Map.of(
                "splice.migrations", "file:" + definition, "splice.load.rate", "2000",
                "splice.extract.pages-per-second", "1000", "splice.extract.skipping-page-size-max", "160")));
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void pagesOfMigratedRecordsGrowAndRecordsNewBetweenThemAreSent() throws Exception {
        // given a source migrated once without four of its rows, which are added afterwards
        List<Map<String, Object>> later = source.queryForList("select * from items where id in (137, 501, 502, 777)");
        source.update("delete from items where id in (137, 501, 502, 777)");
        CompletedRun first = splice.run();
        assertThat(first.report().entities().get(0).migrated()).isEqualTo(996);
        for (Map<String, Object> row : later) {
            source.update("insert into items values (?, ?, ?, ?)", row.get("id"), row.get("grp"), row.get("name"),
                    row.get("qty"));
        }
        source.update("delete from page_asked");
        int requestsBefore = sandbox.requests().size();

        // when it runs again
        CompletedRun second = splice.run();

        // then exactly the four new rows are sent, and the other 996 are skipped
        RunReport.EntityCounts counts = second.report().entities().get(0);
        assertThat(counts.migrated()).isEqualTo(4);
        assertThat(counts.skipped()).isEqualTo(996);
        assertThat(sandbox.requests().subList(requestsBefore, sandbox.requests().size()))
                .filteredOn(r -> r.method().equals("POST"))
                .extracting(ReceivedRequest::idempotencyKey)
                .containsExactlyInAnyOrderElementsOf(ADDED_LATER.stream()
                        .map(id -> "splice:default:items:" + id).toList());
        assertThat(sandbox.records("items")).hasSize(1000);
        // and the pages: doubling while every record was skipped, back to 10 after a page with a new record, never
        // above 160 (1000 records in 19 pages instead of 100)
        assertThat(source.queryForList("select size from page_asked order by n", Integer.class)).containsExactly(
                10, 20, 40, 80, // keys 1-150: 137 is new
                10, 20, 40, 80, 160, 160, // keys 151-620: 501 and 502 are new in the last of them
                10, 20, 40, 80, 160, // keys 621-930: 777 is new
                10, 20, 40, // keys 931-1000
                80); // nothing left
    }
}

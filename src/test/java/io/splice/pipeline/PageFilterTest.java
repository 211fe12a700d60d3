package io.splice.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.definition.CompiledMigration;
import io.splice.ledger.Failure;
import io.splice.observe.RecordMetrics;
import io.splice.record.Keys;
import io.splice.record.RecordKey;
import io.splice.reference.GroupOrder;
import io.splice.reference.ParentLookup;
import io.splice.reference.References;
import io.splice.testing.CompiledDefinition;
import io.splice.testing.H2Ledger;
import io.splice.testing.RecordPathDefinition;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** PageFilter, without Camel Main: one keyset page filtered against an H2 ledger, and what it leaves for the next. */
class PageFilterTest {

    private static final String TENANT = "default";
    private static final String RUN = "run-1";
    private static final int SKIPPING_MAX = 250;

    @TempDir
    Path dir;

    private H2Ledger ledger;
    private Instant startedAt;
    private PageFilter filter;

    @BeforeEach
    void setUp() {
        ledger = new H2Ledger();
        CompiledMigration migration = CompiledDefinition.compile(dir, RecordPathDefinition.YAML);
        ObjectMapper json = new ObjectMapper();
        References references = new References(migration, new ParentLookup(ledger.blocking(), 100), ledger.blocking(),
                json, new GroupOrder(migration, json, ledger.blocking()));
        startedAt = Instant.now();
        filter = new PageFilter(migration, ledger.ledger(), ledger.runs(), references,
                new RecordMetrics(new DefaultCamelContext()), SKIPPING_MAX, startedAt);
        for (String entity : List.of("customers", "orders", "links")) {
            ledger.runs().entityStarted(RUN, entity);
        }
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    @Test
    void aFullPageOfNewRecordsIsQueuedAndTheNextPageStartsAfterIt() throws Exception {
        Exchange page = page("customers", 3, customer(1), customer(2), customer(3));

        filter.filter(page);

        assertThat(ids(page)).containsExactly(1, 2, 3);
        assertThat(page.getMessage().getHeaders()).containsEntry(Keys.MORE, true).containsEntry(Keys.LAST_KEY, 3)
                .containsEntry(Keys.PAGE_SIZE, 100);
        assertThat(ledger.statuses(TENANT, "customers"))
                .containsExactly(entry("1", "QUEUED"), entry("2", "QUEUED"), entry("3", "QUEUED"));
        assertThat(ledger.row(new RecordKey(TENANT, "customers", "2"))).containsEntry("group_key", "2")
                .containsEntry("run_id", RUN);
        // new to the ledger: no dead letter to retire, no other message of theirs to look up
        assertThat(page.getProperty(Keys.REQUEUED_FAILURES, List.class)).isEmpty();
        assertThat(page.getProperty(Keys.RECHECK_KEYS, Set.class)).isEmpty();
        assertThat(counts("customers")).containsEntry("read_count", 3L).containsEntry("skipped_count", 0L)
                .containsEntry("queued_count", 3L);
    }

    @Test
    void aShortPageIsTheLast() throws Exception {
        Exchange page = page("customers", 3, customer(1), customer(2));

        filter.filter(page);

        assertThat(page.getMessage().getHeader(Keys.MORE)).isEqualTo(false);
    }

    @Test
    void anEmptyPageEndsTheEntityAndTouchesNothing() throws Exception {
        Exchange page = page("customers", 3);

        filter.filter(page);

        assertThat(page.getMessage().getHeader(Keys.MORE)).isEqualTo(false);
        assertThat(page.getMessage().getHeader(Keys.LAST_KEY)).isNull();
        assertThat(page.getProperty(Keys.RECHECK_KEYS)).isNull();
        assertThat(counts("customers")).containsEntry("read_count", 0L);
    }

    @Test
    void whatTheLedgerHasMigratedOrDiscardedIsSkippedWhatWasQueuedOrFailedIsSentAndRechecked() throws Exception {
        // given 1 MIGRATED, 2 DISCARDED by an operator, 3 FAILED in an earlier run, 4 QUEUED by an earlier process
        ledger.ledger().markQueued(TENANT, "customers", "run-0", Map.of("1", "1", "2", "2", "3", "3", "4", "4"));
        ledger.ledger().recordMigrated(new RecordKey(TENANT, "customers", "1"), "c-1", 201, 1, null);
        ledger.ledger().recordFailed(new RecordKey(TENANT, "customers", "3"), new Failure("x", "r", "m", 500), 1, "{}",
                null);
        ledger.jdbc().update("update splice_record set status = 'DISCARDED' where source_key = '2'");
        Exchange page = page("customers", 5, customer(1), customer(2), customer(3), customer(4), customer(5));

        filter.filter(page);

        assertThat(ids(page)).containsExactly(3, 4, 5);
        assertThat(page.getProperty(Keys.REQUEUED_FAILURES, List.class)).containsExactly("3");
        assertThat(page.getProperty(Keys.REQUEUED_AT, Long.class)).isNotNull();
        assertThat(page.getProperty(Keys.RECHECK_KEYS, Set.class)).containsExactlyInAnyOrder("3", "4");
        assertThat(ledger.statuses(TENANT, "customers")).containsExactly(entry("1", "MIGRATED"),
                entry("2", "DISCARDED"), entry("3", "QUEUED"), entry("4", "QUEUED"), entry("5", "QUEUED"));
        assertThat(counts("customers")).containsEntry("read_count", 5L).containsEntry("skipped_count", 2L)
                .containsEntry("queued_count", 3L);
    }

    @Test
    void aRecordThisProcessFailedForTheRunIsNotQueuedAgain() throws Exception {
        // a resumed run's re-extract: its message came back from the broker's journal first and FAILED
        ledger.ledger().markQueued(TENANT, "customers", RUN, Map.of("1", "1"));
        ledger.ledger().recordFailed(new RecordKey(TENANT, "customers", "1"), new Failure("x", "r", "m", 422), 1, "{}",
                null);
        Exchange page = page("customers", 3, customer(1), customer(2));

        filter.filter(page);

        assertThat(ids(page)).containsExactly(2);
        assertThat(ledger.statuses(TENANT, "customers")).containsEntry("1", "FAILED");
    }

    @Test
    void aPageOfNothingButSkippedRecordsDoublesTheNextUpToTheMaximum() throws Exception {
        ledger.ledger().markQueued(TENANT, "customers", "run-0", Map.of("1", "1"));
        ledger.ledger().recordMigrated(new RecordKey(TENANT, "customers", "1"), "c-1", 201, 1, null);

        Exchange first = page("customers", 100, customer(1));
        filter.filter(first);
        Exchange later = page("customers", 200, customer(1));
        filter.filter(later);

        assertThat(ids(first)).isEmpty();
        assertThat(first.getMessage().getHeader(Keys.PAGE_SIZE)).isEqualTo(200);
        assertThat(later.getMessage().getHeader(Keys.PAGE_SIZE)).isEqualTo(SKIPPING_MAX);
    }

    @Test
    void aReplaySendsOnlyTheFailedRecordsItNames() throws Exception {
        ledger.ledger().markQueued(TENANT, "customers", "run-0", Map.of("1", "1", "2", "2", "3", "3"));
        for (String key : List.of("1", "2")) {
            ledger.ledger().recordFailed(new RecordKey(TENANT, "customers", key), new Failure("x", "r", "m", 422), 1,
                    "{}", null);
        }
        Exchange everyFailed = page("customers", 5, customer(1), customer(2), customer(3), customer(4));
        everyFailed.setProperty(Keys.REPLAY_ENTITY, "customers");
        Exchange named = page("customers", 5, customer(1), customer(2), customer(3), customer(4));
        named.setProperty(Keys.REPLAY_ENTITY, "customers");
        named.setProperty(Keys.REPLAY_KEYS, Set.of("2"));

        filter.filter(named);
        assertThat(ids(named)).containsExactly(2);
        assertThat(ledger.statuses(TENANT, "customers")).containsEntry("1", "FAILED").containsEntry("2", "QUEUED");

        filter.filter(everyFailed);
        assertThat(ids(everyFailed)).containsExactly(1);
    }

    @Test
    void recordsWhoseParentsAreNotMigratedAreHeldBack() throws Exception {
        ledger.ledger().markQueued(TENANT, "customers", "run-0", Map.of("7", "7"));
        ledger.ledger().recordMigrated(new RecordKey(TENANT, "customers", "7"), "c-7", 201, 1, null);
        Exchange page = page("orders", 3, order(1, 7), order(2, 8), order(3, 7));

        filter.filter(page);

        assertThat(ids(page)).containsExactly(1, 3);
        assertThat(ledger.statuses(TENANT, "orders")).containsExactly(entry("1", "QUEUED"), entry("2", "BLOCKED"),
                entry("3", "QUEUED"));
        assertThat(ledger.row(new RecordKey(TENANT, "orders", "3"))).containsEntry("group_key", "7");
        assertThat(counts("orders")).containsEntry("read_count", 3L).containsEntry("queued_count", 2L);
    }

    @Test
    void aCompositeKeyBindsTheNextPageByEachOfItsColumns() throws Exception {
        Exchange page = page("links", 2, link("A", "x"), link("A|B", "y"));

        filter.filter(page);

        assertThat(page.getMessage().getHeaders()).containsEntry("lastKey1", "A|B").containsEntry("lastKey2", "y")
                .containsEntry(Keys.MORE, true);
        assertThat(ledger.statuses(TENANT, "links")).containsOnlyKeys("A|x", "A\\|B|y");
    }

    @Test
    void aKeyReadTwiceStopsTheExtractNamingIt() {
        Exchange page = page("customers", 3, customer(1), customer(1));

        assertThatThrownBy(() -> filter.filter(page)).isInstanceOf(PageFilter.DuplicateKeyException.class)
                .hasMessage("Entity customers: the source returned id 1 more than once; source.key must identify one "
                        + "row (fix the duplicates in the source, or choose a unique key)");
        assertThat(ledger.statuses(TENANT, "customers")).isEmpty();
    }

    @Test
    void aGroupColumnTheQueryDoesNotReturnIsADefinitionError() {
        Exchange page = page("orders", 3, Map.of("id", 1, "total", 5));

        assertThatThrownBy(() -> filter.filter(page)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Entity orders: the source query returns no column 'customer_id' (columns: ");
    }

    /** The extract's exchange for a page of {@code entity}, as read with {@code pageSize} asked. */
    @SafeVarargs
    private Exchange page(String entity, int pageSize, Map<String, Object>... rows) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Keys.TENANT, TENANT);
        exchange.setProperty(Keys.ENTITY, entity);
        exchange.setProperty(Keys.RUN_ID, RUN);
        exchange.getMessage().setHeader(Keys.PAGE_SIZE, pageSize);
        exchange.getMessage().setBody(new ArrayList<>(List.of(rows)));
        return exchange;
    }

    private Map<String, Object> counts(String entity) {
        return ledger.runs().entities(RUN).stream().filter(row -> entity.equals(row.get("entity"))).findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(Exchange page) {
        return ((List<Map<String, Object>>) page.getMessage().getBody(List.class)).stream().map(row -> row.get("id"))
                .toList();
    }

    private static Map<String, Object> customer(int id) {
        return row("id", id, "name", "c" + id);
    }

    private static Map<String, Object> order(int id, int customer) {
        return row("id", id, "customer_id", customer, "total", 10);
    }

    private static Map<String, Object> link(String code, String tag) {
        return row("code", code, "tag", tag);
    }

    private static Map<String, Object> row(Object... columnsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }
}

package io.splice.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.broker.Queues;
import io.splice.definition.CompiledMigration;
import io.splice.ledger.BlockedRecord;
import io.splice.record.Keys;
import io.splice.testing.CompiledDefinition;
import io.splice.testing.RecordPathDefinition;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RecordMessage, without Camel Main: the JMS message a source row or a released record becomes. */
class RecordMessageTest {

    @TempDir
    Path dir;

    private RecordMessage records;

    @BeforeEach
    void setUp() {
        CompiledMigration migration = CompiledDefinition.compile(dir, RecordPathDefinition.YAML);
        records = new RecordMessage(migration, new ObjectMapper(), Queues.MIGRATION);
    }

    @Test
    void aRowBecomesItsJsonNamedByTenantEntityRunKeyAndGroup() throws Exception {
        // given a row of orders, grouped by customer_id, on a page whose records are new to the ledger
        Exchange exchange = page("orders", row("id", 7, "customer_id", 3, "total", 12.5));
        exchange.setProperty(Keys.RECHECK_KEYS, Set.of());

        // when
        records.prepare(exchange);

        // then
        Message message = exchange.getMessage();
        assertThat(message.getHeaders()).containsOnly(entry(Keys.JMS_TENANT, "north"), entry(Keys.JMS_ENTITY, "orders"),
                entry(Keys.JMS_RUN_ID, "run-1"), entry(Keys.JMS_SOURCE_KEY, "7"), entry(Keys.JMS_GROUP, "north/3"),
                entry(Keys.JMS_RECHECK, false));
        assertThat(message.getBody()).isEqualTo("{\"id\":7,\"customer_id\":3,\"total\":12.5}");
    }

    @Test
    void aRecordTheLedgerKnewBeforeIsRecheckedByItsConsumer() throws Exception {
        Exchange known = page("orders", row("id", 7, "customer_id", 3, "total", 1));
        known.setProperty(Keys.RECHECK_KEYS, Set.of("7", "9"));
        Exchange unknown = page("orders", row("id", 8, "customer_id", 3, "total", 1));
        unknown.setProperty(Keys.RECHECK_KEYS, Set.of("7", "9"));

        records.prepare(known);
        records.prepare(unknown);

        assertThat(known.getMessage().getHeader(Keys.JMS_RECHECK)).isEqualTo(true);
        assertThat(unknown.getMessage().getHeader(Keys.JMS_RECHECK)).isEqualTo(false);
    }

    @Test
    void everyRecordOfAPageSentAgainIsRechecked() throws Exception {
        // given a page sent again after a failed attempt (PageSender), none of its keys known to the ledger before
        Exchange exchange = page("orders", row("id", 8, "customer_id", 3, "total", 1));
        exchange.setProperty(Keys.PAGE_RESENT, true);

        records.prepare(exchange);

        assertThat(exchange.getMessage().getHeader(Keys.JMS_RECHECK)).isEqualTo(true);
    }

    @Test
    void aCompositeKeyIsEncodedAndItsGroupIsOneOfItsColumns() throws Exception {
        Exchange exchange = page("links", row("code", "A|1", "tag", "x"));

        records.prepare(exchange);

        assertThat(exchange.getMessage().getHeaders()).contains(entry(Keys.JMS_SOURCE_KEY, "A\\|1|x"),
                entry(Keys.JMS_GROUP, "north/A|1"));
        assertThat(exchange.getMessage().getBody()).isEqualTo("{\"code\":\"A|1\",\"tag\":\"x\"}");
    }

    @Test
    void aRowWithoutTheGroupColumnIsRefusedNamingTheEntityAndTheColumns() {
        Exchange exchange = page("orders", row("id", 7, "total", 12.5));

        assertThatThrownBy(() -> records.prepare(exchange)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Entity orders: the source query returns no column 'customer_id' (columns: [id, total])");
    }

    @Test
    void aReleasedRecordIsSentAsItWasReadForTheRunThatReleasedIt() {
        // given a record BLOCKED in an earlier run, released in run-2
        Message message = new DefaultExchange(new DefaultCamelContext()).getMessage();
        BlockedRecord record = new BlockedRecord("south", "orders", "7", "3", "{\"id\":7,\"customer_id\":3}");

        // when
        records.prepareReleased("run-2", record, message);

        // then its consumer always asks the ledger
        assertThat(message.getHeaders()).containsOnly(entry(Keys.JMS_TENANT, "south"), entry(Keys.JMS_ENTITY, "orders"),
                entry(Keys.JMS_RUN_ID, "run-2"), entry(Keys.JMS_SOURCE_KEY, "7"), entry(Keys.JMS_GROUP, "south/3"),
                entry(Keys.JMS_RECHECK, true));
        assertThat(message.getBody()).isEqualTo("{\"id\":7,\"customer_id\":3}");
    }

    @Test
    void aReleasedRecordGoesToItsEntitysQueue() {
        BlockedRecord record = new BlockedRecord("south", "link_notes", "4", "A", "{}");
        RecordMessage dryRun = new RecordMessage(CompiledDefinition.compile(dir, RecordPathDefinition.YAML),
                new ObjectMapper(), Queues.DRY_RUN);

        assertThat(records.queue(record)).isEqualTo("splice.link_notes");
        assertThat(dryRun.queue(record)).isEqualTo("splice.dry-run.link_notes");
    }

    /** One row of a page of tenant north's extract for run-1, as send-page's split hands it over. */
    private static Exchange page(String entity, Map<String, Object> row) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Keys.TENANT, "north");
        exchange.setProperty(Keys.ENTITY, entity);
        exchange.setProperty(Keys.RUN_ID, "run-1");
        exchange.getMessage().setBody(row);
        return exchange;
    }

    private static Map<String, Object> row(Object... columnsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }
}

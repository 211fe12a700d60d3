package io.splice.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.splice.ledger.Ledger;
import io.splice.ledger.Runs;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;

/**
 * Takes one keyset page from the source: advances the keyset, drops what the ledger already has as MIGRATED
 * (one query per page), and marks the rest QUEUED for this run before they are sent.
 */
public class PageFilter {

    private final Ledger ledger;
    private final Runs runs;

    public PageFilter(Ledger ledger, Runs runs) {
        this.ledger = ledger;
        this.runs = runs;
    }

    @SuppressWarnings("unchecked")
    public void filter(Exchange exchange) throws InvalidPayloadException {
        List<Map<String, Object>> page = exchange.getMessage().getMandatoryBody(List.class);
        String tenant = exchange.getProperty(Keys.TENANT, String.class);
        String entity = exchange.getProperty(Keys.ENTITY, String.class);
        String runId = exchange.getProperty(Keys.RUN_ID, String.class);
        String keyColumn = exchange.getProperty(Keys.KEY_COLUMN, String.class);
        String groupColumn = exchange.getProperty(Keys.GROUP_COLUMN, String.class);
        int pageSize = exchange.getMessage().getHeader(Keys.PAGE_SIZE, Integer.class);

        exchange.getMessage().setHeader(Keys.MORE, page.size() == pageSize);
        if (page.isEmpty()) {
            return;
        }
        exchange.getMessage().setHeader(Keys.LAST_KEY, column(page.get(page.size() - 1), keyColumn, entity));

        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        for (Map<String, Object> row : page) {
            byKey.put(String.valueOf(column(row, keyColumn, entity)), row);
        }
        Set<String> migrated = ledger.migratedAmong(tenant, entity, byKey.keySet());
        List<Map<String, Object>> toSend = new ArrayList<>(page.size() - migrated.size());
        Map<String, String> groups = new LinkedHashMap<>();
        byKey.forEach((key, row) -> {
            if (!migrated.contains(key)) {
                toSend.add(row);
                groups.put(key, String.valueOf(column(row, groupColumn, entity)));
            }
        });
        if (!groups.isEmpty()) {
            ledger.markQueued(tenant, entity, runId, groups);
        }
        runs.pageRead(runId, entity, page.size(), migrated.size(), toSend.size());
        exchange.getMessage().setBody(toSend);
    }

    static Object column(Map<String, Object> row, String column, String entity) {
        if (!row.containsKey(column)) {
            throw new IllegalArgumentException("Entity " + entity + ": the source query returns no column '"
                    + column + "' (columns: " + row.keySet() + ")");
        }
        return row.get(column);
    }
}

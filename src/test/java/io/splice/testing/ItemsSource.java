package io.splice.testing;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A plain legacy table for the long suites: items(id, grp, name, qty) with {@code records} rows in {@code groups}
 * groups; every {@code invalidEvery}-th row has no name (its mapping requires one: it must end FAILED).
 */
public final class ItemsSource {

    /** The one-entity definition over it; the target looks records up by idempotency key before sending them again. */
    public static final String DEFINITION = """
            migration: items
            entities:
              items:
                source: { table: items, columns: [id, grp, name, qty], key: id }
                group: grp
                mapping:
                  fields:
                    legacyId: id
                    group: grp
                    name: { column: name, required: true }
                    qty: { column: qty, type: integer }
                target:
                  path: /api/v1/items
                  lookupPath: /api/v1/items/by-key/{idempotencyKey}
            """;

    private ItemsSource() {
    }

    public static void create(TestDatabase source, int records, int groups, int invalidEvery) {
        JdbcTemplate jdbc = new JdbcTemplate(source.dataSource());
        jdbc.execute("create table items (id bigint primary key, grp integer not null, name varchar(100), qty integer)");
        jdbc.update("insert into items select g, g % ?, case when g % ? = 0 then null else 'item ' || g end, g % 17"
                + " from generate_series(1, ?) as g", groups, invalidEvery, records);
    }
}

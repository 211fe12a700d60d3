package io.splice.testing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small valid migration definition (customers, and their orders referencing them; two tenants) over
 * {@link ShopSource}'s tables, to break one thing at a time.
 */
public final class ShopDefinition {

    public static final String FILE = "shop.yaml";

    // line numbers matter: tests on malformed YAML name them
    public static final String YAML = """
            migration: shop
            description: Customers and their orders
            target:
              rate: 100
            tenants:
              - name: north
                filter: north
              - name: south
                filter: south
                rates: { orders: 10 }
            entities:
              customers:
                source:
                  table: customers
                  columns: [id, name, region]
                  tenantColumn: region
                  key: id
                  pageSize: 50
                group: id
                mapping:
                  fields:
                    legacyId: id
                    name: { column: name, required: true }
                target:
                  path: /api/customers
              orders:
                source:
                  query: |
                    select id, customer_id, status, total
                      from orders
                     where id > :#lastKey and region = :#tenantFilter
                     order by id
                     limit :#pageSize
                  key: id
                group: customer_id
                dependsOn: [customers]
                references:
                  customer_id: customers
                mapping:
                  fields:
                    legacyId: id
                    customerId: customer_id
                    status: { column: status, codeTable: orderStatus }
                    total: { column: total, type: decimal }
                  codeTables:
                    orderStatus:
                      values: { N: NEW, S: SHIPPED }
                target:
                  path: /api/orders
                  rate: 20
            """;

    /** The orders mapping as it is written in its own file (mapping.file). */
    public static final String ORDERS_MAPPING = """
            fields:
              legacyId: id
              customerId: customer_id
              status: { column: status, codeTable: orderStatus }
              total: { column: total, type: decimal }
            codeTables:
              orderStatus:
                values: { N: NEW, S: SHIPPED }
            """;

    private ShopDefinition() {
    }

    /** The definition with {@code text} (which must occur exactly once) replaced by {@code replacement}. */
    public static String with(String text, String replacement) {
        return replaced(YAML, text, replacement);
    }

    public static String replaced(String yaml, String text, String replacement) {
        assertThat(yaml.split(java.util.regex.Pattern.quote(text), -1)).as("occurrences of %s", text).hasSize(2);
        return yaml.replace(text, replacement);
    }
}

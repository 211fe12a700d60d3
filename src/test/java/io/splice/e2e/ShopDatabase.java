package io.splice.e2e;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A legacy schema Splice does not ship: countries (a lookup table) and customers → orders → order lines, of two
 * shops (tenants N and S) whose ids interleave. Deterministic: customer c has 3 orders, order o has 1 + o % 3 lines.
 */
final class ShopDatabase {

    static final int CUSTOMERS = 24;
    private static final String[] STATUS = {"O", "S", "C"};

    private final JdbcTemplate jdbc;
    private final String oddShop;
    private final String evenShop;

    /** Shops N (odd customers) and S (even customers) in one database. */
    ShopDatabase(DataSource source) {
        this(source, "N", "S");
    }

    ShopDatabase(DataSource source, String oddShop, String evenShop) {
        this.jdbc = new JdbcTemplate(source);
        this.oddShop = oddShop;
        this.evenShop = evenShop;
    }

    ShopDatabase create() {
        jdbc.execute("create table countries (code varchar(2) primary key, name varchar(60) not null)");
        jdbc.execute("create table customers (id bigint primary key, shop varchar(1) not null, name varchar(100), "
                + "email varchar(200), country_code varchar(2))");
        jdbc.execute("create table orders (id bigint primary key, shop varchar(1) not null, customer_id bigint not null, "
                + "placed_on date, status varchar(1))");
        jdbc.execute("create table order_lines (id bigint primary key, shop varchar(1) not null, order_id bigint not null, "
                + "sku varchar(20), quantity int, unit_price numeric(10, 2))");
        jdbc.update("insert into countries values ('NL', 'Netherlands'), ('BE', 'Belgium')");
        long orderId = 0;
        long lineId = 0;
        List<Object[]> customers = new ArrayList<>();
        List<Object[]> orders = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        for (long c = 1; c <= CUSTOMERS; c++) {
            String shop = c % 2 == 1 ? oddShop : evenShop;
            customers.add(new Object[] {c, shop, "Customer " + c, "c" + c + "@example.com", c % 3 == 0 ? "BE" : "NL"});
            for (int o = 0; o < 3; o++) {
                orderId++;
                orders.add(new Object[] {orderId, shop, c, java.sql.Date.valueOf("2024-03-" + (10 + o)), STATUS[(int) (orderId % 3)]});
                for (int l = 0; l <= orderId % 3; l++) {
                    lineId++;
                    lines.add(new Object[] {lineId, shop, orderId, "SKU-" + lineId, 1 + l, new java.math.BigDecimal("2.50")});
                }
            }
        }
        jdbc.batchUpdate("insert into customers values (?, ?, ?, ?, ?)", customers);
        jdbc.batchUpdate("insert into orders values (?, ?, ?, ?, ?)", orders);
        jdbc.batchUpdate("insert into order_lines values (?, ?, ?, ?, ?, ?)", lines);
        return this;
    }

    /** Odd customers are shop N's, even ones shop S's; their orders and lines follow them. */
    static String shop(long customer) {
        return customer % 2 == 1 ? "N" : "S";
    }

    long count(String table, String shop) {
        return jdbc.queryForObject("select count(*) from " + table + " where shop = ?", Long.class, shop);
    }

    List<Long> orderIdsOf(long customer) {
        return jdbc.queryForList("select id from orders where customer_id = ? order by id", Long.class, customer);
    }

    List<Long> lineIdsOfOrdersOf(long customer) {
        return jdbc.queryForList("select l.id from order_lines l join orders o on o.id = l.order_id "
                + "where o.customer_id = ? order by l.id", Long.class, customer);
    }

    void setEmail(long customer, String email) {
        jdbc.update("update customers set email = ? where id = ?", email, customer);
    }

    /** The definition, as a team would write it: no Java. Tenant east has its own legacy database. */
    static String definition(String eastUrl, String eastUser) {
        return """
                migration: shop
                target: { rate: 2000 }
                tenants:
                  - name: north
                    filter: N
                    variables: { channel: web-north }
                    rates: { order_lines: 400 }
                  - name: south
                    filter: S
                    variables: { channel: web-south }
                  - name: east
                    filter: E
                    variables: { channel: shop-east }
                    source: { url: "%s", username: %s }
                entities:
                  customers:
                    source:
                      # the lookup table: the country's name comes from countries
                      query: |
                        select c.id, c.name, c.email, k.name as country
                          from customers c join countries k on k.code = c.country_code
                         where c.id > :#lastKey and c.shop = :#tenantFilter
                         order by c.id
                         limit :#pageSize
                      key: id
                      pageSize: 5
                    group: id
                    mapping:
                      fields:
                        legacyId: id
                        tenant: { expression: "$tenant" }
                        name: { column: name, required: true }
                        email: { column: email, required: true }
                        country: country
                        channel: { expression: "$variables.channel" }
                    target: { path: /api/v1/customers }
                  orders:
                    source:
                      table: orders
                      columns: [id, customer_id, placed_on, status]
                      tenantColumn: shop
                      key: id
                      pageSize: 20
                    group: customer_id
                    dependsOn: [customers]
                    references: { customer_id: customers }
                    mapping:
                      fields:
                        legacyId: id
                        tenant: { expression: "$tenant" }
                        customerId: customer_id
                        placedOn: { column: placed_on, type: date }
                        status: { column: status, codeTable: orderStatus }
                      codeTables:
                        orderStatus: { values: { O: OPEN, S: SHIPPED, C: CANCELLED } }
                    target: { path: /api/v1/orders }
                  order_lines:
                    source:
                      table: order_lines
                      columns: [id, order_id, sku, quantity, unit_price]
                      tenantColumn: shop
                      key: id
                      pageSize: 40
                    group: order_id
                    concurrency: 3
                    dependsOn: [orders]
                    references: { order_id: orders }
                    mapping:
                      fields:
                        legacyId: id
                        tenant: { expression: "$tenant" }
                        orderId: order_id
                        sku: sku
                        quantity: { column: quantity, type: integer }
                      expression: |
                        { "amount": { "value": quantity * unit_price, "currency": "EUR" } }
                    target: { path: /api/v1/order-lines }
                """.formatted(eastUrl, eastUser);
    }
}

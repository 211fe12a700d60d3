package io.splice.testing;

/**
 * A definition with every shape the record path's beans handle: a parent and its children (customers, orders), a
 * strict group order (payments), a hierarchy (categories), and a composite key referenced by two columns (links,
 * link_notes).
 */
public final class RecordPathDefinition {

    public static final String YAML = """
            migration: beans
            entities:
              customers:
                source: { table: customers, columns: [id, name], key: id }
                group: id
                mapping:
                  fields: { legacyId: id, name: name }
                target:
                  path: /api/customers
              orders:
                source: { table: orders, columns: [id, customer_id, total], key: id, pageSize: 3 }
                group: customer_id
                dependsOn: [customers]
                references:
                  customer_id: customers
                mapping:
                  fields: { legacyId: id, customerId: customer_id }
                target:
                  path: /api/orders
              payments:
                source: { table: payments, columns: [id, account, amount], key: id }
                group: account
                order: strict
                dependsOn: [customers]
                references:
                  account: customers
                mapping:
                  fields: { legacyId: id, account: account }
                target:
                  path: /api/payments
              categories:
                source: { table: categories, columns: [id, parent_id, grp], key: id }
                group: grp
                references:
                  parent_id: categories
                mapping:
                  fields: { legacyId: id, parentId: parent_id }
                target:
                  path: /api/categories
              links:
                source: { table: links, columns: [code, tag], key: [code, tag], keyType: text, pageSize: 2 }
                group: code
                mapping:
                  fields: { code: code, tag: tag }
                target:
                  path: /api/links
              link_notes:
                source: { table: link_notes, columns: [id, code, tag, note], key: id }
                group: code
                dependsOn: [links]
                references:
                  link: { entity: links, columns: [code, tag] }
                mapping:
                  fields: { linkId: link, note: note }
                target:
                  path: /api/link-notes
            """;

    private RecordPathDefinition() {
    }
}

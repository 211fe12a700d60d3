package io.splice.definition;

import static io.splice.testing.ShopDefinition.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.splice.testing.ShopDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Hierarchies, composite keys and path-only fields as validate sees them (against an H2 copy of the shop's tables). */
class KeysAndHierarchiesValidationTest {

    @RegisterExtension
    static final DefinitionCheck check = new DefinitionCheck();

    @TempDir
    Path dir;

    @Test
    void anEntityMayReferenceItselfWithOrWithoutNamingItselfInDependsOn() throws Exception {
        assertThat(check.problems(dir, with("    group: id\n", "    group: id\n    references: { referrer: customers }\n")))
                .isEmpty();
        assertThat(check.problems(dir, with("    group: id\n",
                "    group: id\n    dependsOn: [customers]\n    references: { referrer: customers }\n"))).isEmpty();
    }

    @Test
    void aCycleBetweenTwoEntitiesIsStillRefusedWhenOneOfThemIsAHierarchy() throws Exception {
        assertThat(check.problems(dir, with("    group: id\n",
                "    group: id\n    dependsOn: [customers, orders]\n"))).containsExactly(
                "shop.yaml: entity 'customers': dependsOn: dependency cycle: customers → orders → customers");
    }

    @Test
    void aCompositeKeyInTheTableFormIsPreparedAsARowValueComparison() throws Exception {
        String composite = ShopDefinition.replaced(with("      key: id\n      pageSize: 50\n",
                "      key: [region, id]\n      keyType: [text, number]\n      pageSize: 50\n"),
                "customer_id: customers", "customer: { entity: customers, columns: [region, customer_id] }");

        assertThat(check.problems(dir, composite)).isEmpty();
        SourceDefinition source = new SourceDefinition(null, "customers", java.util.List.of("id", "name", "region"),
                "region", java.util.List.of("region", "id"), java.util.List.of("text", "number"), null, null);
        assertThat(SourceQueries.pageQuery(source)).isEqualTo("select id, name, region from customers where "
                + "(region, id) > (:#lastKey1, :#lastKey2) and region = :#tenantFilter order by region, id limit :#pageSize");
    }

    @Test
    void keyTypesMustBeOneForAllOrOnePerKeyColumn() throws Exception {
        assertThat(check.problems(dir, ShopDefinition.replaced(with("      key: id\n      pageSize: 50\n",
                "      key: [region, id]\n      keyType: [text, number, text]\n      pageSize: 50\n"),
                "customer_id: customers", "customer: { entity: customers, columns: [region, customer_id] }")))
                .containsExactly(
                "shop.yaml: entity 'customers': source.keyType: gives 3 types for 2 key columns: give one for all, "
                        + "or one per key column");
    }

    @Test
    void aQueryWithACompositeKeyMustBindEveryKeyColumnsLastValue() throws Exception {
        String query = with("      key: id\n    group: customer_id", "      key: [id, region]\n    group: customer_id");

        assertThat(check.problems(dir, query)).containsExactly(
                "shop.yaml: entity 'orders': source.query: must bind :#lastKey1 (keyset paging: rows after :#lastKey, "
                        + "ordered by the key, at most :#pageSize)",
                "shop.yaml: entity 'orders': source.query: must bind :#lastKey2 (keyset paging: rows after :#lastKey, "
                        + "ordered by the key, at most :#pageSize)");
    }

    @Test
    void aReferenceNamesAsManyColumnsAsItsParentsKeyHas() throws Exception {
        String definition = ShopDefinition.replaced(with("      key: id\n      pageSize: 50\n",
                "      key: [region, id]\n      keyType: [text, number]\n      pageSize: 50\n"),
                "customer_id: customers", "customer_id: { entity: customers, columns: [customer_id] }");

        assertThat(check.problems(dir, definition)).containsExactly("shop.yaml: entity 'orders': references.customer_id: "
                + "names 1 column, but the key of customers has 2 (region, id): give columns: [...] in the order of its "
                + "source.key");
        assertThat(check.problems(dir, ShopDefinition.replaced(definition, "columns: [customer_id]",
                "columns: [region, customer_id]"))).isEmpty();
    }

    @Test
    void aPathOnlyFieldMustFillTheTargetPath() throws Exception {
        String pathOnly = with("        legacyId: id\n        name:", "        legacyId: { column: id, pathOnly: true }\n        name:");

        assertThat(check.problems(dir, pathOnly)).containsExactly("shop.yaml: entity 'customers': "
                + "mapping.fields.legacyId.pathOnly: the field is not sent in the body, so target.path must use it as "
                + "{legacyId} (was /api/customers)");
        assertThat(check.problems(dir, ShopDefinition.replaced(pathOnly, "path: /api/customers",
                "path: \"/api/customers/{legacyId}\""))).isEmpty();
    }
}

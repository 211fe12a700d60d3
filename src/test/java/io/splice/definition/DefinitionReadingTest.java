package io.splice.definition;

import static io.splice.testing.ShopDefinition.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.splice.testing.ShopDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * YAML that once crashed the loader, was silently misread, or was reported against the wrong field: each is now
 * one error naming the file, the entity and the field.
 */
class DefinitionReadingTest {

    @RegisterExtension
    static final DefinitionCheck check = new DefinitionCheck();

    @TempDir
    Path dir;

    @Test
    void aTabInTheIndentationIsASyntaxErrorAtItsLine() throws Exception {
        assertThat(check.problems(dir, with("    group: id\n    mapping:\n      fields:\n        legacyId: id\n        name",
                "\tgroup: id\n    mapping:\n      fields:\n        legacyId: id\n        name"))).containsExactly(
                "shop.yaml: not valid YAML at line 19, column 1: found character '\\t(TAB)' that cannot start any token. "
                        + "(Do not use \\t(TAB) for indentation)");
    }

    @Test
    void anIndentationMistakeNamesWhereTheEnclosingMappingStarts() throws Exception {
        assertThat(check.problems(dir, with("    group: customer_id\n", "   group: customer_id\n"))).containsExactly(
                "shop.yaml: not valid YAML at line 35, column 4: expected <block end>, but found '<block mapping start>' "
                        + "(while parsing a block mapping from line 12, column 3)");
    }

    @Test
    void aKeyGivenTwiceIsReportedAgainstThatKey() throws Exception {
        assertThat(check.problems(dir, with("pageSize: 50", "pageSize: 50\n      pageSize: 60"))).containsExactly(
                "shop.yaml: entity 'customers': source.pageSize: appears twice");
    }

    @Test
    void aTopLevelKeyGivenTwiceIsReportedAgainstThatKey() throws Exception {
        assertThat(check.problems(dir, with("migration: shop\n", "migration: shop\nmigration: store\n"))).containsExactly(
                "shop.yaml: migration: appears twice");
    }

    @Test
    void aFractionIsNotAWholeNumber() throws Exception {
        assertThat(check.problems(dir, with("pageSize: 50", "pageSize: 2.5"))).containsExactly(
                "shop.yaml: entity 'customers': source.pageSize: expected a whole number, got '2.5'");
    }

    @Test
    void entitiesGivenAsAListAreReported() throws Exception {
        assertThat(check.problems(dir, "migration: shop\nentities:\n  - customers\n  - orders\n")).containsExactly(
                "shop.yaml: entities: expected a mapping of fields (key: value)");
    }

    @Test
    void anEntityGivenAsAListIsReported() throws Exception {
        assertThat(check.problems(dir, with("  customers:\n    source:\n", "  customers: [source, group]\n  clients:\n    source:\n")))
                .containsExactly("shop.yaml: entity 'customers': expected a mapping of fields (key: value)");
    }

    @Test
    void noEntitiesAtAllIsReported() throws Exception {
        assertThat(check.problems(dir, "migration: shop\nentities:\n")).containsExactly(
                "shop.yaml: entities: is required: at least one entity");
    }

    @Test
    void anEmptyEntityIsReported() throws Exception {
        assertThat(check.problems(dir, "migration: shop\nentities:\n  customers:\n")).containsExactly(
                "shop.yaml: entity 'customers': is empty: give source, group, mapping and target");
    }

    @Test
    void aFileWithOnlyACommentIsEmpty() throws Exception {
        assertThat(check.problems(dir, "# the shop migration, to be written\n")).containsExactly(
                "shop.yaml: the file is empty");
    }

    @Test
    void aSecondYamlDocumentInTheFileIsReported() throws Exception {
        assertThat(check.problems(dir, ShopDefinition.YAML + "---\nmigration: store\n")).containsExactly(
                "shop.yaml: holds more than one YAML document (the second starts at line 52): give one per file");
    }

    @Test
    void anEmptyEntryInDependsOnIsReportedNotACrash() throws Exception {
        assertThat(check.problems(dir, with("dependsOn: [customers]", "dependsOn: [customers, ~]"))).containsExactly(
                "shop.yaml: entity 'orders': dependsOn[1]: is empty (nothing, ~ or null): give a value");
    }

    @Test
    void anEmptyTenantIsReportedNotACrash() throws Exception {
        assertThat(check.problems(dir, with("  - name: north\n    filter: north\n", "  -\n"))).containsExactly(
                "shop.yaml: tenants[0]: is empty (nothing, ~ or null): give a value");
    }

    @Test
    void anEmptyTenantRateIsReportedNotACrash() throws Exception {
        assertThat(check.problems(dir, with("rates: { orders: 10 }", "rates: { orders: }"))).containsExactly(
                "shop.yaml: tenants[1].rates.orders: is empty (nothing, ~ or null): give a value");
    }

    @Test
    void anEmptyColumnIsReportedNotReadAsTheSqlNull() throws Exception {
        assertThat(check.problems(dir, with("columns: [id, name, region]", "columns: [id, ~, region]"))).containsExactly(
                "shop.yaml: entity 'customers': source.columns[1]: is empty (nothing, ~ or null): give a value");
    }

    @Test
    void aTenantVariableMayBeNull() throws Exception {
        assertThat(check.problems(dir, with("    filter: north\n", "    filter: north\n    variables: { region: ~ }\n")))
                .isEmpty();
    }

    @Test
    void aSyntaxErrorInAMappingFileNamesTheMappingFile() throws Exception {
        // given
        DefinitionCheck.write(dir, "orders.mapping.yaml", ShopDefinition.replaced(ShopDefinition.ORDERS_MAPPING,
                "  legacyId: id\n", "  legacyId: id\n customerId: customer_id\n"));

        // when / then
        assertThat(check.problems(dir, DefinitionValidationTest.ordersMappingInItsOwnFile())).containsExactly(
                "orders.mapping.yaml: entity 'orders': not valid YAML at line 3, column 2: expected <block end>, "
                        + "but found '<block mapping start>' (while parsing a block mapping from line 1, column 1)");
    }
}

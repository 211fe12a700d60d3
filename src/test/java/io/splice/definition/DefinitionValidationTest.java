package io.splice.definition;

import static io.splice.testing.ShopDefinition.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.splice.testing.ShopDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One mistake at a time in an otherwise valid definition: each is reported exactly as the operator reads it
 * (file, entity, field, what is expected), and nothing else is.
 */
class DefinitionValidationTest {

    @RegisterExtension
    static final DefinitionCheck check = new DefinitionCheck();

    @TempDir
    Path dir;

    @Test
    void theUnbrokenDefinitionHasNoProblems() throws Exception {
        assertThat(check.problems(dir, ShopDefinition.YAML)).isEmpty();
    }

    @Test
    void aMisspeltFieldIsUnknownAndTheKnownOnesAreListed() throws Exception {
        assertThat(check.problems(dir, with("pageSize: 50", "pagesize: 50"))).containsExactly(
                "shop.yaml: entity 'customers': source.pagesize: unknown field (expected one of: columns, key, keyType, "
                        + "pageSize, pagesPerSecond, query, table, tenantColumn)");
    }

    @Test
    void anEntityWithoutAGroupIsReported() throws Exception {
        assertThat(check.problems(dir, with("    group: id\n", ""))).containsExactly(
                "shop.yaml: entity 'customers': group: is required: the column whose value keeps records in order "
                        + "(the message group)");
    }

    @Test
    void aSourceWithoutAKeyIsReported() throws Exception {
        assertThat(check.problems(dir, with("      key: id\n      pageSize: 50\n", "      pageSize: 50\n"))).containsExactly(
                "shop.yaml: entity 'customers': source.key: is required: the keyset column (unique, ordered)");
    }

    @Test
    void malformedYamlIsReportedWithItsLineAndColumn() throws Exception {
        assertThat(check.problems(dir, with("columns: [id, name, region]", "columns: [id, name, region"))).containsExactly(
                "shop.yaml: not valid YAML at line 16, column 19: expected ',' or ']', but got : "
                        + "(while parsing a flow sequence from line 15, column 16)");
    }

    @Test
    void aWordWhereAWholeNumberBelongsIsReported() throws Exception {
        assertThat(check.problems(dir, with("pageSize: 50", "pageSize: ten"))).containsExactly(
                "shop.yaml: entity 'customers': source.pageSize: expected a whole number, got 'ten'");
    }

    @Test
    void aPageSizeOfZeroIsReported() throws Exception {
        assertThat(check.problems(dir, with("pageSize: 50", "pageSize: 0"))).containsExactly(
                "shop.yaml: entity 'customers': source.pageSize: must be a whole number above 0, was 0");
    }

    @Test
    void aNegativeRateIsReported() throws Exception {
        assertThat(check.problems(dir, with("      rate: 20", "      rate: -5"))).containsExactly(
                "shop.yaml: entity 'orders': target.rate: must be a whole number above 0, was -5");
    }

    @Test
    void aNegativeRateForTheWholeTargetHostIsReported() throws Exception {
        assertThat(check.problems(dir, with("  rate: 100", "  rate: -5"))).containsExactly(
                "shop.yaml: target.rate: must be a whole number above 0, was -5");
    }

    @Test
    void anUnknownOrderIsReported() throws Exception {
        assertThat(check.problems(dir, with("    group: customer_id\n", "    group: customer_id\n    order: sorted\n")))
                .containsExactly("shop.yaml: entity 'orders': order: must be group or strict, was 'sorted'");
        assertThat(check.problems(dir, with("    group: customer_id\n", "    group: customer_id\n    order: strict\n")))
                .isEmpty();
    }

    @Test
    void dependingOnAnUnknownEntityNamesTheKnownOnes() throws Exception {
        assertThat(check.problems(dir, with("dependsOn: [customers]", "dependsOn: [customers, invoices]"))).containsExactly(
                "shop.yaml: entity 'orders': dependsOn: names unknown entity 'invoices' (entities: customers, orders)");
    }

    @Test
    void aDependencyCycleIsShownAsAPath() throws Exception {
        assertThat(check.problems(dir, with("    group: id\n", "    group: id\n    dependsOn: [orders]\n"))).containsExactly(
                "shop.yaml: entity 'customers': dependsOn: dependency cycle: customers → orders → customers");
    }

    @Test
    void aReferencedEntityMustBeInDependsOn() throws Exception {
        assertThat(check.problems(dir, with("    dependsOn: [customers]\n", ""))).containsExactly(
                "shop.yaml: entity 'orders': references.customer_id: entity 'customers' is not in dependsOn: "
                        + "a referenced parent must be migrated first");
    }

    @Test
    void aReferenceToAnUnknownEntityNamesTheKnownOnes() throws Exception {
        assertThat(check.problems(dir, with("customer_id: customers", "customer_id: clients"))).containsExactly(
                "shop.yaml: entity 'orders': references.customer_id: names unknown entity 'clients' "
                        + "(entities: customers, orders)");
    }

    @Test
    void aMappingExpressionThatDoesNotCompileIsReported() throws Exception {
        assertThat(check.problems(dir, with("        legacyId: id\n        customerId",
                "        legacyId: { expression: \"id +\" }\n        customerId"))).containsExactly(
                "shop.yaml: entity 'orders': mapping.fields.legacyId.expression: does not compile: "
                        + "Unexpected end of expression");
    }

    @Test
    void anUndefinedCodeTableNamesTheDefinedOnes() throws Exception {
        assertThat(check.problems(dir, with("codeTable: orderStatus", "codeTable: orderStates"))).containsExactly(
                "shop.yaml: entity 'orders': mapping.fields.status.codeTable: names code table 'orderStates', "
                        + "which is not defined (defined: orderStatus)");
    }

    @Test
    void aSourceQueryThatDoesNotBindTheLastKeyIsReported() throws Exception {
        assertThat(check.problems(dir, with("id > :#lastKey and ", ""))).containsExactly(
                "shop.yaml: entity 'orders': source.query: must bind :#lastKey (keyset paging: rows after :#lastKey, "
                        + "ordered by the key, at most :#pageSize)");
    }

    @Test
    void aSourceQueryTheSourceDatabaseRejectsIsReportedWithTheDatabasesReason() throws Exception {
        // when
        List<String> problems = check.problems(dir, with("from orders", "from invoices"));

        // then
        assertThat(problems).singleElement().asString()
                .startsWith("shop.yaml: entity 'orders': source.query: the source database rejects it: ")
                .containsIgnoringCase("invoices");
    }

    @Test
    void aSourceTableTheSourceDatabaseDoesNotHaveIsReported() throws Exception {
        assertThat(check.problems(dir, with("table: customers", "table: clients"))).singleElement().asString()
                .startsWith("shop.yaml: entity 'customers': source.table: the source database rejects it: ")
                .containsIgnoringCase("clients");
    }

    @Test
    void twoTenantsWithTheSameNameAreReported() throws Exception {
        assertThat(check.problems(dir, with("  - name: south", "  - name: north"))).containsExactly(
                "shop.yaml: tenants[1].name: 'north' appears twice");
    }

    @Test
    void aTenantRateForAnUnknownEntityNamesTheKnownOnes() throws Exception {
        assertThat(check.problems(dir, with("rates: { orders: 10 }", "rates: { invoices: 10 }"))).containsExactly(
                "shop.yaml: tenants[1].rates.invoices: names unknown entity 'invoices' (entities: customers, orders)");
    }

    @Test
    void severalTenantsNeedEveryEntityToFilterByTenant() throws Exception {
        assertThat(check.problems(dir, with("      tenantColumn: region\n", ""))).containsExactly(
                "shop.yaml: entity 'customers': source: does not filter by tenant (bind :#tenantFilter in the query, "
                        + "or set tenantColumn), but several tenants read the shared source: each would migrate every record");
    }

    @Test
    void aTenantsOwnDatabasePasswordMustComeFromAnEnvironmentVariableThatIsSet() throws Exception {
        assertThat(check.problems(dir, with("    rates: { orders: 10 }\n",
                "    rates: { orders: 10 }\n    source: { url: \"jdbc:h2:mem:south\", "
                        + "username: sa, passwordEnv: SPLICE_TEST_NOT_SET_ANYWHERE }\n"))).containsExactly(
                "shop.yaml: tenants[1].source.passwordEnv: environment variable SPLICE_TEST_NOT_SET_ANYWHERE is not set");
    }

    @Test
    void aTenantsOwnDatabaseNeedsAUrlAndOnePlaceForItsPassword() throws Exception {
        assertThat(check.problems(dir, with("    rates: { orders: 10 }\n",
                "    rates: { orders: 10 }\n    source: { username: sa, passwordEnv: A, "
                        + "passwordFile: /run/secrets/b }\n"))).containsExactly(
                "shop.yaml: tenants[1].source.url: is required: the JDBC url of the tenant's own legacy database",
                "shop.yaml: tenants[1].source: give either passwordEnv or passwordFile, not both");
    }

    @Test
    void anUnknownFieldInAMappingFileNamesTheMappingFile() throws Exception {
        // given
        DefinitionCheck.write(dir, "orders.mapping.yaml", ShopDefinition.replaced(ShopDefinition.ORDERS_MAPPING,
                "codeTable: orderStatus", "codetable: orderStatus"));
        String definition = ordersMappingInItsOwnFile();

        // when
        List<String> problems = check.problems(dir, definition);

        // then
        assertThat(problems).containsExactly("orders.mapping.yaml: entity 'orders': fields.status.codetable: "
                + "unknown field (expected one of: codeTable, column, constant, expression, pathOnly, required, type)");
    }

    @Test
    void aMappingFileThatIsNotThereIsReportedAgainstTheFieldNamingIt() throws Exception {
        assertThat(check.problems(dir, ordersMappingInItsOwnFile())).containsExactly(
                "shop.yaml: entity 'orders': mapping.file: cannot read " + dir.resolve("orders.mapping.yaml")
                        + ": NoSuchFileException");
    }

    @Test
    void anUnreachableTargetIsAWarningAndTheDefinitionStaysValid() throws Exception {
        // given
        DefinitionCheck.write(dir, ShopDefinition.FILE, ShopDefinition.YAML);

        // when
        MigrationLoading.Result result = check.check(dir, DefinitionCheck.UNREACHABLE_TARGET);

        // then
        assertThat(result.valid()).isTrue();
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).map(DefinitionError::toString).containsExactly(
                "shop.yaml: warning: splice.target.url: the target http://127.0.0.1:1 cannot be reached "
                        + "(ConnectException); records will wait and retry when the run starts");
    }

    @Test
    void theBundledFtthDefinitionPassesTheStaticChecks() {
        // given
        LoadedDefinitions loaded = new DefinitionLoader().load(List.of(Path.of("config/migrations/ftth.yaml").toString()));

        // when
        List<DefinitionError> problems = new ArrayList<>(loaded.errors());
        loaded.definitions().forEach(definition -> problems.addAll(new DefinitionValidator().validate(definition)));

        // then
        assertThat(problems).isEmpty();
        assertThat(loaded.definitions()).singleElement().extracting(MigrationDefinition::migration).isEqualTo("ftth");
    }

    static String ordersMappingInItsOwnFile() {
        return with("""
                    mapping:
                      fields:
                        legacyId: id
                        customerId: customer_id
                        status: { column: status, codeTable: orderStatus }
                        total: { column: total, type: decimal }
                      codeTables:
                        orderStatus:
                          values: { N: NEW, S: SHIPPED }
                """, """
                    mapping:
                      file: orders.mapping.yaml
                """);
    }
}

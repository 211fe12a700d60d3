package io.splice.definition;

import static io.splice.testing.ShopDefinition.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import io.splice.sample.SampleSchema;
import io.splice.testing.ShopDefinition;
import io.splice.testing.ShopSource;
import io.splice.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Source SQL checked by a real PostgreSQL, whose driver prepares lazily: a query on a missing table or column
 * must still be rejected before anything starts, and a sound one must not be.
 */
class DatabaseChecksPostgresTest {

    @RegisterExtension
    static final DefinitionCheck check = new DefinitionCheck();

    private TestDatabase postgres;

    @TempDir
    Path dir;

    @BeforeEach
    void createSource() throws Exception {
        postgres = TestDatabase.create("definition");
        ShopSource.createTables(postgres.dataSource());
    }

    @AfterEach
    void dropSource() throws Exception {
        postgres.close();
    }

    @Test
    void theUnbrokenDefinitionHasNoProblems() throws Exception {
        assertThat(check.problems(dir, ShopDefinition.YAML, postgres.dataSource())).isEmpty();
    }

    @Test
    void aQueryOnATableThatDoesNotExistIsRejected() throws Exception {
        assertThat(check.problems(dir, with("from orders", "from invoices"), postgres.dataSource())).containsExactly(
                "shop.yaml: entity 'orders': source.query: the source database rejects it: "
                        + "ERROR: relation \"invoices\" does not exist");
    }

    @Test
    void aColumnTheTableDoesNotHaveIsRejected() throws Exception {
        assertThat(check.problems(dir, with("columns: [id, name, region]", "columns: [id, full_name, region]"),
                postgres.dataSource())).containsExactly(
                "shop.yaml: entity 'customers': source.table: the source database rejects it: "
                        + "ERROR: column \"full_name\" does not exist");
    }

    @Test
    void theBundledFtthDefinitionPassesTheDatabaseChecks() throws Exception {
        // given: the sample's legacy tables, and the new system's for the SQL-target entity
        SampleSchema.create(postgres.dataSource());
        LoadedDefinitions loaded = new DefinitionLoader().load(List.of(Path.of("config/migrations/ftth.yaml").toString()));
        assertThat(loaded.errors()).isEmpty();

        try (TestDatabase newSystem = TestDatabase.create("definition_target")) {
            SampleSchema.createTargetTables(newSystem.dataSource());

            // when
            List<DefinitionError> problems = DatabaseChecks.check(loaded.definitions().get(0), postgres.dataSource(),
                    newSystem.dataSource());

            // then
            assertThat(problems).isEmpty();
        }
    }
}

package io.splice.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.splice.definition.CompiledMigration;
import io.splice.definition.DefinitionLoader;
import io.splice.definition.LoadedDefinitions;
import io.splice.definition.MigrationDefaults;
import io.splice.definition.MigrationDefinition;

/** A migration definition read from YAML text as Splice reads its files, and compiled as the routes use it. */
public final class TestMigrations {

    /** Default tenant, page size 100, 10 pages/s, 1 consumer, rate 50, host rate 100. */
    public static final MigrationDefaults DEFAULTS = new MigrationDefaults("default", 100, 10, 1, 50, 100);

    private TestMigrations() {
    }

    public static MigrationDefinition read(String yaml) throws IOException {
        Path file = Files.createTempFile("splice-migration-", ".yaml");
        try {
            Files.writeString(file, yaml);
            LoadedDefinitions loaded = new DefinitionLoader().load(List.of("file:" + file));
            assertThat(loaded.errors()).isEmpty();
            return loaded.definitions().get(0);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    public static CompiledMigration compile(MigrationDefinition definition) {
        return CompiledMigration.compile(definition, DEFAULTS);
    }
}

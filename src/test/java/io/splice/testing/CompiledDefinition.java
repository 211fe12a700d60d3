package io.splice.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.splice.definition.CompiledMigration;
import io.splice.definition.DefinitionLoader;
import io.splice.definition.LoadedDefinitions;
import io.splice.definition.MigrationDefaults;
import io.splice.definition.MigrationDefinition;

/** A migration definition (YAML) loaded and compiled as Splice does at start, for beans tested without Camel. */
public final class CompiledDefinition {

    /** tenant "default", page size 100, 10 pages/s, 1 consumer, rates 1000 */
    public static final MigrationDefaults DEFAULTS = new MigrationDefaults("default", 100, 10, 1, 1000, 1000);

    private CompiledDefinition() {
    }

    public static CompiledMigration compile(Path dir, String yaml) {
        return CompiledMigration.compile(load(dir, yaml), DEFAULTS);
    }

    /** The definition as read (a plan is built from it), with no problem reported. */
    public static MigrationDefinition load(Path dir, String yaml) {
        try {
            Path file = Files.writeString(Files.createTempFile(dir, "migration", ".yaml"), yaml);
            LoadedDefinitions loaded = new DefinitionLoader().load(List.of("file:" + file));
            assertThat(loaded.errors()).isEmpty();
            return loaded.definitions().get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

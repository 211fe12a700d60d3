package io.splice.definition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.splice.testing.ShopDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Two definition files of one migration name: which would run is no choice to leave to a directory listing. */
class DuplicateMigrationNameTest {

    @TempDir
    Path dir;

    @Test
    void twoFilesWithTheSameMigrationNameAreOneErrorNamingBoth() throws Exception {
        // given the same migration in two files of a directory
        Path first = Files.writeString(dir.resolve("a-shop.yaml"), ShopDefinition.YAML);
        Path second = Files.writeString(dir.resolve("b-shop.yaml"), ShopDefinition.YAML);

        // when
        LoadedDefinitions loaded = new DefinitionLoader().load(List.of("file:" + dir));

        // then one line names both files
        assertThat(loaded.errors()).extracting(DefinitionError::toString).containsExactly(second.toAbsolutePath()
                + ": migration: 'shop' is also the name of the migration in " + first.toAbsolutePath()
                + ": give each migration its own name");
        assertThat(loaded.definitions()).hasSize(1);
    }

    @Test
    void theSameFileNamedTwiceIsNoDuplicate() throws Exception {
        Path file = Files.writeString(dir.resolve("shop.yaml"), ShopDefinition.YAML);

        LoadedDefinitions loaded = new DefinitionLoader().load(List.of("file:" + file, "file:" + dir));

        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.definitions()).hasSize(1);
    }
}

package io.splice.reference;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.splice.definition.CompiledMigration;
import io.splice.testing.CompiledDefinition;
import io.splice.testing.RecordPathDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which parent a row's reference names: one column's value, or several columns' values as one composite key. */
class ReferenceKeysTest {

    private static CompiledMigration migration;

    @BeforeAll
    static void compile(@TempDir Path dir) {
        migration = CompiledDefinition.compile(dir, RecordPathDefinition.YAML);
    }

    @Test
    void aSingleColumnReferenceIsItsValueAsText() {
        assertThat(ReferenceKeys.parentKey(migration.entity("orders"), "customer_id",
                Map.of("id", 1, "customer_id", 42L), true)).isEqualTo("42");
    }

    @Test
    void aNullReferenceNamesNoParent() {
        Map<String, Object> row = new HashMap<>();
        row.put("id", 1);
        row.put("customer_id", null);

        assertThat(ReferenceKeys.parentKey(migration.entity("orders"), "customer_id", row, true)).isNull();
    }

    @Test
    void aCompositeReferenceIsItsColumnsEncodedAsOneKey() {
        // given a tag holding the separator and the escape character
        Map<String, Object> row = Map.of("id", 1, "code", "A|B", "tag", "x\\y", "note", "n");

        assertThat(ReferenceKeys.parentKey(migration.entity("link_notes"), "link", row, true))
                .isEqualTo("A\\|B|x\\\\y");
    }

    @Test
    void aCompositeReferenceWithANullColumnNamesNoParent() {
        // as SQL reads a foreign key with a null in any of its columns
        Map<String, Object> row = new HashMap<>(Map.of("id", 1, "code", "A"));
        row.put("tag", null);

        assertThat(ReferenceKeys.parentKey(migration.entity("link_notes"), "link", row, true)).isNull();
    }

    @Test
    void aMissingColumnIsADefinitionErrorOnlyWhenStrict() {
        Map<String, Object> row = Map.of("id", 1, "code", "A");

        assertThat(ReferenceKeys.parentKey(migration.entity("link_notes"), "link", row, false)).isNull();
        assertThatThrownBy(() -> ReferenceKeys.parentKey(migration.entity("link_notes"), "link", row, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Entity link_notes: the source query returns no column 'tag' (columns: ");
    }
}

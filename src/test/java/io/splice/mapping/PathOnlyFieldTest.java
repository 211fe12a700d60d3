package io.splice.mapping;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A field that fills the target path only: in the mapped record (for the path), not in the body. */
class PathOnlyFieldTest {

    @Test
    void aPathOnlyFieldIsMappedButLeftOutOfTheBody() throws Exception {
        RecordMapping mapping = MappingYaml.mapping("children", """
                fields:
                  parentId: { column: parent_id, pathOnly: true }
                  name: name
                """);

        Map<String, Object> mapped = mapping.map(7, Map.of("parent_id", 3, "name", "leaf"), "t", Map.of());

        assertThat(mapped).containsExactly(Map.entry("parentId", 3), Map.entry("name", "leaf"));
        assertThat(mapping.body(mapped)).containsExactly(Map.entry("name", "leaf"));
    }

    @Test
    void withoutPathOnlyFieldsTheBodyIsTheMappedRecordItself() throws Exception {
        RecordMapping mapping = MappingYaml.mapping("children", "fields: { name: name }\n");
        Map<String, Object> mapped = mapping.map(7, Map.of("name", "leaf"), "t", Map.of());

        assertThat(mapping.body(mapped)).isSameAs(mapped);
    }
}

package io.splice.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Mapping definitions written as in config/migrations/*.yaml, so the tests read like the operator's files. */
final class MappingYaml {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private MappingYaml() {
    }

    static MappingDefinition definition(String yaml) {
        try {
            return YAML.readValue(yaml, MappingDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles a definition that must have no problems. */
    static RecordMapping mapping(String entity, String yaml) {
        List<MappingProblem> problems = new ArrayList<>();
        RecordMapping mapping = RecordMapping.compile(entity, definition(yaml), problems);
        assertThat(problems).isEmpty();
        return mapping;
    }

    static List<MappingProblem> problemsOf(String yaml) {
        List<MappingProblem> problems = new ArrayList<>();
        assertThat(RecordMapping.compile("projects", definition(yaml), problems)).isNull();
        return problems;
    }
}

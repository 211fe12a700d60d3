package io.splice.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.splice.definition.DatabaseChecks;
import io.splice.definition.DefinitionError;
import io.splice.definition.DefinitionLoader;
import io.splice.definition.DefinitionValidator;
import io.splice.definition.LoadedDefinitions;
import io.splice.definition.MigrationDefinition;
import io.splice.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The docs' tables and examples that mirror code are checked against it, so they cannot go stale unseen. */
class DocsMatchCodeTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRouteIdIsInTheRouteTable() throws IOException {
        String table = Files.readString(Path.of("docs/how-it-works.md"));
        List<String> undocumented = new ArrayList<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode item : yaml.readTree(file.toFile())) {
                    for (String kind : List.of("route", "routeTemplate")) {
                        if (item.has(kind)) {
                            String id = item.get(kind).get("id").asText();
                            // a template's routes are named per entity: extract-entity → extract-<entity>
                            String perEntity = id.replaceFirst("-entity$", "") + "-<entity>";
                            if (!table.contains("`" + id + "`") && !table.contains("`" + perEntity + "`")) {
                                undocumented.add(file.getFileName() + ": " + id);
                            }
                        }
                    }
                }
            }
        }
        assertThat(undocumented).as("route ids missing from docs/how-it-works.md's table").isEmpty();
    }

    @Test
    void thePackageMapListsEveryPackage() throws IOException {
        String layout = Files.readString(Path.of("docs/development.md"));
        Set<String> listed = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^  ([a-z]+)/ ").matcher(layout);
        while (m.find()) {
            listed.add(m.group(1));
        }
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(Path.of("src/main/java/io/splice"))) {
            dirs.filter(Files::isDirectory).forEach(d -> packages.add(d.getFileName().toString()));
        }
        assertThat(listed).as("packages in docs/development.md's layout").isEqualTo(packages);
    }

    @Test
    void theSettingsReferenceIsMadeFromTheSettingsFile() throws IOException {
        String generated = SettingsReference.render(SettingsReference.PROPERTIES);
        if (Boolean.getBoolean("splice.docs.regenerate")) {
            Files.writeString(SettingsReference.REFERENCE, generated);
        }
        assertThat(Files.readString(SettingsReference.REFERENCE))
                .as("docs/settings-reference.md is stale: run mvn -B test -Dtest=DocsMatchCodeTest "
                        + "-Dsplice.docs.regenerate=true")
                .isEqualTo(generated);
    }

    @Test
    void everyRelativeLinkOfTheDocsResolves() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md"), Path.of("RELIABILITY.md"),
                Path.of("CHANGELOG.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher m = LINK.matcher(Files.readString(page));
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("http") || target.startsWith("mailto:")) {
                    continue;
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = file.isEmpty() ? page : page.resolveSibling(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(page + ": " + target + " (no such file)");
                } else if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
                    broken.add(page + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void theReadmeExampleIsAValidDefinition(@TempDir Path dir) throws Exception {
        // given: the README's example, as a user would copy it, and the tables it names
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("(?s)## A migration in one file\\s+```yaml\\n(.*?)```").matcher(readme);
        assertThat(block.find()).as("README has its example definition").isTrue();
        Path definition = dir.resolve("crm.yaml");
        Files.writeString(definition, block.group(1));

        try (TestDatabase source = TestDatabase.create("docs_example")) {
            try (var connection = source.dataSource().getConnection(); var statement = connection.createStatement()) {
                statement.execute("create table customer (id bigint primary key, full_name text, email text)");
                statement.execute("create table orders (id bigint primary key, customer_id bigint, amount numeric)");
            }

            // when
            LoadedDefinitions loaded = new DefinitionLoader().load(List.of(definition.toString()));
            assertThat(loaded.errors()).isEmpty();
            MigrationDefinition migration = loaded.definitions().get(0);
            List<DefinitionError> problems = new ArrayList<>(new DefinitionValidator().validate(migration));
            problems.addAll(DatabaseChecks.check(migration, source.dataSource(), null));

            // then
            assertThat(problems).isEmpty();
        }
    }

    private static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new TreeSet<>();
        for (String line : Files.readAllLines(page)) {
            if (line.matches("^#{1,6} .*")) {
                anchors.add(line.replaceFirst("^#+ ", "").strip().toLowerCase()
                        .replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

}

package io.splice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.splice.record.CompositeKey;
import io.splice.report.CompletedRun;
import io.splice.report.RunReport;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.ReceivedRequest;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.sandbox.StoredRecord;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14, items 7, 8 and 10: a category tree that references itself (children read before their parents, in
 * several message groups), cycles in that data, a link table keyed by two text columns whose values hold the key's
 * separator, notes referencing a link by both columns, ids typed like the parent's, and a field sent only in the path.
 * Real PostgreSQL source and ledger, embedded Artemis, the sandbox target.
 */
class HierarchyAndCompositeKeyTest {

    private static final String DEFINITION = """
            migration: hier
            entities:
              categories:
                source: { table: categories, columns: [id, parent_id, name, grp], key: id, pageSize: 4 }
                group: grp
                concurrency: 3
                references:
                  parent_id: categories          # a hierarchy: no dependsOn needed
                mapping:
                  fields:
                    legacyId: id
                    parentId: parent_id
                    name: name
                target:
                  path: /api/v1/categories
              nodes:
                source: { table: nodes, columns: [id, parent_id, grp], key: id, pageSize: 25 }
                group: grp
                concurrency: 4
                references: { parent_id: nodes }
                mapping:
                  fields: { legacyId: id, parentId: parent_id }
                target:
                  path: /api/v1/nodes
              links:
                source:
                  table: links
                  columns: [code, tag, weight]
                  key: [code, tag]
                  keyType: text
                  pageSize: 3
                group: code
                mapping:
                  fields:
                    code: code
                    tag: tag
                    weight: { column: weight, type: integer }
                target:
                  path: /api/v1/links
              link_notes:
                source: { table: link_notes, columns: [id, code, tag, note], key: id, pageSize: 2 }
                group: code
                dependsOn: [links]
                references:
                  link: { entity: links, columns: [code, tag] }
                mapping:
                  fields:
                    linkId: link
                    note: note
                    collection: { constant: link-notes, pathOnly: true }
                target:
                  path: /api/v1/{collection}
              shelves:
                source: { table: shelves, columns: [id, label], key: id }
                group: id
                mapping:
                  fields:
                    number: { expression: "id * 1000 + 7", type: integer }
                    label: label
                target:
                  path: /api/v1/shelves
                  idPointer: /number             # the target's ids are numbers
              items:
                source:
                  query: |
                    select id, shelf_id, shelf_id as shelf_text, name from items
                     where id > :#lastKey order by id limit :#pageSize
                  key: id
                group: shelf_id
                dependsOn: [shelves]
                references: { shelf_id: shelves, shelf_text: shelves }
                mapping:
                  fields:
                    shelfId: shelf_id
                    shelfIdText: { column: shelf_text, type: string }
                    name: name
                target:
                  path: /api/v1/items
            """;

    // parent of each category; ids count down the tree, so every child is read before its parent
    private static final Map<Long, Long> TREE = Map.ofEntries(
            Map.entry(40L, 0L), Map.entry(41L, 0L),
            Map.entry(30L, 40L), Map.entry(31L, 40L), Map.entry(32L, 41L),
            Map.entry(20L, 30L), Map.entry(21L, 30L), Map.entry(22L, 31L), Map.entry(23L, 32L),
            Map.entry(10L, 20L), Map.entry(11L, 20L), Map.entry(12L, 21L), Map.entry(13L, 22L), Map.entry(14L, 23L),
            Map.entry(15L, 23L));
    // code, tag: the key's separator and escape inside the values, and an empty value
    private static final List<List<String>> LINKS = List.of(
            List.of("a|b", "c"), List.of("a", "b|c"), List.of("a\\", "|b"), List.of("a", ""), List.of("k1", "t1"),
            List.of("k1", "t2"), List.of("k2", "t1"), List.of("k3", "t1"), List.of("k3", "t2"), List.of("k3", "t3"),
            List.of("k4", "t\\|"));

    @TempDir
    Path workDir;

    private TestStack stack;
    private JdbcTemplate source;
    private SandboxTarget sandbox;
    private SpliceUnderTest splice;

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
        source = new JdbcTemplate(stack.source().dataSource());
        source.execute("create table categories (id bigint primary key, parent_id bigint, name varchar(40), grp varchar(5))");
        TREE.forEach((id, parent) -> source.update("insert into categories values (?, ?, ?, ?)", id,
                parent == 0 ? null : parent, "category " + id, "g" + id % 4));
        // two records waiting for each other, and one waiting for itself
        source.update("insert into categories values (50, 51, 'loop a', 'g0'), (51, 50, 'loop b', 'g1'), "
                + "(60, 60, 'self', 'g2')");
        source.execute("create table nodes (id bigint primary key, parent_id bigint, grp int)");
        source.execute("create table links (code varchar(20) not null, tag varchar(20) not null, weight int, "
                + "primary key (code, tag))");
        for (int i = 0; i < LINKS.size(); i++) {
            source.update("insert into links values (?, ?, ?)", LINKS.get(i).get(0), LINKS.get(i).get(1), i);
        }
        source.execute("create table link_notes (id bigint primary key, code varchar(20), tag varchar(20), note varchar(40))");
        source.update("insert into link_notes values (1, 'a|b', 'c', 'first'), (2, 'a\\', '|b', 'second'), "
                + "(3, 'k3', 't2', 'third'), (4, null, null, 'no link')");
        source.execute("create table shelves (id bigint primary key, label varchar(20))");
        source.update("insert into shelves values (1, 'top'), (2, 'bottom')");
        source.execute("create table items (id bigint primary key, shelf_id bigint, name varchar(20))");
        source.update("insert into items values (1, 1, 'cup'), (2, 2, 'plate'), (3, 1, 'bowl')");
        Path migrations = Files.createDirectories(workDir.resolve("config/migrations"));
        Files.writeString(migrations.resolve("hier.yaml"), DEFINITION);
        sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults().withFaults(FaultSettings.none())));
        splice = stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox,
                Map.of("splice.migrations", "file:" + migrations)));
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void aTreeMigratesParentsFirstCyclesAreNamedAndCompositeKeysPageWithoutGapsOrRepeats() throws Exception {
        // when the migration runs
        CompletedRun run = splice.run();

        // then the run completed; the whole tree MIGRATED in one run, without a second pass
        assertThat(run.report().status()).isEqualTo("COMPLETED");
        Map<String, StoredRecord> categories = byLegacyId(sandbox.records("categories"));
        assertThat(categories).hasSize(TREE.size());
        assertThat(counts(run.report(), "categories").migrated()).isEqualTo(TREE.size());
        // each child holds its parent's target id, and was created after its parent
        Map<String, Long> createdAt = arrivalOfCreatedIds();
        TREE.forEach((id, parent) -> {
            StoredRecord child = categories.get(String.valueOf(id));
            if (parent == 0) {
                assertThat(child.body().get("parentId")).isNull();
            } else {
                StoredRecord parentRecord = categories.get(String.valueOf(parent));
                assertThat(child.body().get("parentId")).as("parent of %s", id).isEqualTo(parentRecord.id());
                assertThat(createdAt.get(child.id())).isGreaterThan(createdAt.get(parentRecord.id()));
            }
        });
        assertThat(sandbox.requests()).filteredOn(r -> r.path().startsWith("/api/v1/categories"))
                .extracting(ReceivedRequest::method).containsOnly("POST");

        // the cycles ended BLOCKED, each record naming the whole cycle; nothing of them was sent
        for (String key : List.of("50", "51")) {
            assertThat(record("categories", key)).containsEntry("status", "BLOCKED")
                    .containsEntry("reason", "reference cycle: categories 50 → 51 → 50");
            assertThat((String) record("categories", key).get("error_message")).startsWith("categories " + key
                    + ": field parent_id is part of a reference cycle: categories 50 → 51 → 50");
        }
        assertThat(record("categories", "60")).containsEntry("status", "BLOCKED")
                .containsEntry("reason", "reference cycle: categories 60 → 60");
        assertThat(counts(run.report(), "categories").blocked()).isEqualTo(3);

        // the link table: every row once, read once, in pages of 3 by its two key columns
        assertThat(counts(run.report(), "links").migrated()).isEqualTo(LINKS.size());
        assertThat(splice.ledger().queryForObject("select read_count from splice_run_entity where entity = 'links'",
                Long.class)).isEqualTo(LINKS.size());
        List<String> ledgerKeys = splice.ledger().queryForList(
                "select source_key from splice_record where entity = 'links' and status = 'MIGRATED'", String.class);
        assertThat(ledgerKeys.stream().map(CompositeKey::decode)).containsExactlyInAnyOrderElementsOf(LINKS);
        assertThat(sandbox.requests()).filteredOn(r -> r.path().equals("/api/v1/links")).hasSize(LINKS.size());
        Map<String, StoredRecord> links = sandbox.records("links").stream().collect(Collectors.toMap(
                link -> CompositeKey.encode(List.of((String) link.body().get("code"), (String) link.body().get("tag"))),
                Function.identity()));
        assertThat(links).hasSize(LINKS.size());
        assertThat(links.get("a\\|b|c").idempotencyKey()).isEqualTo("splice:default:links:a\\|b|c");
        links.forEach((key, link) -> assertThat(link.idempotencyKey()).isEqualTo("splice:default:links:" + key));

        // notes reference their link by both columns, and are sent without the path-only field
        Map<String, StoredRecord> notes = sandbox.records("link-notes").stream()
                .collect(Collectors.toMap(note -> (String) note.body().get("note"), Function.identity()));
        assertThat(notes).containsOnlyKeys("first", "second", "third", "no link");
        assertThat(notes.get("first").body().get("linkId")).isEqualTo(links.get("a\\|b|c").id());
        assertThat(notes.get("second").body().get("linkId")).isEqualTo(links.get("a\\\\|\\|b").id());
        assertThat(notes.get("third").body().get("linkId")).isEqualTo(links.get("k3|t2").id());
        assertThat(notes.get("no link").body().get("linkId")).isNull();
        assertThat(notes.values()).allSatisfy(note -> assertThat(note.body()).doesNotContainKey("collection"));

        // a parent whose target id is a number is referenced by a number, unless the field says string
        assertThat(sandbox.records("items")).hasSize(3).allSatisfy(item -> {
            long shelf = item.body().get("name").equals("plate") ? 2 : 1;
            assertThat(item.body().get("shelfId")).isInstanceOf(Number.class);
            assertThat(((Number) item.body().get("shelfId")).longValue()).isEqualTo(shelf * 1000 + 7);
            assertThat(item.body().get("shelfIdText")).isEqualTo(String.valueOf(shelf * 1000 + 7));
        });

        // when it runs again: the ledger knows every key, encoded ones included; nothing is sent twice
        long posts = sandbox.requests().stream().filter(r -> r.method().equals("POST")).count();
        CompletedRun again = splice.run();
        assertThat(counts(again.report(), "links").skipped()).isEqualTo(LINKS.size());
        assertThat(counts(again.report(), "categories").skipped()).isEqualTo(TREE.size());
        assertThat(counts(again.report(), "categories").blocked()).isEqualTo(3);
        assertThat(again.report().entities()).allSatisfy(entity -> assertThat(entity.migrated()).isZero());
        assertThat(sandbox.requests()).filteredOn(r -> r.method().equals("POST")).hasSize((int) posts);
        assertThat(record("categories", "51")).containsEntry("reason", "reference cycle: categories 50 → 51 → 50");
    }

    @Test
    void aLargeShuffledTreeOverManyGroupsAndConsumersEndsAllMigratedWithEveryParentsTargetId() throws Exception {
        // given 400 nodes whose ids are shuffled, so parents and children arrive in any order, over 9 groups
        java.util.Random random = new java.util.Random(14);
        List<Long> ids = new java.util.ArrayList<>();
        for (long id = 1; id <= 400; id++) {
            ids.add(id);
        }
        java.util.Collections.shuffle(ids, random);
        Map<Long, Long> parents = new java.util.HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            Long parent = i < 3 ? null : ids.get(random.nextInt(i));
            parents.put(ids.get(i), parent);
            source.update("insert into nodes values (?, ?, ?)", ids.get(i), parent, ids.get(i) % 9);
        }

        // when the migration runs
        CompletedRun run = splice.run();

        // then every node MIGRATED in this one run, each holding its parent's target id
        assertThat(counts(run.report(), "nodes").migrated()).isEqualTo(400);
        assertThat(counts(run.report(), "nodes").blocked()).isZero();
        Map<String, StoredRecord> nodes = byLegacyId(sandbox.records("nodes"));
        assertThat(nodes).hasSize(400);
        parents.forEach((id, parent) -> assertThat(nodes.get(String.valueOf(id)).body().get("parentId")).as("node %s", id)
                .isEqualTo(parent == null ? null : nodes.get(String.valueOf(parent)).id()));
        assertThat(splice.ledger().queryForObject("select count(*) from splice_record where entity = 'nodes' "
                + "and status <> 'MIGRATED'", Integer.class)).isZero();
    }

    private Map<String, Object> record(String entity, String key) {
        return splice.ledger().queryForMap("select status, reason, error_message from splice_record "
                + "where entity = ? and source_key = ?", entity, key);
    }

    private static RunReport.EntityCounts counts(RunReport report, String entity) {
        return report.entities().stream().filter(e -> e.name().equals(entity)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + entity + " in " + report));
    }

    private static Map<String, StoredRecord> byLegacyId(List<StoredRecord> records) {
        return records.stream().collect(Collectors.toMap(r -> String.valueOf(r.body().get("legacyId")), r -> r));
    }

    /** target id → when the request that created it arrived. */
    private Map<String, Long> arrivalOfCreatedIds() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Map<String, Long> arrivals = new java.util.HashMap<>();
        for (ReceivedRequest request : sandbox.requests()) {
            if (request.status() == 201) {
                arrivals.put(json.readTree(request.responseBody()).path("id").asText(), request.arrivedNanos());
            }
        }
        return arrivals;
    }
}

package io.splice.mapping;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.splice.mapping.MappingYaml.mapping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * jsonata 0.9.9 keeps evaluation state on a per-thread instance, which is the last one constructed on that thread;
 * these tests fail if a compiled expression shares state between threads or between expressions.
 */
class RecordMappingThreadSafetyTest {

    private static final int THREADS = 8;
    private static final int ROWS_PER_THREAD = 2_000;

    private static final String PROJECTS = """
            fields:
              id: { column: id, type: integer }
              code: { expression: "($n := id * 2; $variables.prefix & '-' & $string($n))" }
              label: { expression: "name & ' @ ' & $tenant" }
              size: { expression: "homes > 50 ? 'large' : 'small'" }
              homes: { column: homes, type: string }
            expression: |
              { "owner": { "tenant": $tenant, "region": $variables.region, "homes": [homes, homes + 1] } }
            """;

    @Test
    void eightConsumerThreadsAndTheCompilingThreadEachGetTheirOwnRowsResult() throws Exception {
        // given: compiled on this thread, which then maps alongside the consumer threads
        RecordMapping mapping = mapping("projects", PROJECTS);
        ExecutorService consumers = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();

        // when
        try {
            for (int thread = 1; thread <= THREADS; thread++) {
                results.add(consumers.submit(mapRows(mapping, thread, start)));
            }
            start.countDown();
            List<String> mismatches = new ArrayList<>(mapRows(mapping, 0, start).call());
            for (Future<List<String>> result : results) {
                mismatches.addAll(result.get(60, TimeUnit.SECONDS));
            }

            // then
            assertThat(mismatches).isEmpty();
        } finally {
            consumers.shutdownNow();
        }
    }

    @Test
    void aVariableAssignedInOneExpressionIsNotSeenByAnother() throws Exception {
        // given: mapped on the thread that compiled it, where jsonata 0.9.9 leaked bindings between instances
        RecordMapping mapping = mapping("projects", """
                fields:
                  first: { expression: "($secret := 'leaked'; id)" }
                  second: { expression: "$secret" }
                """);

        // when
        Map<String, Object> target = mapping.map(7, Map.of("id", 7), "acme", null);

        // then
        assertThat(target).containsExactly(entry("first", 7), entry("second", null));
    }

    @Test
    void eachRowStartsAfreshOnTheThreadThatCompiledTheMapping() throws Exception {
        // given: in jsonata 0.9.9 each evaluation's frame hung off the previous one's, keeping every row alive
        RecordMapping mapping = mapping("projects", """
                fields:
                  seen: { expression: "($before := $exists($marker) ? 'again' : 'first'; $marker := id; $before)" }
                """);

        // when
        Map<String, Object> firstRow = mapping.map(1, Map.of("id", 1), "acme", null);
        Map<String, Object> secondRow = mapping.map(2, Map.of("id", 2), "acme", null);

        // then
        assertThat(firstRow).containsExactly(entry("seen", "first"));
        assertThat(secondRow).containsExactly(entry("seen", "first"));
    }

    @Test
    void twoMappingsCompiledOnOneThreadDoNotSeeEachOthersVariables() throws Exception {
        // given
        RecordMapping setsIt = mapping("a", "fields: { x: { expression: \"($shared := 'from a'; 1)\" } }");
        RecordMapping readsIt = mapping("b", "fields: { y: { expression: \"$shared\" } }");

        // when
        setsIt.map(1, Map.of(), "acme", null);
        Map<String, Object> target = readsIt.map(2, Map.of(), "acme", null);

        // then
        assertThat(target).containsExactly(entry("y", null));
    }

    private static Callable<List<String>> mapRows(RecordMapping mapping, int thread, CountDownLatch start) {
        return () -> {
            start.await();
            List<String> mismatches = new ArrayList<>();
            String tenant = "tenant-" + thread;
            Map<String, Object> variables = Map.of("prefix", "T" + thread, "region", "region-" + thread);
            for (int i = 0; i < ROWS_PER_THREAD; i++) {
                int id = thread * 100_000 + i;
                Map<String, Object> row = Map.of("id", id, "name", "project " + id, "homes", i % 100);
                Map<String, Object> target = mapping.map(id, row, tenant, variables);
                Map<String, Object> expected = expected(thread, id, i % 100);
                if (!target.equals(expected)) {
                    mismatches.add(target + " instead of " + expected);
                }
            }
            return mismatches;
        };
    }

    private static Map<String, Object> expected(int thread, int id, int homes) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", (long) id);
        expected.put("code", "T" + thread + "-" + id * 2);
        expected.put("label", "project " + id + " @ tenant-" + thread);
        expected.put("size", homes > 50 ? "large" : "small");
        expected.put("homes", String.valueOf(homes));
        expected.put("owner", Map.of("tenant", "tenant-" + thread, "region", "region-" + thread,
                "homes", List.of(homes, homes + 1)));
        return expected;
    }
}

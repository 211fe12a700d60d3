package io.splice.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.report.CompletedRun;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.ReceivedRequest;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order a group's records reach the target in when some of them were BLOCKED and are released later: source
 * order among the released ones (order: group), and source order for the whole group (order: strict).
 */
class ReleaseOrderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    private TestStack stack;
    private JdbcTemplate source;

    @BeforeEach
    void createDatabases() throws Exception {
        stack = TestStack.create();
        source = new JdbcTemplate(stack.source().dataSource());
        // 80 parents; child n references parent n; four groups of 20 consecutive children
        source.execute("create table parents (id bigint primary key, name varchar(100))");
        source.execute("create table children (id bigint primary key, grp integer not null, parent_id bigint, "
                + "name varchar(100))");
        source.update("insert into parents select g, 'parent ' || g from generate_series(1, 80) as g");
        source.update("insert into children select g, (g - 1) / 20, g, 'child ' || g from generate_series(1, 80) as g");
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void releasedRecordsKeepSourceOrderAmongThemselvesWhateverOrderTheirParentsMigrateIn() throws Exception {
        // given every third parent fails, so its child is BLOCKED
        source.update("update parents set name = null where id % 3 = 0");
        SandboxTarget sandbox = sandbox();
        SpliceUnderTest splice = splice(sandbox, "group");
        CompletedRun run = splice.run();
        assertThat(counts(run, "children").blocked()).isEqualTo(26);
        int before = sandbox.requests().size();

        // when the parents are fixed and replayed (they migrate side by side, in no particular order)
        source.update("update parents set name = 'parent ' || id where name is null");
        CompletedRun replay = splice.replay("default", "parents");

        // then every released child arrived, and within each group in source order
        assertThat(counts(replay, "children").migrated()).isEqualTo(26);
        Map<Integer, List<Long>> released = childrenByGroup(sandbox.requests().subList(before, sandbox.requests().size()));
        assertThat(released.values().stream().mapToInt(List::size).sum()).isEqualTo(26);
        released.forEach((group, ids) -> assertThat(ids).as("released children of group %s", group).isSorted());
        assertThat(notMigrated(splice)).isZero();
    }

    @Test
    void inALaterRunReleasedRecordsArriveInSourceOrderWithTheirGroup() throws Exception {
        // given every third parent failed in a first run, so its child is BLOCKED
        source.update("update parents set name = null where id % 3 = 0");
        SandboxTarget sandbox = sandbox();
        SpliceUnderTest splice = splice(sandbox, "group");
        splice.run();
        int before = sandbox.requests().size();

        // when the parents are fixed and the migration runs again
        source.update("update parents set name = 'parent ' || id where name is null");
        CompletedRun again = splice.run();

        // then the children's level read the released children again, in source order per group
        assertThat(counts(again, "children").migrated()).isEqualTo(26);
        Map<Integer, List<Long>> released = childrenByGroup(sandbox.requests().subList(before, sandbox.requests().size()));
        assertThat(released.values().stream().mapToInt(List::size).sum()).isEqualTo(26);
        released.forEach((group, ids) -> assertThat(ids).as("released children of group %s", group).isSorted());
        assertThat(notMigrated(splice)).isZero();
    }

    @Test
    void withStrictOrderABlockedOrFailedRecordHoldsBackTheRestOfItsGroupAndTheGroupArrivesInSourceOrder() throws Exception {
        // given child 4 (group 0) waits for a failing parent, and child 23 (group 1) fails itself
        source.update("update parents set name = null where id = 4");
        source.update("update children set name = null where id = 23");
        SandboxTarget sandbox = sandbox();
        SpliceUnderTest splice = splice(sandbox, "strict");

        // when the migration runs
        CompletedRun run = splice.run();

        // then the records after them in their groups wait for them, saying so; the other groups migrated
        assertThat(counts(run, "children").failed()).isEqualTo(1);
        assertThat(statusOf(splice, 4)).containsEntry("status", "BLOCKED").containsEntry("blocked_by_entity", "parents");
        for (long waiting = 5; waiting <= 20; waiting++) {
            assertThat(statusOf(splice, waiting)).containsEntry("status", "BLOCKED")
                    .containsEntry("reason", "waiting for 4 of the same group")
                    .containsEntry("blocked_by_entity", "children").containsEntry("blocked_by_key", "4");
        }
        for (long waiting = 24; waiting <= 40; waiting++) {
            assertThat(statusOf(splice, waiting)).containsEntry("status", "BLOCKED")
                    .containsEntry("reason", "waiting for 23 of the same group");
        }
        assertThat(counts(run, "children").migrated()).isEqualTo(80 - 17 - 18);

        // when the parent is fixed and replayed, and the failed child fixed and replayed
        source.update("update parents set name = 'parent 4' where id = 4");
        source.update("update children set name = 'child 23' where id = 23");
        CompletedRun parents = splice.replay("default", "parents");
        CompletedRun children = splice.replay("default", "children");

        // then every record migrated, and each group reached the target in source order
        assertThat(counts(parents, "children").migrated()).isEqualTo(17);
        assertThat(counts(children, "children").migrated()).isEqualTo(18);
        assertThat(notMigrated(splice)).isZero();
        Map<Integer, List<Long>> arrived = childrenByGroup(sandbox.requests());
        assertThat(arrived).hasSize(4);
        arrived.forEach((group, ids) -> assertThat(ids).as("children of group %s", group).hasSize(20).isSorted());
    }

    private SandboxTarget sandbox() throws Exception {
        return stack.started(SandboxTarget.start(SandboxOptions.defaults().withFaults(FaultSettings.none())));
    }

    private SpliceUnderTest splice(SandboxTarget sandbox, String order) throws Exception {
        Path migrations = Files.createDirectories(workDir.resolve("config/migrations"));
        Files.writeString(migrations.resolve("family.yaml"), """
                migration: family
                entities:
                  parents:
                    source: { table: parents, columns: [id, name], key: id }
                    group: id
                    mapping:
                      fields:
                        legacyId: id
                        name: { column: name, required: true }
                    target:
                      path: /api/v1/parents
                      rate: 1000
                  children:
                    source: { table: children, columns: [id, grp, parent_id, name], key: id, pageSize: 7 }
                    group: grp
                    order: %s
                    dependsOn: [parents]
                    references:
                      parent_id: parents
                    mapping:
                      fields:
                        legacyId: id
                        grp: grp
                        parentId: parent_id
                        name: { column: name, required: true }
                    target:
                      path: /api/v1/children
                      rate: 1000
                """.formatted(order));
        return stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox,
                Map.of("splice.migrations", "file:" + migrations)));
    }

    /** group → the children's legacy ids, in the order they were created at the target. */
    private static Map<Integer, List<Long>> childrenByGroup(List<ReceivedRequest> requests) throws Exception {
        Map<Integer, List<Long>> byGroup = new LinkedHashMap<>();
        for (ReceivedRequest request : requests) {
            if (request.path().startsWith("/api/v1/children") && request.status() == 201) {
                JsonNode body = JSON.readTree(request.body());
                byGroup.computeIfAbsent(body.path("grp").asInt(), g -> new ArrayList<>()).add(body.path("legacyId").asLong());
            }
        }
        return byGroup;
    }

    private static io.splice.report.RunReport.EntityCounts counts(CompletedRun run, String entity) {
        return run.report().entities().stream().filter(e -> e.name().equals(entity)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + entity + " in " + run.report()));
    }

    private static Map<String, Object> statusOf(SpliceUnderTest splice, long child) {
        return splice.ledger().queryForMap("select status, reason, blocked_by_entity, blocked_by_key from splice_record "
                + "where entity = 'children' and source_key = ?", String.valueOf(child));
    }

    private static long notMigrated(SpliceUnderTest splice) {
        Long n = splice.ledger().queryForObject("select count(*) from splice_record where status <> 'MIGRATED'", Long.class);
        return n == null ? 0 : n;
    }
}

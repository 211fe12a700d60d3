package io.splice.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.splice.sandbox.ApiBehaviour;
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
 * A target that finds records by a search answering a list (GET /api/v1/projects?code=…: [] when absent, [{…}] when
 * present), as most APIs do. A record that may have reached the target is looked up there first: absent, it is
 * created; present, it is MIGRATED with the id found and not sent again; found several times, it FAILS naming the
 * ambiguity; and a look-up never overwrites the reason an earlier failure recorded (the target's 422).
 */
class SearchLookupTest {

    private static final String DEFINITION = """
            migration: search
            entities:
              projects:
                source: { table: projects, columns: [id, grp, code, name, status], key: id }
                group: grp
                mapping:
                  fields:
                    code: code
                    name: name
                    status: status
                target:
                  path: /api/v1/projects
                  LOOKUP
            """;

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
        source.execute("create table projects (id bigint primary key, grp integer not null, code varchar(20),"
                + " name varchar(100), status varchar(20))");
        // 1-9 good, 10 a status the target refuses, 11 without a code (the look-up's key), 14 and 15 the same code
        source.update("insert into projects select g, g % 3, 'PRJ-' || lpad(g::text, 4, '0'), 'Project ' || g, 'PLANNED'"
                + " from generate_series(1, 9) as g");
        source.update("insert into projects values (10, 1, 'PRJ-0010', 'Project 10', 'BOGUS'),"
                + " (11, 2, null, 'Project 11', 'PLANNED'), (14, 2, 'PRJ-0014', 'Project 14', 'PLANNED'),"
                + " (15, 0, 'PRJ-0014', 'Project 15', 'PLANNED')");
        sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults().withFaults(FaultSettings.none())));
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void aSearchsListTellsAbsentFromPresentFromAmbiguousAndEarlierReasonsStay() throws Exception {
        start("lookup: { path: \"/api/v1/projects?code={code}\" }");
        splice.run();
        assertThat(statuses()).containsEntry("10", "FAILED").containsEntry("11", "FAILED").containsEntry("14", "MIGRATED");
        String refused = reason("10");
        String withoutCode = reason("11");
        assertThat(refused).isEqualTo("HTTP 422 status: must be one of PLANNED, IN_PROGRESS, COMPLETED, CANCELLED");
        // as if the process had died after the target's 201s and before these records' ledger writes
        List<Map<String, Object>> lost = splice.ledger().queryForList("select source_key, target_id from splice_record"
                + " where source_key in ('1', '2', '3') order by source_key");
        splice.ledger().update("update splice_record set status = 'QUEUED', target_id = null"
                + " where source_key in ('1', '2', '3', '14')");
        // and two records queued by that process that never reached the target
        source.update("insert into projects values (12, 0, 'PRJ-0012', 'Project 12', 'PLANNED'),"
                + " (13, 1, 'PRJ-0013', 'Project 13', 'PLANNED')");
        splice.ledger().update("insert into splice_record (tenant, entity, source_key, group_key, status, run_id,"
                + " attempts, updated_at) select 'default', 'projects', k, '0', 'QUEUED', 'lost-run', 0, current_timestamp"
                + " from (values ('12'), ('13')) as v(k)");
        int requestsBefore = sandbox.requests().size();

        splice.run();

        List<ReceivedRequest> requests = sandbox.requests().subList(requestsBefore, sandbox.requests().size());
        for (Map<String, Object> record : lost) {
            String key = (String) record.get("source_key");
            // found by its code, not posted again, MIGRATED with the id the target gave the first time
            assertThat(callsOf(requests, key, "PRJ-000" + key)).containsExactly("GET 200");
            assertThat(splice.ledger().queryForObject("select status || ' ' || target_id from splice_record"
                    + " where source_key = ?", String.class, key)).isEqualTo("MIGRATED " + record.get("target_id"));
        }
        // absent (an empty list): created
        assertThat(callsOf(requests, "12", "PRJ-0012")).containsExactly("GET 200", "POST 201");
        assertThat(callsOf(requests, "13", "PRJ-0013")).containsExactly("GET 200", "POST 201");
        assertThat(statuses()).containsEntry("12", "MIGRATED").containsEntry("13", "MIGRATED");
        // found twice: neither sent nor taken
        assertThat(callsOf(requests, "14", "PRJ-0014")).containsExactly("GET 200");
        assertThat(statuses()).containsEntry("14", "FAILED");
        assertThat(reason("14")).isEqualTo("lookup found 2 records at /api/v1/projects?code={code}");
        assertThat(message("14")).contains("lookup found 2 records at /api/v1/projects?code=PRJ-0014");
        // the refused one: looked up, absent, sent, refused again: its reason is the target's
        assertThat(callsOf(requests, "10", "PRJ-0010")).containsExactly("GET 200", "POST 422");
        assertThat(reason("10")).isEqualTo(refused);
        // without a code it cannot be looked up: that fails, and the earlier 422 stays its reason
        assertThat(requests).filteredOn(r -> "splice:default:projects:11".equals(r.idempotencyKey())).isEmpty();
        assertThat(statuses()).containsEntry("11", "FAILED");
        assertThat(reason("11")).isEqualTo(withoutCode).startsWith("HTTP 422 code: ");
        assertThat(message("11")).contains("/api/v1/projects?code={code} needs field code");
        assertThat(sandbox.records("projects")).hasSize(13);
    }

    @Test
    void aPagedSearchIsReadAtItsListPointer() throws Exception {
        sandbox.updateApi(ApiBehaviour.defaults().withPagedSearch(true));
        start("lookup: { path: \"/api/v1/projects?code={code}&name={name}\", listPointer: /content, idPointer: /id,"
                + " notFound: [404, 410] }");
        splice.run();
        String targetId = splice.ledger().queryForObject("select target_id from splice_record where source_key = '5'",
                String.class);
        splice.ledger().update("update splice_record set status = 'QUEUED', target_id = null where source_key = '5'");
        int requestsBefore = sandbox.requests().size();

        splice.run();

        List<ReceivedRequest> requests = sandbox.requests().subList(requestsBefore, sandbox.requests().size());
        assertThat(requests).filteredOn(r -> r.path().startsWith("/api/v1/projects?code=PRJ-0005"))
                .extracting(ReceivedRequest::path, ReceivedRequest::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/api/v1/projects?code=PRJ-0005&name=Project%205", 200));
        assertThat(requests).filteredOn(r -> "POST".equals(r.method())
                && "splice:default:projects:5".equals(r.idempotencyKey())).isEmpty();
        assertThat(splice.ledger().queryForObject("select status || ' ' || target_id from splice_record"
                + " where source_key = '5'", String.class)).isEqualTo("MIGRATED " + targetId);
    }

    private void start(String lookup) throws Exception {
        Path definition = Files.writeString(workDir.resolve("search.yaml"), DEFINITION.replace("LOOKUP", lookup));
        splice = stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox, Map.of(
                "splice.migrations", "file:" + definition, "splice.load.rate", "1000")));
    }

    /** The record's calls: its look-ups (by its code) and its posts (by its idempotency key), as "METHOD status". */
    private static List<String> callsOf(List<ReceivedRequest> requests, String sourceKey, String code) {
        return requests.stream().filter(r -> r.path().equals("/api/v1/projects?code=" + code)
                        || "POST".equals(r.method()) && ("splice:default:projects:" + sourceKey).equals(r.idempotencyKey()))
                .map(r -> r.method() + " " + r.status()).toList();
    }

    private Map<String, String> statuses() {
        Map<String, String> statuses = new java.util.HashMap<>();
        splice.ledger().query("select source_key, status from splice_record",
                (java.sql.ResultSet row) -> {
                    statuses.put(row.getString(1), row.getString(2));
                });
        return statuses;
    }

    private String reason(String sourceKey) {
        return splice.ledger().queryForObject("select reason from splice_record where source_key = ?", String.class,
                sourceKey);
    }

    private String message(String sourceKey) {
        return splice.ledger().queryForObject("select error_message from splice_record where source_key = ?",
                String.class, sourceKey);
    }
}

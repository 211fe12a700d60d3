package io.splice.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.splice.report.CompletedRun;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.testing.FaultyProxy;
import io.splice.testing.FaultyProxy.Fault;
import io.splice.testing.FaultyProxy.Kind;
import io.splice.testing.ItemsSource;
import io.splice.testing.OperatorApiClient;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In doubt is a state (ledger V7): a record whose request reached the target while its answer was lost (a response
 * timeout, a reset connection) is flagged in the ledger, counted in the report, listed in failed.csv and by the
 * operator API, and stays flagged when a later attempt or run settles it. An answered failure (503) is no doubt.
 */
class InDoubtTest {

    private static final int RECORDS = 30;
    /** Its first POST reaches the target, whose answer is held past Splice's response timeout; the retry settles it. */
    private static final long TIMED_OUT = 5;
    /** Its first POST reaches the target, then the connection is reset instead of the answer. */
    private static final long RESET = 7;
    /** Its first POST is answered 503 by the proxy, not forwarded: answered, so no doubt. */
    private static final long ANSWERED_503 = 9;
    /** Every POST times out until the proxy heals: FAILED in the first run, found by its look-up in the second. */
    private static final long ALWAYS_TIMED_OUT = 11;
    private static final long RESPONSE_TIMEOUT_MILLIS = 600;

    @TempDir
    Path workDir;

    private TestStack stack;
    private SandboxTarget sandbox;
    private FaultyProxy proxy;
    private SpliceUnderTest splice;
    private OperatorApiClient api;
    private volatile boolean healed;

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
        ItemsSource.create(stack.source(), RECORDS, 3, 1_000);
        Path definition = Files.writeString(workDir.resolve("items.yaml"), ItemsSource.DEFINITION);
        sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults().withFaults(FaultSettings.none())));
        proxy = stack.started(FaultyProxy.start(sandbox.baseUrl(), this::lossy));
        api = OperatorApiClient.in(workDir);
        Map<String, String> properties = new HashMap<>(api.properties());
        properties.putAll(Map.of(
                "splice.migrations", "file:" + definition,
                "splice.target.url", proxy.url(),
                "splice.target.response-timeout-millis", String.valueOf(RESPONSE_TIMEOUT_MILLIS),
                "splice.load.rate", "1000",
                "splice.retry.initial-delay-millis", "20",
                "splice.retry.maximum-delay-millis", "100",
                "splice.retry.maximum-redeliveries", "2"));
        splice = stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox, properties));
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    private Fault lossy(FaultyProxy.Request request) {
        if (!"POST".equals(request.method()) || request.idempotencyKey() == null) {
            return Fault.PASS;
        }
        long id = Long.parseLong(request.idempotencyKey().substring(request.idempotencyKey().lastIndexOf(':') + 1));
        boolean first = request.attempt() == 1;
        if (id == TIMED_OUT && first || id == ALWAYS_TIMED_OUT && !healed) {
            return new Fault(Kind.TIMEOUT_AFTER_TARGET, RESPONSE_TIMEOUT_MILLIS * 3);
        }
        if (id == RESET && first) {
            return Fault.of(Kind.RESET_AFTER_TARGET);
        }
        if (id == ANSWERED_503 && first) {
            return Fault.of(Kind.UNAVAILABLE);
        }
        return Fault.PASS;
    }

    @Test
    void aLostAnswerFlagsTheRecordInDoubtEverywhereAndTheFlagOutlivesTheRecordsSettling() throws Exception {
        // when a run meets a timeout and a reset after the target acted, and a 503
        CompletedRun first = splice.run();

        // then the ledger has exactly the two settled ones and the FAILED one in doubt, with why
        assertThat(inDoubt()).containsOnlyKeys(key(TIMED_OUT), key(RESET), key(ALWAYS_TIMED_OUT));
        assertThat(inDoubt().get(key(TIMED_OUT))).isEqualTo("MIGRATED no answer within the response timeout; the "
                + "target may have processed the request");
        assertThat(inDoubt().get(key(RESET))).startsWith("MIGRATED the connection broke before the answer");
        assertThat(inDoubt().get(key(ALWAYS_TIMED_OUT))).startsWith("FAILED no answer within the response timeout");
        assertThat(status(ANSWERED_503)).isEqualTo("MIGRATED");
        // the report counts them (not as an outcome: every record is still migrated, failed, ...)
        assertThat(first.report().entities().get(0).inDoubt()).isEqualTo(3);
        assertThat(first.report().entities().get(0).migrated()).isEqualTo(RECORDS - 1);
        assertThat(first.report().inDoubtTotal()).isEqualTo(3);
        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(first.reportFile().toFile());
        assertThat(json.path("entities").get(0).path("inDoubt").asLong()).isEqualTo(3);
        assertThat(Files.readString(first.reportFile().resolveSibling("report.html"))).contains("In doubt");
        // failed.csv lists them, the MIGRATED ones too, with the in_doubt column saying why
        List<String> csv = Files.readAllLines(first.reportFile().resolveSibling("failed.csv"));
        assertThat(csv.get(0)).endsWith(",in_doubt");
        assertThat(csv).anySatisfy(line -> assertThat(line).startsWith("default,items," + TIMED_OUT + ",MIGRATED,")
                .contains("no answer within the response timeout"));
        assertThat(csv).anySatisfy(line -> assertThat(line).startsWith("default,items," + RESET + ",MIGRATED,")
                .contains("the connection broke before the answer"));
        assertThat(csv).anySatisfy(line -> assertThat(line).startsWith("default,items," + ALWAYS_TIMED_OUT + ",FAILED,")
                .contains("no answer within the response timeout"));
        assertThat(csv).noneMatch(line -> line.startsWith("default,items," + ANSWERED_503 + ","));
        // and the operator API lists them
        assertThat(listedByApi()).containsExactlyInAnyOrder(TIMED_OUT + " MIGRATED", RESET + " MIGRATED",
                ALWAYS_TIMED_OUT + " FAILED");

        // when the network heals and a second run settles the FAILED one (its look-up finds it at the target)
        healed = true;
        CompletedRun second = splice.run();

        // then it is MIGRATED and still in doubt: the flag is a fact about the past
        assertThat(status(ALWAYS_TIMED_OUT)).isEqualTo("MIGRATED");
        assertThat(inDoubt()).containsOnlyKeys(key(TIMED_OUT), key(RESET), key(ALWAYS_TIMED_OUT));
        assertThat(inDoubt().get(key(ALWAYS_TIMED_OUT))).startsWith("MIGRATED no answer within the response timeout");
        assertThat(second.report().entities().get(0).inDoubt()).isEqualTo(1);
        assertThat(Files.readAllLines(second.reportFile().resolveSibling("failed.csv"))).anySatisfy(line -> assertThat(line)
                .startsWith("default,items," + ALWAYS_TIMED_OUT + ",MIGRATED,").contains("no answer within"));
        assertThat(listedByApi()).containsExactlyInAnyOrder(TIMED_OUT + " MIGRATED", RESET + " MIGRATED",
                ALWAYS_TIMED_OUT + " MIGRATED");
        // and the target holds each record once (it honours Idempotency-Key): the doubt was about the past
        assertThat(sandbox.records("items")).hasSize(RECORDS);
    }

    private Map<String, String> inDoubt() {
        Map<String, String> found = new HashMap<>();
        splice.ledger().query("select source_key, status, in_doubt_reason from splice_record where in_doubt",
                row -> {
                    found.put(row.getString(1), row.getString(2) + " " + row.getString(3));
                });
        return found;
    }

    private String status(long id) {
        return splice.ledger().queryForObject("select status from splice_record where source_key = ?", String.class,
                key(id));
    }

    private Set<String> listedByApi() throws Exception {
        Set<String> listed = new java.util.HashSet<>();
        for (JsonNode record : api.ok(api.get("in-doubt?entity=items"))) {
            assertThat(record.path("reason").asText()).isNotBlank();
            listed.add(record.path("sourceKey").asText() + " " + record.path("status").asText());
        }
        return listed;
    }

    private static String key(long id) {
        return String.valueOf(id);
    }
}

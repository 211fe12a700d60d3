package io.splice.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.splice.sample.SampleDataGenerator;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.testing.DeadLetters;
import io.splice.testing.OperatorApiClient;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The DLQ and the ledger never disagree: after every replay (from the dead letters or the source, some records
 * failing again) and every discard (by fingerprint, by keys, of everything), DLQ.splice.addresses holds exactly one
 * dead letter per FAILED record of the ledger. And a replay or discard touches exactly the keys its dry run named.
 */
class DeadLetterAgreementTest {

    private static final String UNAVAILABLE = "HTTP 503, retries exhausted";
    private static final String NOT_A_NUMBER = "mapping houseNumber: is not a whole number";

    @TempDir
    Path workDir;

    private TestStack stack;
    private SandboxTarget sandbox;
    private SpliceUnderTest splice;
    private OperatorApiClient api;

    @BeforeEach
    void given() throws Exception {
        // a run against a target that answered a quarter of its requests 503, with no retries to ride it out
        stack = TestStack.create();
        new SampleDataGenerator(9, 0.2).generate(stack.source().dataSource());
        api = OperatorApiClient.in(workDir);
        sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults()
                .withFaults(FaultSettings.none().withUnavailableRate(0.25).withSeed(9))));
        Map<String, String> properties = new HashMap<>(api.properties());
        properties.put("splice.retry.maximum-redeliveries", "0");
        properties.put("splice.load.rate", "1000");
        splice = stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox, properties));
        splice.run();
        assertThat(failedKeys(UNAVAILABLE)).isNotEmpty();
        assertThat(failedKeys(NOT_A_NUMBER)).isNotEmpty();
        awaitAgreement();
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void replaysAndDiscardsInEveryCombinationLeaveTheDlqHoldingExactlyTheLedgersFailedKeys() throws Exception {
        // a replay from the dead letters while the target still fails half its requests: new dead letters
        sandbox.updateFaults(FaultSettings.none().withUnavailableRate(0.5).withSeed(3));
        List<String> unavailable = failedKeys(UNAVAILABLE);
        String firstReplay = replay(Map.of("entity", "addresses", "reason", UNAVAILABLE), unavailable);
        awaitAgreement();
        List<String> failedAgain = failedKeysOfRun(firstReplay);
        assertThat(failedAgain).as("records that failed again during the replay").isNotEmpty();

        // a discard by keys of dead letters written during that replay (their headers once differed from a run's)
        JsonNode discarded = api.ok(api.post("dead-letters/discard", Map.of("entity", "addresses",
                "sourceKeys", failedAgain, "why", "failed twice")));
        assertThat(texts(discarded.path("sourceKeys"))).containsExactlyElementsOf(failedAgain);
        assertThat(discarded.path("deadLettersRemoved").asInt()).isEqualTo(failedAgain.size());
        awaitAgreement();

        // a replay from the source of one fingerprint: exactly its keys are re-read (the bad data fails again)
        sandbox.updateFaults(FaultSettings.none());
        List<String> notANumber = failedKeys(NOT_A_NUMBER);
        String fromSource = replay(Map.of("entity", "addresses", "reason", NOT_A_NUMBER, "from", "source"), notANumber);
        assertThat(keysOfRun(fromSource)).containsExactlyInAnyOrderElementsOf(notANumber);
        assertThat(failedKeys(NOT_A_NUMBER)).containsExactlyElementsOf(notANumber);
        awaitAgreement();

        // a discard by fingerprint of the dead letters that replay wrote
        JsonNode byReason = api.ok(api.post("dead-letters/discard", Map.of("entity", "addresses",
                "reason", NOT_A_NUMBER, "why", "fixed by hand")));
        assertThat(texts(byReason.path("sourceKeys"))).containsExactlyElementsOf(notANumber);
        assertThat(byReason.path("deadLettersRemoved").asInt()).isEqualTo(notANumber.size());
        awaitAgreement();

        // everything left, replayed from the source by keys, then discarded with all: true
        List<String> rest = failedKeys(null);
        replay(Map.of("entity", "addresses", "sourceKeys", rest.subList(0, Math.min(5, rest.size())), "from", "source"),
                rest.subList(0, Math.min(5, rest.size())));
        awaitAgreement();
        List<String> left = failedKeys(null);
        JsonNode all = api.ok(api.post("dead-letters/discard", Map.of("entity", "addresses", "all", true,
                "why", "the rest is migrated by hand")));
        assertThat(texts(all.path("sourceKeys"))).containsExactlyElementsOf(left);
        assertThat(failedKeys(null)).isEmpty();
        awaitAgreement();
        assertThat(DeadLetters.browse(splice.brokerConnections(), "DLQ.splice.addresses")).isEmpty();
    }

    @Test
    void aDryRunNamesExactlyTheKeysTheOperationThenTouches() throws Exception {
        List<String> notANumber = failedKeys(NOT_A_NUMBER);
        List<String> others = new ArrayList<>(failedKeys(null));
        others.removeAll(notANumber);

        JsonNode dryReplay = api.ok(api.post("dead-letters/replay", Map.of("entity", "addresses", "reason", NOT_A_NUMBER,
                "from", "source", "dryRun", true)));
        JsonNode dryDiscard = api.ok(api.post("dead-letters/discard", Map.of("entity", "addresses",
                "reason", NOT_A_NUMBER, "dryRun", true)));

        assertThat(texts(dryReplay.path("sourceKeys"))).containsExactlyElementsOf(notANumber);
        assertThat(texts(dryDiscard.path("sourceKeys"))).containsExactlyElementsOf(notANumber);
        assertThat(failedKeys(NOT_A_NUMBER)).containsExactlyElementsOf(notANumber);
        JsonNode done = api.ok(api.post("dead-letters/discard", Map.of("entity", "addresses", "reason", NOT_A_NUMBER,
                "why", "checked")));
        assertThat(texts(done.path("sourceKeys"))).containsExactlyElementsOf(notANumber);
        List<String> discardedNow = splice.ledger().queryForList("select source_key from splice_record where status = "
                + "'DISCARDED' order by source_key", String.class);
        assertThat(discardedNow).containsExactlyElementsOf(notANumber);
        assertThat(failedKeys(null)).containsExactlyElementsOf(others);
        awaitAgreement();
    }

    /** Starts a replay (answered with exactly the expected keys) and waits for its run; returns the run's id. */
    private String replay(Map<String, Object> selection, List<String> expected) throws Exception {
        int before = completedReplays();
        JsonNode accepted = api.ok(api.post("dead-letters/replay", selection));
        assertThat(texts(accepted.path("sourceKeys"))).containsExactlyInAnyOrderElementsOf(expected);
        await().atMost(Duration.ofMinutes(1)).until(() -> completedReplays() == before + 1);
        return splice.ledger().queryForObject("select run_id from splice_run where kind = 'REPLAY' order by started_at "
                + "desc limit 1", String.class);
    }

    private void awaitAgreement() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> letters = DeadLetters.browse(splice.brokerConnections(), "DLQ.splice.addresses").stream()
                    .map(DeadLetters.DeadLetter::sourceKey).sorted().toList();
            assertThat(letters).as("the DLQ's keys").containsExactlyElementsOf(failedKeys(null).stream().sorted().toList());
        });
    }

    private List<String> failedKeys(String reason) {
        return splice.ledger().queryForList("select source_key from splice_record where status = 'FAILED' and "
                + "(cast(? as varchar) is null or reason = ?) order by source_key", String.class, reason, reason);
    }

    private List<String> failedKeysOfRun(String runId) {
        return splice.ledger().queryForList("select source_key from splice_record where status = 'FAILED' and run_id = ? "
                + "order by source_key", String.class, runId);
    }

    private List<String> keysOfRun(String runId) {
        return splice.ledger().queryForList("select source_key from splice_record where run_id = ?", String.class, runId);
    }

    private int completedReplays() {
        Integer n = splice.ledger().queryForObject("select count(*) from splice_run where kind = 'REPLAY' and status = "
                + "'COMPLETED'", Integer.class);
        return n == null ? 0 : n;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}

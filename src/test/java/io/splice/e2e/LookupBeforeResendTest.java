package io.splice.e2e;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.splice.report.CompletedRun;
import io.splice.sample.SampleDataGenerator;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process that dies between the target's answer and the ledger's write leaves a record QUEUED that the target
 * holds. When it is queued again, its consumer looks it up by its idempotency key (the entity's lookupPath) and records
 * it MIGRATED with the id found, without sending it again; a record the target does not have is then sent.
 */
class LookupBeforeResendTest {

    @TempDir
    Path workDir;

    private TestStack stack;
    private SandboxTarget sandbox;
    private SpliceUnderTest splice;

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
        new SampleDataGenerator(5, 0.1).generate(stack.source().dataSource());
        sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults().withFaults(FaultSettings.none())));
        splice = stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox,
                Map.of("splice.load.rate", "1000")));
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void aRecordTheTargetGotButTheLedgerNeverHeardOfIsFoundThereAndNotSentAgain() throws Exception {
        splice.run();
        // as if the process had died after the target's 201s and before these records' ledger writes
        List<Map<String, Object>> lost = splice.ledger().queryForList("select source_key, target_id from splice_record"
                + " where status = 'MIGRATED' order by source_key fetch first 5 rows only");
        for (Map<String, Object> record : lost) {
            splice.ledger().update("update splice_record set status = 'QUEUED', target_id = null where source_key = ?",
                    record.get("source_key"));
        }
        // and a record that failed (say after timeouts): the target does not have it
        String failed = splice.ledger().queryForObject("select source_key from splice_record where status = 'FAILED'"
                + " and http_status = 422 order by source_key fetch first 1 rows only", String.class);
        // (records that failed in their mapping never get as far as a call, nor a look-up)
        Integer failedAtTheTarget = splice.ledger().queryForObject("select count(*) from splice_record"
                + " where status = 'FAILED' and http_status is not null", Integer.class);
        int requestsBefore = sandbox.requests().size();
        int storedBefore = sandbox.records("addresses").size();

        CompletedRun again = splice.run();

        List<ReceivedRequest> requests = sandbox.requests().subList(requestsBefore, sandbox.requests().size());
        for (Map<String, Object> record : lost) {
            String key = "splice:default:addresses:" + record.get("source_key");
            // looked up once, found, not posted again; MIGRATED with the id the target gave the first time
            assertThat(requests).filteredOn(r -> r.path().equals("/api/v1/addresses/by-key/" + key))
                    .extracting(ReceivedRequest::method, ReceivedRequest::status).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("GET", 200));
            assertThat(requests).filteredOn(r -> r.method().equals("POST") && key.equals(r.idempotencyKey())).isEmpty();
            assertThat(splice.ledger().queryForObject("select status || ' ' || target_id from splice_record"
                    + " where source_key = ?", String.class, record.get("source_key")))
                    .isEqualTo("MIGRATED " + record.get("target_id"));
        }
        // the failed one: looked up, not found, then sent (and refused again: its data is still bad)
        String failedKey = "splice:default:addresses:" + failed;
        assertThat(requests).filteredOn(r -> r.path().equals("/api/v1/addresses/by-key/" + failedKey)
                        || failedKey.equals(r.idempotencyKey()))
                .extracting(r -> r.method() + " " + r.status()).containsExactly("GET 404", "POST 422");
        assertThat(sandbox.records("addresses")).hasSize(storedBefore);
        assertThat(again.report().entities().get(0).migrated()).isEqualTo(lost.size());
        // only records that may have reached the target were looked up: the QUEUED ones and the FAILED ones
        assertThat(requests).filteredOn(r -> r.path().contains("/by-key/")).hasSize(lost.size() + failedAtTheTarget);
    }
}

package io.splice.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.splice.ledger.Failure;
import io.splice.record.Keys;
import io.splice.record.RecordKey;
import io.splice.testing.TestBroker;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DLQ.splice.&lt;entity&gt;'s owner: the headers every dead letter gets, and the dead letters taken off the queue when
 * their records are queued again or discarded, on Splice's embedded Artemis.
 */
class DeadLetterQueueTest {

    private static final String DLQ = "DLQ.splice.orders";
    private static final String SECRET_VALUE = "s3cr3t-IBAN-NL91ABNA0417164300";

    private static TestBroker broker;
    private static DeadLetterQueue queue;
    private final CamelContext camel = new DefaultCamelContext();

    @BeforeAll
    static void start() throws Exception {
        broker = TestBroker.start();
        queue = new DeadLetterQueue(broker.connectionFactory(), Queues.MIGRATION);
    }

    @AfterAll
    static void stop() throws Exception {
        broker.close();
    }

    @BeforeEach
    void empty() throws Exception {
        broker.purge(DLQ);
    }

    @Test
    void aDeadLetterIsHeadedWithItsRecordRunAndFailureUnderSplicesSpellingsOnly() {
        // given a message carrying a request's and an earlier failure's headers, in other spellings
        Message message = new DefaultMessage(camel);
        message.setHeader("spliceTenant", "other");
        message.setHeader("SPLICEREASON", "an earlier reason");
        message.setHeader("spliceDeadLetterChoice", "a choice");
        message.setHeader("JMSXGroupID", "north/7");
        Failure failure = new Failure("TargetRejectedException", "HTTP 422 iban: is invalid",
                "orders 7 (tenant north): HTTP 422 iban: is invalid, was " + SECRET_VALUE, 422);

        // when
        DeadLetterQueue.label(message, new RecordKey("north", "orders", "7"), "run-9", failure);

        // then: exactly these names (the map as stored keeps each name's spelling); the failure's full text, which
        // may carry the record's values, is not among them
        Map<String, Object> headers = new HashMap<>(message.getHeaders());
        assertThat(headers).isEqualTo(Map.of(
                Keys.JMS_TENANT, "north", Keys.JMS_ENTITY, "orders", Keys.JMS_SOURCE_KEY, "7",
                Keys.JMS_RUN_ID, "run-9", Keys.JMS_ERROR_CLASS, "TargetRejectedException",
                Keys.JMS_REASON, "HTTP 422 iban: is invalid", Keys.JMS_HTTP_STATUS, 422,
                "JMSXGroupID", "north/7"));
        assertThat(headers.values()).noneMatch(value -> String.valueOf(value).contains(SECRET_VALUE));
    }

    @Test
    void aMessageOfNoRecordIsHeadedWithItsFailureOnly() {
        Message message = new DefaultMessage(camel);
        message.setHeader("SpliceSourceKey", "left over");

        DeadLetterQueue.label(message, null, null, new Failure("ForeignMessageException",
                "message without SpliceTenant", "a message without SpliceTenant", null));

        assertThat(new HashMap<>(message.getHeaders())).isEqualTo(Map.of(
                Keys.JMS_ERROR_CLASS, "ForeignMessageException", Keys.JMS_REASON, "message without SpliceTenant"));
    }

    @Test
    void theRequeuedRecordsDeadLettersWrittenBeforeTheyWereQueuedAreRetiredOthersStay() throws Exception {
        // given dead letters of north's 1, 2, 3 and south's 2, then north's 1 queued again and failed again at once
        for (String key : List.of("1", "2", "3")) {
            broker.deadLetter(DLQ, "north", "orders", key);
        }
        broker.deadLetter(DLQ, "south", "orders", "2");
        long requeuedAt = System.currentTimeMillis();
        await().until(() -> System.currentTimeMillis() > requeuedAt);
        broker.deadLetter(DLQ, "north", "orders", "1");

        // when north's 1 and 2 were on the page
        queue.retireRequeued("north", "orders", List.of("1", "2"), requeuedAt);

        // then
        assertThat(broker.deadLetters(DLQ)).containsExactly("north/1", "north/3", "south/2");
    }

    @Test
    void aPageWithoutRequeuedFailuresRetiresNothing() throws Exception {
        broker.deadLetter(DLQ, "north", "orders", "1");

        queue.retireRequeued("north", "orders", null, null);
        queue.retireRequeued("north", "orders", List.of(), System.currentTimeMillis());

        assertThat(broker.deadLetters(DLQ)).containsExactly("north/1");
    }

    @Test
    void removingTakesEveryDeadLetterOfTheKeysAcrossSelectorsOfAHundredAndCountsThem() throws Exception {
        List<String> keys = IntStream.range(0, 150).mapToObj(i -> "k" + i).toList();
        for (String key : keys) {
            broker.deadLetter(DLQ, "north", "orders", key);
        }
        broker.deadLetter(DLQ, "north", "orders", "k7");
        broker.deadLetter(DLQ, "north", "orders", "other");

        int removed = queue.remove("north", "orders", keys);

        assertThat(removed).isEqualTo(151);
        assertThat(broker.deadLetters(DLQ)).containsExactly("north/other");
    }

    @Test
    void aKeyWithQuotesIsALiteralInTheSelectorNeverPartOfIt() throws Exception {
        broker.deadLetter(DLQ, "north", "orders", "o'brien");
        broker.deadLetter(DLQ, "north", "orders", "2");
        broker.deadLetter(DLQ, "south", "orders", "3");

        int injected = queue.remove("north", "orders", List.of("x') OR (1 = 1"));
        int quoted = queue.remove("north", "orders", List.of("o'brien"));

        assertThat(injected).isZero();
        assertThat(quoted).isEqualTo(1);
        assertThat(broker.deadLetters(DLQ)).containsExactly("north/2", "south/3");
    }
}

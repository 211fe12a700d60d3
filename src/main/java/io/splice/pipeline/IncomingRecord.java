package io.splice.pipeline;

import java.time.Instant;

import io.splice.ledger.Ledger;
import io.splice.record.Keys;
import io.splice.record.RecordKey;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First step of every consumer: who is this record, and is it already migrated? A duplicate message
 * (a re-extract after a crash, a broker redelivery) must not reach the target twice.
 * <p>
 * {@link #identify} answers whether the record is done with (the route keeps it as {@code spliceAlreadyMigrated}) and
 * sets the record's identity as the properties every later step reads: {@link Keys#TENANT}, {@link Keys#ENTITY},
 * {@link Keys#SOURCE_KEY}, {@link Keys#RUN_ID}, {@link Keys#GROUP_KEY}, {@link Keys#MAYBE_AT_TARGET} and, for a record
 * whose call was cut off by a crash, {@link Keys#IN_DOUBT}. Properties rather than one record under one property: the
 * later beans and routes (throttles by tenant, TargetRequest, Outcomes) read them by name, and setting them costs no
 * more than one object would on the hot path (one bean call per record, no copy).
 */
public class IncomingRecord {

    private static final Logger LOG = LoggerFactory.getLogger(IncomingRecord.class);

    private static final String JMS_REDELIVERED = "JMSRedelivered";
    private static final String JMS_TIMESTAMP = "JMSTimestamp";

    private final Ledger ledger;

    private final Instant startedAt;

    private final boolean brokerDiesWithUs;

    /**
     * @param startedAt        when this process started: a record queued before was queued by an earlier one
     * @param brokerDiesWithUs the broker is embedded: it cannot restart behind this process's back. An external one
     *                         can, and gives back the messages its consumers held without marking them redelivered
     *                         (the delivery count is not persisted), so then every record is checked in the ledger
     */
    public IncomingRecord(Ledger ledger, Instant startedAt, boolean brokerDiesWithUs) {
        this.ledger = ledger;
        this.startedAt = startedAt;
        this.brokerDiesWithUs = brokerDiesWithUs;
    }

    /**
     * @return whether the record is done with: MIGRATED already, or FAILED in this run by this process
     * @throws ForeignMessageException a message without Splice's headers (not sent by its extract)
     */
    // Exchange: many outputs, the record's identity as the properties every later step reads (class javadoc)
    public boolean identify(Exchange exchange) throws ForeignMessageException {
        Message message = exchange.getMessage();
        RecordKey key = new RecordKey(required(message, Keys.JMS_TENANT), required(message, Keys.JMS_ENTITY),
                required(message, Keys.JMS_SOURCE_KEY));
        String runId = message.getHeader(Keys.JMS_RUN_ID, String.class);
        exchange.setProperty(Keys.TENANT, key.tenant());
        exchange.setProperty(Keys.ENTITY, key.entity());
        exchange.setProperty(Keys.SOURCE_KEY, key.sourceKey());
        exchange.setProperty(Keys.RUN_ID, runId);
        exchange.setProperty(Keys.GROUP_KEY, message.getHeader(Keys.JMS_GROUP, String.class));
        boolean redelivered = Boolean.TRUE.equals(message.getHeader(JMS_REDELIVERED, Boolean.class));
        if (brokerDiesWithUs && !redelivered && !Boolean.TRUE.equals(message.getHeader(Keys.JMS_RECHECK, Boolean.class))
                && message.getHeader(JMS_TIMESTAMP, 0L, Long.class) >= startedAt.toEpochMilli()) {
            // sent by this process, the only message of a record that was new to the ledger: no need to ask it
            exchange.setProperty(Keys.MAYBE_AT_TARGET, false);
            return false;
        }
        Ledger.RecordState state = ledger.stateOf(key);
        boolean migrated = state != null && "MIGRATED".equals(state.status());
        // its call had begun when an earlier process died, with no outcome since: it may be at the target (V7)
        if (state != null && "QUEUED".equals(state.status()) && state.sendingSince() != null
                && state.sendingSince().isBefore(startedAt)) {
            InDoubt.flag(exchange, InDoubt.PROCESS_DIED);
        }
        // queued again while in flight, queued by a process that has died since (its message comes back from the
        // journal before the resumed run queues it again), or delivered again by the broker: the target may have it
        exchange.setProperty(Keys.MAYBE_AT_TARGET, state != null && (state.resendCheck()
                || "QUEUED".equals(state.status()) && state.updatedAt().isBefore(startedAt))
                || redelivered);
        if (migrated) {
            LOG.info("Skipping {}: the ledger has it as MIGRATED already", key);
        }
        // another message of the record (the broker's from before a crash, the re-extract's) got its FAILED outcome in
        // this run and process: sent once per run, not again (its attempts would double)
        boolean failedHere = state != null && !migrated && new Ledger.KnownRecord(state.status(), state.runId(),
                state.updatedAt()).failedIn(runId, startedAt);
        if (failedHere) {
            LOG.info("Skipping {}: it FAILED in this run already", key);
        }
        return migrated || failedHere;
    }

    private static String required(Message message, String header) throws ForeignMessageException {
        String value = message.getHeader(header, String.class);
        if (value == null || value.isBlank()) {
            throw new ForeignMessageException(message.getMessageId(), header);
        }
        return value;
    }
}

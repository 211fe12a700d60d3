package io.splice.record;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Names of the exchange properties and message headers the routes and beans share. */
public final class Keys {

    /**
     * Clears a message's headers before a call (nothing from JMS or an earlier answer may become an HTTP header) but
     * keeps Camel's redelivery count: without it every redelivery counts as the first, and a call that keeps
     * failing (target unreachable, its certificate untrusted) is retried for ever instead of dead-lettered.
     */
    public static void clearHeadersKeepingRedelivery(Message message) {
        // no removeHeaders("*", ...): its pattern matching per header was 5% of a consumer's CPU
        Object counter = message.getHeader(Exchange.REDELIVERY_COUNTER);
        Object maxCounter = message.getHeader(Exchange.REDELIVERY_MAX_COUNTER);
        Object redelivered = message.getHeader(Exchange.REDELIVERED);
        if (message.hasHeaders()) {
            message.getHeaders().clear();
        }
        putIfPresent(message, Exchange.REDELIVERY_COUNTER, counter);
        putIfPresent(message, Exchange.REDELIVERY_MAX_COUNTER, maxCounter);
        putIfPresent(message, Exchange.REDELIVERED, redelivered);
    }

    private static void putIfPresent(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }

    // exchange properties: the record being migrated and the run it belongs to
    public static final String TENANT = "spliceTenant";
    public static final String ENTITY = "spliceEntity";
    public static final String RUN_ID = "spliceRunId";
    public static final String SOURCE_KEY = "spliceSourceKey";
    public static final String GROUP_KEY = "spliceGroupKey";
    public static final String REQUEST_BODY = "spliceRequestBody";
    public static final String TARGET_ID = "spliceTargetId";
    public static final String HTTP_STATUS = "spliceHttpStatus";
    public static final String ALREADY_MIGRATED = "spliceAlreadyMigrated";
    public static final String ID_POINTER = "spliceIdPointer";
    /** A dry run's record: the target only checks it (validatePath), or is not called at all (SKIP_CALL). */
    public static final String DRY_RUN = "spliceDryRun";
    public static final String SKIP_CALL = "spliceSkipCall";
    /** An earlier attempt may have reached the target: look the record up first (the entity's lookupPath). */
    public static final String MAYBE_AT_TARGET = "spliceMaybeAtTarget";
    /** This call is the look-up; it found nothing (the create follows), or it was done. */
    public static final String LOOKING_UP = "spliceLookingUp";
    public static final String LOOKUP_MISSED = "spliceLookupMissed";
    public static final String LOOKED_UP = "spliceLookedUp";
    /** A GET of the reconciliation's read-back: through the entity's throttles, not classified as a record's call. */
    public static final String READ_BACK = "spliceReadBack";
    public static final String ATTEMPTS = "spliceAttempts";
    /** Set just before a call leaves for the target (HTTP or SQL): a failure now is the target's (RetryBudget). */
    public static final String CALLING_TARGET = "spliceCallingTarget";
    /** Why the record's request may have reached the target unanswered (InDoubt); written with its outcome. */
    public static final String IN_DOUBT = "spliceInDoubt";
    public static final String BLOCKED = "spliceBlocked";
    public static final String MAPPED = "spliceMapped";
    // set on a replay's exchange: the entity whose FAILED records are re-read
    public static final String REPLAY_ENTITY = "spliceReplayEntity";
    // set on a replay's exchange by the operator API: the only keys it re-reads (a Set; absent: every FAILED record)
    public static final String REPLAY_KEYS = "spliceReplayKeys";
    // set on an extract's page: the keys of FAILED records it queues again, whose dead letters are then retired
    public static final String REQUEUED_FAILURES = "spliceRequeuedFailures";
    // when they were queued again: only dead letters written before then are retired (a record that fails again at
    // once has a new dead letter before the page's old ones are retired)
    public static final String REQUEUED_AT = "spliceRequeuedAt";

    // headers a source query binds with :#name (documented for definition authors), and that drive the loop
    // (a composite key binds lastKey1, lastKey2, …: see SourceKey)
    public static final String LAST_KEY = "lastKey";
    public static final String PAGE_SIZE = "pageSize";
    public static final String TENANT_FILTER = "tenantFilter";
    public static final String MORE = "spliceMore";
    // the run's tenant, on the exchange that starts a tenant's run
    public static final String TENANT_HEADER = "spliceTenant";
    // the run's plan parameters as given (Map<String, String>), on the exchange that starts a run
    public static final String PARAMETERS_HEADER = "splicePlanParameters";

    // the plan's state on a tenant's run exchange
    public static final String PLAN_PARAMS = "splicePlanParams";
    public static final String PLAN_SAVED = "splicePlanSaved";
    public static final String PLAN_CURSOR = "splicePlanCursor";
    public static final String PLAN_HAS_NEXT = "splicePlanHasNext";
    public static final String PLAN_GOTO = "splicePlanGoto";
    public static final String STAGE = "spliceStage";
    // the entities of the level a migrate stage is waiting for
    public static final String LEVEL = "spliceLevel";
    public static final String STAGE_INDEX = "spliceStageIndex";
    public static final String STAGE_KIND = "spliceStageKind";
    public static final String WAITING = "spliceWaiting";
    public static final String WAIT_DEADLINE = "spliceWaitDeadline";
    public static final String WAIT_INTERVAL = "spliceWaitInterval";
    public static final String RESTORE_ERROR = "spliceRestoreError";
    // why the run failed (set where the failure is caught: a retried call leaves Camel's EXCEPTION_CAUGHT behind)
    public static final String RUN_ERROR = "spliceRunError";

    // JMS message properties: everything a consumer needs besides the record itself
    public static final String JMS_TENANT = "SpliceTenant";
    public static final String JMS_ENTITY = "SpliceEntity";
    public static final String JMS_RUN_ID = "SpliceRunId";
    public static final String JMS_SOURCE_KEY = "SpliceSourceKey";
    public static final String JMS_GROUP = "JMSXGroupID";
    /** On a message: another message of the record may exist, so its consumer asks the ledger (see IncomingRecord). */
    public static final String JMS_RECHECK = "SpliceRecheck";
    /** The page's keys whose records were QUEUED or FAILED before (PageFilter), and a page sent again (PageSender). */
    public static final String RECHECK_KEYS = "spliceRecheckKeys";
    public static final String PAGE_RESENT = "splicePageResent";
    /** The queue a record is sent to (send-page, send-released): the routes name it in their jms endpoint. */
    public static final String QUEUE = "spliceQueue";
    /** The dead-letter queue a failed record is parked on (record-dead-letter names it in its jms endpoint). */
    public static final String DEAD_LETTER_QUEUE = "spliceDeadLetterQueue";
    /** The bean name of the database an extract reads (SourceDatabases); the extract names it in its sql endpoint. */
    public static final String SOURCE_DATA_SOURCE = "spliceSourceDataSource";

    // on dead letters: why they are dead
    public static final String JMS_ERROR_CLASS = "SpliceErrorClass";
    public static final String JMS_REASON = "SpliceReason";
    public static final String JMS_HTTP_STATUS = "SpliceHttpStatus";

    private Keys() {
    }
}

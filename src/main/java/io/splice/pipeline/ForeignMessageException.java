package io.splice.pipeline;

import io.splice.record.PermanentFailure;

/** A message on a splice.* queue that Splice's extract did not send: it cannot be attributed to a record. */
public class ForeignMessageException extends PermanentFailure {

    public ForeignMessageException(String messageId, String missingProperty) {
        super("message without " + missingProperty, "Message " + messageId + " has no " + missingProperty
                + " property; only Splice's extract may send to splice.* queues");
    }
}

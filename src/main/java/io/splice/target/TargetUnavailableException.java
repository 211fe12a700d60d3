package io.splice.target;

/** The target could not take the request now (5xx, 408, 429): Camel redelivers it. */
public class TargetUnavailableException extends Exception implements TargetAnswered {

    private final int status;
    private final FailureAnswer answer;

    public TargetUnavailableException(int status, String message) {
        this(status, message, null);
    }

    TargetUnavailableException(int status, String message, FailureAnswer answer) {
        super(message);
        this.status = status;
        this.answer = answer;
    }

    public int status() {
        return status;
    }

    /** The last answer, kept when the retries are exhausted ("maintenance until 10:00"). */
    @Override
    public FailureAnswer answer() {
        return answer;
    }
}

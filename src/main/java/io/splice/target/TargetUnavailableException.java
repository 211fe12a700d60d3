package io.splice.target;

/** The target could not take the request now (5xx, 408, 429): Camel redelivers it. */
public class TargetUnavailableException extends Exception {

    private final int status;

    public TargetUnavailableException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

package io.splice.api;

/** An operator's request that cannot be served: the HTTP status and what is wrong, as the API's JSON answer. */
public class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

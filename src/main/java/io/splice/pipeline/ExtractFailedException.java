package io.splice.pipeline;

/** An entity's extract stopped: names the entity and what the source (or the broker) said. */
public class ExtractFailedException extends Exception {

    public ExtractFailedException(String entity, Throwable error) {
        super("Extract of " + entity + " failed: " + rootCause(error), error);
    }

    private static String rootCause(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}

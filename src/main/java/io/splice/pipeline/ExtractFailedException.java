package io.splice.pipeline;

/** An entity's extract stopped: names the entity, where it failed (the source or the broker) and what that said. */
public class ExtractFailedException extends Exception {

    public ExtractFailedException(String entity, Throwable error) {
        super("Extract of " + entity + " failed" + where(error) + ": " + rootCause(error), error);
    }

    // a connection reset alone does not say which of the databases or the broker went away: the code that called it does
    private static String where(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (StackTraceElement frame : cause.getStackTrace()) {
                String caller = frame.getClassName();
                if (caller.startsWith("org.apache.camel.component.sql.")) {
                    return " in the source database";
                }
                if (caller.startsWith("io.splice.ledger.")) {
                    return " in the ledger";
                }
                if (caller.startsWith("org.apache.camel.component.jms.") || caller.startsWith("org.springframework.jms.")) {
                    return " on the broker";
                }
            }
        }
        return "";
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

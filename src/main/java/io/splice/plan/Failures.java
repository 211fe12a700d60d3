package io.splice.plan;

/** What an operator reads of an error: Camel's split and multicast wrappers removed, the cause's own words kept. */
public final class Failures {

    private Failures() {
    }

    public static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            // Splice's own exceptions are written for the operator: their message is the whole story
            if (t.getClass().getName().startsWith("io.splice.")) {
                return t.getMessage();
            }
            if (t.getCause() == null) {
                return t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return String.valueOf(error);
    }
}

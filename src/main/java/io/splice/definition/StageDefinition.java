package io.splice.definition;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One stage of a plan: a name and exactly one kind — configure (check parameters), choice (skip ahead), target
 * (calls that prepare the target, with the calls that restore it at the end), migrate (entities), wait (poll the
 * target until a condition holds) or report.
 */
public record StageDefinition(String name, Configure configure, Choice choice, TargetTask target, List<String> migrate,
                              @JsonProperty("wait") Wait waitFor, Report report) {

    public String kind() {
        if (configure != null) {
            return "configure";
        }
        if (choice != null) {
            return "choice";
        }
        if (target != null) {
            return "target";
        }
        if (migrate != null) {
            return "migrate";
        }
        if (waitFor != null) {
            return "wait";
        }
        return report != null ? "report" : null;
    }

    /** How many kinds the stage was given (exactly one is valid). */
    int kinds() {
        int n = 0;
        for (Object kind : new Object[] {configure, choice, target, migrate, waitFor, report}) {
            n += kind == null ? 0 : 1;
        }
        return n;
    }

    /** Conditions over $params that must hold, each with what to tell the operator when it does not. */
    public record Configure(List<Requirement> require) {
        public Configure {
            require = require == null ? List.of() : List.copyOf(require);
        }
    }

    public record Requirement(String when, String message) {
    }

    /** When the JSONata condition holds, the run continues at stage {@code goto}; the stages between are SKIPPED. */
    public record Choice(String when, @JsonProperty("goto") String target) {
    }

    public record TargetTask(List<TargetCall> calls, List<TargetCall> restore) {
        public TargetTask {
            calls = calls == null ? List.of() : List.copyOf(calls);
            restore = restore == null ? List.of() : List.copyOf(restore);
        }
    }

    /**
     * One HTTP call to the target. {@code body} is JSONata ($params, $saved, $tenant, $variables), so a plain JSON
     * object is fine too. {@code save} keeps the response under the call's name for the restore ($saved.name);
     * a value saved before is kept until it has been restored, so a resumed run never saves the state it set itself.
     */
    public record TargetCall(String name, String method, String path, String body, Boolean save) {
        public boolean saves() {
            return Boolean.TRUE.equals(save);
        }
    }

    /** Polls {@code call} every intervalMillis until the JSONata {@code until} over its response holds. */
    public record Wait(TargetCall call, String until, Integer intervalMillis, String timeoutSeconds) {
    }

    public record Report() {
    }
}

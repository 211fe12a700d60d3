package io.splice.runtime;

import java.util.List;
import java.util.stream.Collectors;

import io.splice.report.CompletedRun;
import io.splice.plan.Failures;

/** Some tenants' runs could not start; the others ran (their runs are here) and are reported all the same. */
public class TenantsNotStartedException extends Exception {

    private final transient List<CompletedRun> completed;

    public TenantsNotStartedException(List<TenantRunsAggregation.NotStarted> notStarted, List<CompletedRun> completed) {
        super(notStarted.stream().map(n -> "tenant " + n.tenant() + " did not start: " + Failures.describe(n.error()))
                .collect(Collectors.joining("; ")));
        this.completed = List.copyOf(completed);
    }

    /** The runs of the tenants that did start. */
    public List<CompletedRun> completed() {
        return completed;
    }
}

package io.splice.runtime;

import java.util.ArrayList;
import java.util.List;

import io.splice.record.Keys;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Collects every tenant's outcome of a run over several tenants: the completed run, or why it did not start (a
 * run in progress elsewhere, a bad parameter). One tenant's failure never hides the others'.
 */
public class TenantRunsAggregation implements AggregationStrategy {

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange collected, Exchange next) {
        Exchange result = collected == null ? next : collected;
        List<Object> outcomes = collected == null ? new ArrayList<>() : result.getProperty(OUTCOMES, List.class);
        Exception error = next.getException();
        if (error != null) {
            outcomes.add(new NotStarted(next.getMessage().getHeader(Keys.TENANT_HEADER, String.class), error));
            next.setException(null);
        } else {
            outcomes.add(next.getMessage().getBody());
        }
        result.setProperty(OUTCOMES, outcomes);
        return result;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onCompletion(Exchange result, Exchange original) {
        if (result != null) {
            result.setException(null);
            result.getMessage().setBody(result.getProperty(OUTCOMES, List.class));
        }
    }

    private static final String OUTCOMES = "spliceTenantOutcomes";

    /** A tenant whose run could not start, and why. */
    public record NotStarted(String tenant, Exception error) {
    }
}

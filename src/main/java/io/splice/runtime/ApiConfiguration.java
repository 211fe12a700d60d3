package io.splice.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.api.ApiErrors;
import io.splice.api.ApiRequests;
import io.splice.api.DeadLetterApi;
import io.splice.api.EntityControls;
import io.splice.api.OperatorApi;
import io.splice.deadletter.DeadLetterWorkbench;
import io.splice.ledger.DeadLetterLedger;
import io.splice.ledger.OperatorQueries;
import io.splice.reference.References;
import io.splice.report.RunReportBuilder;

/**
 * The operator's controls: entity pause and rates (also the EntityControls MBean), the dead-letter workbench, and
 * the operator API (/api) with requests read strictly. Binds apiErrors, deadLetterWorkbench, entityControls,
 * operatorApi and deadLetterApi.
 */
final class ApiConfiguration {

    private ApiConfiguration() {
    }

    /** Hands back the entity controls, for the MBean registered at start. */
    static EntityControls bind(Composition c, MigrationConfiguration.Sources sources, LedgerConfiguration.Stores ledger,
                               BrokerConfiguration.Messaging broker, References references,
                               TargetConfiguration.Target target, RunReportBuilder reports, ObjectMapper json) {
        c.bind("apiErrors", new ApiErrors());
        DeadLetterWorkbench workbench = c.bind("deadLetterWorkbench", new DeadLetterWorkbench(sources.migration(),
                new DeadLetterLedger(ledger.dataSource()), broker.deadLetters(), references, json));
        EntityControls controls = c.bind("entityControls", new EntityControls(c.context(), sources.migration(),
                target.rates()));
        ApiRequests apiRequests = new ApiRequests();
        if (c.settings().apiEnabled()) {
            // the OpenAPI document's route needs the HTTP server, which runs only with the API
            c.context().getRestConfiguration().setApiContextPath("/api/openapi.json");
        }
        OperatorQueries operatorQueries = new OperatorQueries(ledger.dataSource());
        c.bind("operatorApi", new OperatorApi(c.context(), sources.migration(), sources.plan().definition(),
                operatorQueries, reports, controls, apiRequests, target.availability()));
        c.bind("deadLetterApi", new DeadLetterApi(c.context(), sources.migration(), operatorQueries, controls, workbench,
                apiRequests));
        return controls;
    }
}

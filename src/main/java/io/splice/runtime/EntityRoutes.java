package io.splice.runtime;

import io.splice.broker.Queues;
import io.splice.definition.CompiledEntity;
import io.splice.definition.CompiledMigration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;

/**
 * Turns the migration definition into routes, from the templates in routes/pipeline.camel.yaml: for every
 * entity extract-&lt;entity&gt;, load-&lt;entity&gt; and call-target-&lt;entity&gt; (HTTP or SQL). No per-entity Java:
 * the entity's page query, queue and SQL statement are template parameters, so they show in the routes' endpoints.
 * Runs after the YAML routes are loaded (the templates must exist) and before the context starts.
 */
class EntityRoutes extends MainListenerSupport {

    private static final String RATE_PERIOD = "{{splice.load.rate-period-millis}}";

    @Override
    public void afterConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        CompiledMigration migration = context.getRegistry().lookupByNameAndType("migration", CompiledMigration.class);
        Queues queues = context.getRegistry().lookupByNameAndType("queues", Queues.class);
        for (CompiledEntity entity : migration.entities()) {
            TemplatedRouteBuilder.builder(context, "extract-entity").routeId("extract-" + entity.name())
                    .parameter("entity", entity.name())
                    .parameter("query", entity.pageQuery())
                    .parameter("queue", queues.entity(entity.name()))
                    .parameter("pagesPerSecond", String.valueOf(entity.pagesPerSecond()))
                    .add();
            TemplatedRouteBuilder.builder(context, "load-entity").routeId("load-" + entity.name())
                    .parameter("entity", entity.name())
                    .parameter("queue", queues.entity(entity.name()))
                    .parameter("concurrency", String.valueOf(entity.concurrency()))
                    .add();
            TemplatedRouteBuilder target = TemplatedRouteBuilder.builder(context,
                            entity.writesSql() ? "write-target-sql" : "call-target")
                    .routeId("call-target-" + entity.name())
                    .parameter("entity", entity.name())
                    .parameter("ratePeriodMillis", RATE_PERIOD);
            if (entity.writesSql()) {
                target.parameter("statement", entity.target().sql().statement().strip());
            }
            target.add();
        }
    }
}

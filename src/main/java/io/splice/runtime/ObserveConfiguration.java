package io.splice.runtime;

import javax.management.ObjectName;

import io.micrometer.core.instrument.MeterRegistry;
import io.splice.api.EntityControls;
import io.splice.broker.QueueDepths;
import io.splice.observe.BrokerHealthCheck;
import io.splice.observe.DatabaseHealthCheck;
import io.splice.observe.QueueMetrics;
import io.splice.observe.RecordMetrics;
import io.splice.observe.TargetHealthCheck;
import io.splice.tls.TargetTrust;
import jakarta.jms.ConnectionFactory;

/**
 * What an operator watches: health checks (found in the registry by Camel's health check registry:
 * /observe/health), record and queue metrics, and the EntityControls MBean. Binds ledgerHealth, sourceHealth,
 * targetDatabaseHealth, brokerHealth and targetHealth.
 */
final class ObserveConfiguration {

    private ObserveConfiguration() {
    }

    /** The shared source's pool is checked, not the tenants' own. */
    static void healthChecks(Composition c, LedgerConfiguration.Stores ledger, MigrationConfiguration.Sources sources,
                             ConnectionFactory broker, TargetTrust targetTrust) {
        c.bind("ledgerHealth", new DatabaseHealthCheck("ledger", ledger.dataSource()));
        c.bind("sourceHealth", new DatabaseHealthCheck("source", sources.source()));
        if (sources.targetDb() != null) {
            c.bind("targetDatabaseHealth", new DatabaseHealthCheck("target", sources.targetDb()));
        }
        c.bind("brokerHealth", new BrokerHealthCheck(broker));
        c.bind("targetHealth", new TargetHealthCheck(c.settings().targetUrl(), targetTrust));
    }

    static RecordMetrics recordMetrics(Composition c) {
        return new RecordMetrics(c.context());
    }

    /** Queue metrics once the meter registry exists, and an MBean beside Camel's own for Hawtio and JConsole. */
    static void atStart(Composition c, QueueDepths queueDepths, EntityControls controls) throws Exception {
        c.context().addStartupListener((started, alreadyStarted) -> {
            MeterRegistry meters = started.getRegistry().findSingleByType(MeterRegistry.class);
            if (meters != null) {
                QueueMetrics.register(meters, queueDepths);
            }
            // only when JMX is on
            if (started.getManagementStrategy().getManagementAgent() != null) {
                started.getManagementStrategy().getManagementAgent().register(controls, new ObjectName(
                        "org.apache.camel:context=" + started.getManagementName() + ",type=services,name=EntityControls"));
            }
        });
    }
}

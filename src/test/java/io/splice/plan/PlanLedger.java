package io.splice.plan;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.definition.CompiledMigration;
import io.splice.definition.MigrationDefaults;
import io.splice.definition.MigrationDefinition;
import io.splice.ledger.RunKind;
import io.splice.ledger.Runs;
import io.splice.ledger.Stages;
import io.splice.testing.CompiledDefinition;
import io.splice.testing.H2Ledger;

/**
 * A migration with a plan of every stage kind, and a real ledger on an in-memory H2 database (PostgreSQL mode, the
 * embedded default), for the plan's beans without Camel.
 */
final class PlanLedger implements AutoCloseable {

    static final String TENANT = "north";
    static final String MIGRATION = "shop";

    // stages: 0 configure, 1 only-orders (choice), 2 prepare (target), 3 customers, 4 wait-for-jobs, 5 orders,
    // 6 wait-for-mails (wait, default interval), 7 report
    private static final String YAML = """
            migration: shop
            tenants:
              - name: north
                filter: north
                variables: { region: n }
              - name: south
                filter: south
            entities:
              customers:
                source: { table: customers, columns: [id, name], tenantColumn: region, key: id }
                group: id
                mapping: { fields: { legacyId: id, name: name } }
                target: { path: /api/customers }
              orders:
                source: { table: orders, columns: [id, customer_id], tenantColumn: region, key: id }
                group: customer_id
                dependsOn: [customers]
                references: { customer_id: customers }
                mapping: { fields: { legacyId: id, customerId: customer_id } }
                target: { path: /api/orders }
            plan:
              parameters:
                secondsToWait: { type: integer, default: 30, description: "how long the jobs may take" }
                onlyOrders: { type: boolean, default: false, description: "only the orders" }
              stages:
                - name: configure
                  configure:
                    require:
                      - when: "$params.secondsToWait >= 0"
                        message: "secondsToWait must be 0 or more"
                - name: only-orders
                  choice: { when: "$params.onlyOrders", goto: orders }
                - name: prepare
                  target:
                    calls:
                      - { name: activeWorkflows, method: GET, path: /api/workflows/active, save: true }
                      - { method: PUT, path: /api/workflows/active, body: '{"ids": []}' }
                    restore:
                      - { method: PUT, path: /api/workflows/active, body: "$saved.activeWorkflows" }
                - name: customers
                  migrate: [customers]
                - name: wait-for-jobs
                  wait:
                    call: { method: GET, path: /api/jobs }
                    until: "pending = 0"
                    intervalMillis: 250
                    timeoutSeconds: "$params.secondsToWait"
                - name: orders
                  migrate: [orders]
                - name: wait-for-mails
                  wait:
                    call: { path: /api/mails }
                    until: "queued = 0 and $variables.region = 'n'"
                    timeoutSeconds: "1"
                - name: report
                  report: {}
            """;

    private final H2Ledger ledger = new H2Ledger();
    final DataSource dataSource = ledger.dataSource();
    final CompiledMigration migration;
    final Plan plan;
    final Runs runs;
    final Stages stages;
    final RunOwner owner = new RunOwner(Duration.ofSeconds(30));
    final ObjectMapper json = new ObjectMapper();

    PlanLedger(Path dir) throws Exception {
        MigrationDefinition definition = CompiledDefinition.load(dir, YAML);
        migration = CompiledMigration.compile(definition, new MigrationDefaults("default", 100, 10, 1, 50, 100));
        plan = Plan.of(definition);
        runs = new Runs(dataSource);
        stages = new Stages(dataSource);
    }

    PlanControl control(boolean dryRun) {
        return new PlanControl(migration, plan, runs, stages, owner, new RunStarts(migration, plan, runs, stages, owner,
                json, dryRun ? RunKind.DRY_RUN : RunKind.RUN), dryRun);
    }

    TargetCalls targetCalls() {
        return new TargetCalls(plan, control(false), runs, json);
    }

    /** A run of tenant north started in the ledger, as RunStarts would. */
    String runStarted() {
        String runId = "run-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        runs.start(runId, TENANT, MIGRATION, RunKind.RUN, owner.self(), "{}");
        return runId;
    }

    /** The run's stage attempts as "stage STATUS", in the order they started. */
    List<String> history(String runId) {
        return stages.history(runId).stream().map(e -> e.stage() + " " + e.status()).toList();
    }

    @Override
    public void close() {
        ledger.close();
    }
}

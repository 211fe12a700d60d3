package io.splice.runtime;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.splice.db.DatabaseSettings;
import io.splice.db.PooledDataSources;
import io.splice.db.SourceDatabases;
import io.splice.definition.CompiledEntity;
import io.splice.definition.CompiledMigration;
import io.splice.definition.InvalidDefinitionException;
import io.splice.definition.MigrationDefinition;
import io.splice.definition.MigrationLoading;
import io.splice.definition.TenantDefinition;
import io.splice.definition.TenantSource;
import io.splice.plan.Plan;
import io.splice.tls.TargetTrust;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The legacy database, the target's database and the migration definition checked against them: an invalid
 * definition stops the start before anything is sent. Binds sourceDataSource, each tenant's own source-&lt;tenant&gt;,
 * targetDataSource and migration.
 */
final class MigrationConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationConfiguration.class);

    /**
     * @param source   the shared legacy database's pool (tenants with their own database have pools of their own)
     * @param targetDb the target's database, null when no entity writes SQL
     */
    record Sources(HikariDataSource source, DataSource targetDb, MigrationDefinition definition,
                   CompiledMigration migration, Plan plan) {
    }

    private MigrationConfiguration() {
    }

    /** Opens the shared source and the target's database and checks the definition against them. */
    static Sources load(Composition c, TargetTrust targetTrust) throws InvalidDefinitionException {
        Settings settings = c.settings();
        HikariDataSource source = c.shutdown().register(PooledDataSources.open("source", settings.source()));
        DataSource targetDb = settings.targetDatabase() == null ? null
                : c.shutdown().register(PooledDataSources.open("target-db", settings.targetDatabase()));
        MigrationDefinition definition = check(settings, source, targetDb, targetTrust);
        CompiledMigration migration = CompiledMigration.compile(definition, settings.defaults());
        LOG.info("Migration {} ({}): entities {} in levels {}, tenants {}", migration.name(), definition.file(),
                migration.entities().stream().map(CompiledEntity::name).toList(), migration.levels(), migration.tenantNames());
        return new Sources(source, targetDb, definition, migration, Plan.of(definition));
    }

    /**
     * Opens the pools of the tenants that have their own legacy database (called once the ledger is migrated, the
     * order Splice has always opened them in) and binds every source database under the name the extract route's
     * sql endpoint uses (SourceDatabases), the target's database and the migration.
     */
    static SourceDatabases bind(Composition c, Sources sources) {
        SourceDatabases databases = new SourceDatabases(sources.source(), tenantSources(c, sources.definition()));
        databases.byBeanName().forEach(c::bind);
        if (sources.targetDb() != null) {
            c.bind("targetDataSource", sources.targetDb());
        }
        c.bind("migration", sources.migration());
        return databases;
    }

    private static Map<String, DataSource> tenantSources(Composition c, MigrationDefinition definition) {
        Map<String, DataSource> pools = new HashMap<>();
        for (TenantDefinition tenant : definition.tenants()) {
            TenantSource own = tenant.source();
            if (own != null) {
                pools.put(tenant.name(), c.shutdown().register(PooledDataSources.open("source-" + tenant.name(),
                        new DatabaseSettings(own.url(), own.username(), own.password().value(),
                                c.settings().source().poolSize()))));
            }
        }
        return pools;
    }

    private static MigrationDefinition check(Settings settings, DataSource source, DataSource targetDb,
                                             TargetTrust targetTrust) throws InvalidDefinitionException {
        MigrationLoading.Result result = MigrationLoading.check(settings.migrations(), settings.migration(), source,
                targetDb, settings.targetUrl(), targetTrust);
        result.warnings().forEach(warning -> LOG.warn("{}", warning));
        if (!result.valid()) {
            throw new InvalidDefinitionException(result.errors());
        }
        return result.definition();
    }
}

package io.splice.db;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * The source database as the extract routes see it ({@code #sourceDataSource}): the shared legacy database, or
 * a tenant's own when its definition names one. The extract names the tenant of the page it is about to read
 * ({@link #use}); camel-sql then runs on the same thread.
 */
public class TenantRoutedDataSource extends AbstractRoutingDataSource {

    private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

    public TenantRoutedDataSource(DataSource shared, Map<String, DataSource> byTenant) {
        setDefaultTargetDataSource(shared);
        setTargetDataSources(new HashMap<>(byTenant));
        // a tenant without its own database reads the shared one
        setLenientFallback(true);
        afterPropertiesSet();
    }

    /** The tenant whose database this thread's next statements use. */
    public static void use(String tenant) {
        TENANT.set(tenant);
    }

    public static void clear() {
        TENANT.remove();
    }

    @Override
    protected Object determineCurrentLookupKey() {
        return TENANT.get();
    }
}

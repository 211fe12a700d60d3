package io.splice.db;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

/**
 * The legacy databases the extracts read, each bound under its own bean name: the shared one as
 * {@value #SHARED}, a tenant's own as {@code source-<tenant>} (the name of its pool too). The extract route names
 * the tenant's bean in its sql endpoint ({@code dataSource=#source-acme}), so no routing happens behind its back.
 */
public final class SourceDatabases {

    public static final String SHARED = "sourceDataSource";
    private static final String TENANT_PREFIX = "source-";

    private final DataSource shared;
    private final Map<String, DataSource> byTenant;

    /** @param byTenant the pools of the tenants that have their own database (the others read the shared one) */
    public SourceDatabases(DataSource shared, Map<String, DataSource> byTenant) {
        this.shared = shared;
        this.byTenant = Map.copyOf(byTenant);
    }

    /** The bean name of the database the tenant's records are read from. */
    public String beanName(String tenant) {
        return byTenant.containsKey(tenant) ? TENANT_PREFIX + tenant : SHARED;
    }

    /** The database the tenant's records are read from. */
    public DataSource of(String tenant) {
        return byTenant.getOrDefault(tenant, shared);
    }

    /** Every database by its bean name, the shared one first. */
    public Map<String, DataSource> byBeanName() {
        Map<String, DataSource> beans = new LinkedHashMap<>();
        beans.put(SHARED, shared);
        byTenant.forEach((tenant, source) -> beans.put(TENANT_PREFIX + tenant, source));
        return beans;
    }
}

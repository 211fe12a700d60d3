package io.splice.pipeline;

import java.util.Map;

import io.splice.definition.CompiledMigration;
import io.splice.definition.CompiledTenant;
import io.splice.mapping.MappingException;
import io.splice.mapping.RecordMapping;
import io.splice.record.Keys;
import org.apache.camel.Exchange;

/** The load route's mapping step: the record's entity mapping, with its tenant's variables. */
public class RecordMapper {

    private final CompiledMigration migration;

    public RecordMapper(CompiledMigration migration) {
        this.migration = migration;
    }

    @SuppressWarnings("unchecked")
    public void map(Exchange exchange) throws MappingException {
        String entity = exchange.getProperty(Keys.ENTITY, String.class);
        CompiledTenant tenant = migration.tenant(exchange.getProperty(Keys.TENANT, String.class));
        Map<String, Object> row = exchange.getMessage().getBody(Map.class);
        RecordMapping mapping = migration.entity(entity).mapping();
        Map<String, Object> mapped = mapping.map(exchange.getProperty(Keys.SOURCE_KEY), row, tenant.name(), tenant.variables());
        // the whole record fills the target path's {field}s; path-only fields stay out of the body
        exchange.setProperty(Keys.MAPPED, mapped);
        exchange.getMessage().setBody(mapping.body(mapped));
    }
}

package io.splice.pipeline;

import java.util.Map;

import io.splice.definition.CompiledMigration;
import io.splice.definition.CompiledTenant;
import io.splice.mapping.MappingException;
import io.splice.mapping.RecordMapping;
import io.splice.record.Keys;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/** The load route's mapping step: the record's entity mapping, with its tenant's variables. */
public class RecordMapper {

    private final CompiledMigration migration;

    public RecordMapper(CompiledMigration migration) {
        this.migration = migration;
    }

    /**
     * The row (its references resolved) mapped: the body becomes the request's, the mapped record without its
     * path-only fields; the whole record is kept as spliceMapped, it fills the target path's {field}s.
     */
    // Exchange: two outputs, the body and the whole mapped record under spliceMapped
    public void map(@ExchangeProperty(Keys.TENANT) String tenantName, @ExchangeProperty(Keys.ENTITY) String entity,
                    @ExchangeProperty(Keys.SOURCE_KEY) String sourceKey, @Body Map<String, Object> row,
                    Exchange exchange) throws MappingException {
        CompiledTenant tenant = migration.tenant(tenantName);
        RecordMapping mapping = migration.entity(entity).mapping();
        Map<String, Object> mapped = mapping.map(sourceKey, row, tenant.name(), tenant.variables());
        exchange.setProperty(Keys.MAPPED, mapped);
        exchange.getMessage().setBody(mapping.body(mapped));
    }
}

package io.splice.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.splice.mapping.MappingException;
import io.splice.record.Keys;
import io.splice.testing.CompiledDefinition;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RecordMapper, without Camel Main: a record mapped with its tenant's variables into the request body. */
class RecordMapperTest {

    private static final String YAML = """
            migration: shop
            tenants:
              - { name: north, filter: N1, variables: { prefix: N, region: noord } }
              - { name: south, filter: S1, variables: { prefix: S } }
            entities:
              items:
                source: { table: items, columns: [id, project_id, status, region], tenantColumn: region, key: id }
                group: project_id
                mapping:
                  fields:
                    projectId: { column: project_id, pathOnly: true }
                    legacyId: id
                    code: { expression: "$variables.prefix & '-' & $string(id)" }
                    tenant: { expression: "$tenant" }
                    region: { expression: "$variables.region" }
                    status: { column: status, codeTable: statuses }
                  codeTables:
                    statuses: { values: { A: active, C: closed } }
                target: { path: "/api/projects/{projectId}/items" }
            """;

    @TempDir
    Path dir;

    private RecordMapper mapper;

    @BeforeEach
    void setUp() {
        mapper = new RecordMapper(CompiledDefinition.compile(dir, YAML));
    }

    @Test
    void theBodyIsTheMappedRecordWithoutItsPathOnlyFields() throws Exception {
        Exchange exchange = record("north", "7", item(7, "A"));

        mapper.map(exchange);

        // the target path's {projectId} comes from the whole record; the body leaves it out
        assertThat(exchange.getProperty(Keys.MAPPED, Map.class)).containsExactly(entry("projectId", 40),
                entry("legacyId", 7), entry("code", "N-7"), entry("tenant", "north"), entry("region", "noord"),
                entry("status", "active"));
        assertThat(exchange.getMessage().getBody(Map.class)).containsExactly(entry("legacyId", 7),
                entry("code", "N-7"), entry("tenant", "north"), entry("region", "noord"), entry("status", "active"));
    }

    @Test
    void eachTenantMapsWithItsOwnVariables() throws Exception {
        Exchange exchange = record("south", "7", item(7, "C"));

        mapper.map(exchange);

        assertThat(exchange.getMessage().getBody(Map.class)).containsExactly(entry("legacyId", 7),
                entry("code", "S-7"), entry("tenant", "south"), entry("region", null), entry("status", "closed"));
    }

    @Test
    void aCodeWithoutAnEntryFailsNamingTheRecordTheFieldAndTheValue() {
        Map<String, Object> row = item(7, "Q");
        Exchange exchange = record("north", "7", row);

        assertThatThrownBy(() -> mapper.map(exchange)).isInstanceOfSatisfying(MappingException.class, e -> {
            assertThat(e.reason()).isEqualTo("mapping status: has no entry in code table statuses");
            assertThat(e).hasMessage("items 7: field status has no entry in code table statuses (value: Q)");
        });
        // the dead letter keeps the record as it came
        assertThat(exchange.getProperty(Keys.MAPPED)).isNull();
        assertThat(exchange.getMessage().getBody()).isSameAs(row);
    }

    /** A record of items as the load route has it after identify and resolve. */
    private static Exchange record(String tenant, String sourceKey, Map<String, Object> row) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Keys.TENANT, tenant);
        exchange.setProperty(Keys.ENTITY, "items");
        exchange.setProperty(Keys.SOURCE_KEY, sourceKey);
        exchange.getMessage().setBody(row);
        return exchange;
    }

    private static Map<String, Object> item(int id, String status) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("project_id", 40);
        row.put("status", status);
        return row;
    }
}

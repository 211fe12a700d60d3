package io.splice.definition;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompiledTenantTest {

    private final CompiledEntity addresses = new CompiledEntity("addresses", "select 1", "id", "number", "project_id",
            100, 10, 2, Map.of(), null, new TargetDefinition(null, "/a", null, null, null, 120, null, null, null, null, null, null), 120);

    @Test
    void aTenantsRateOverrideWinsOverTheEntitysRate() {
        CompiledTenant slow = new CompiledTenant("nordnet", "nordnet", Map.of(), Map.of("addresses", 30));

        assertThat(slow.rateOf(addresses)).isEqualTo(30);
    }

    @Test
    void withoutAnOverrideTheTenantGetsTheEntitysRate() {
        CompiledTenant plain = new CompiledTenant("acme", "acme", Map.of(), Map.of("projects", 30));

        assertThat(plain.rateOf(addresses)).isEqualTo(120);
    }
}

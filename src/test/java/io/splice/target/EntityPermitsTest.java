package io.splice.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.splice.record.Keys;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class EntityPermitsTest {

    private final DefaultCamelContext context = new DefaultCamelContext();

    @Test
    void eachTenantsEntityHasItsOwnPermitsAtItsRate() throws Exception {
        // given: a rate of 2 for one tenant's addresses
        EntityPermits permits = new EntityPermits();
        Exchange first = record("north", "addresses", 2);
        Exchange second = record("north", "addresses", 2);
        Exchange otherTenant = record("south", "addresses", 2);

        // when: two of north's requests and one of south's take permits
        permits.take(first);
        permits.take(second);
        permits.take(otherTenant);

        // then: each holds one, and north's third would wait until one is given back and a second has passed
        assertThat(first.getProperty(EntityPermits.PERMIT)).isNotNull();
        assertThat(second.getProperty(EntityPermits.PERMIT)).isNotNull();
        assertThat(otherTenant.getProperty(EntityPermits.PERMIT)).isNotNull();
        permits.release(first);
        assertThat(first.getProperty(EntityPermits.PERMIT)).isNull();
    }

    @Test
    void aRateChangedAtRuntimeGetsNewPermitsAndOldOnesGoBackWhereTheyCameFrom() throws Exception {
        // given: north's addresses at rate 1, its one permit held
        EntityPermits permits = new EntityPermits();
        Exchange before = record("north", "addresses", 1);
        permits.take(before);

        // when: the operator raises the rate to 3 (TargetRates.apply sets it on the next records)
        Exchange after = record("north", "addresses", 3);
        permits.take(after);

        // then: the new request did not wait for the old rate's permit, and the old one is released without error
        assertThat(after.getProperty(EntityPermits.PERMIT)).isNotNull();
        permits.release(before);
        permits.release(after);
        assertThat(before.getProperty(EntityPermits.PERMIT)).isNull();
    }

    private Exchange record(String tenant, String entity, int rate) {
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty(Keys.TENANT, tenant);
        exchange.setProperty(Keys.ENTITY, entity);
        exchange.setProperty(TargetRates.RATE, rate);
        return exchange;
    }
}

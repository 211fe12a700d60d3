package io.splice.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class EntityPermitsTest {

    private final EntityPermits permits = new EntityPermits();

    @Test
    void eachTenantsEntityHasItsOwnPermitsAtItsRate() throws Exception {
        // given: a rate of 1 for north's addresses, its permit held
        HostPermits.Permit north = permits.take(1, "north", "addresses");

        // when: south's addresses and north's parcels ask at the same rate
        HostPermits.Permit south = permits.take(1, "south", "addresses");
        HostPermits.Permit parcels = permits.take(1, "north", "parcels");

        // then: each got its own at once, while north's next address waits for the one out
        assertThat(south).isNotSameAs(north);
        assertThat(parcels).isNotSameAs(north).isNotSameAs(south);
        CompletableFuture<HostPermits.Permit> next = takeLater(1, "north", "addresses");
        assertThat(next).isNotDone();
        permits.release(north);
        assertThat(next.get(5, TimeUnit.SECONDS)).isSameAs(north);
    }

    @Test
    void aRateChangedAtRuntimeGetsNewPermitsAndOldOnesGoBackWhereTheyCameFrom() throws Exception {
        // given: north's addresses at rate 1, its one permit held
        HostPermits.Permit before = permits.take(1, "north", "addresses");

        // when: the operator raises the rate to 2 (TargetRates sets it on the next records)
        HostPermits.Permit after = permits.take(2, "north", "addresses");
        HostPermits.Permit second = permits.take(2, "north", "addresses");

        // then: the new requests did not wait for the old rate's permit, and the old one goes back to the old set
        assertThat(after).isNotSameAs(before);
        assertThat(second).isNotSameAs(before).isNotSameAs(after);
        CompletableFuture<HostPermits.Permit> third = takeLater(2, "north", "addresses");
        permits.release(before);
        permits.release(after);
        assertThat(third.get(5, TimeUnit.SECONDS)).isSameAs(after);
    }

    @Test
    void releasingWithoutAPermitChangesNothing() {
        permits.release(null);
    }

    private CompletableFuture<HostPermits.Permit> takeLater(int rate, String tenant, String entity) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return permits.take(rate, tenant, entity);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}

package io.splice.target;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class HostPermitsTest {

    @Test
    void aPermitStaysInUseWhileItsRequestIsOutAndForASecondAfterItsAnswer() throws Exception {
        // given a host rate of 3
        HostPermits permits = new HostPermits(3);
        assertThat(permits.free()).isEqualTo(3);

        // when two requests leave, and one of them is answered
        HostPermits.Permit first = permits.take();
        HostPermits.Permit second = permits.take();
        permits.release(first);

        // then neither permit is free: the answered one only a second after its answer
        assertThat(first).isNotSameAs(second);
        assertThat(permits.free()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(3)).until(() -> permits.free() == 2);
    }

    @Test
    void aRequestBeyondTheRateWaitsForAPermitGivenBackASecondEarlier() throws Exception {
        // given a host rate of 1, its permit held
        HostPermits permits = new HostPermits(1);
        HostPermits.Permit held = permits.take();

        // when the next request asks
        CompletableFuture<HostPermits.Permit> next = CompletableFuture.supplyAsync(() -> {
            try {
                return permits.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        // then it waits while the permit is out, and gets that very permit once it was free for a second
        assertThat(next).isNotDone();
        long releasedAt = System.nanoTime();
        permits.release(held);
        assertThat(next.get(5, TimeUnit.SECONDS)).isSameAs(held);
        assertThat(System.nanoTime() - releasedAt).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(990));
    }

    @Test
    void releasingWithoutAPermitChangesNothing() {
        HostPermits permits = new HostPermits(2);
        permits.release(null);
        assertThat(permits.free()).isEqualTo(2);
    }

    @Test
    void aRateOfZeroIsRefused() {
        assertThatThrownBy(() -> new HostPermits(0)).hasMessage("The target host's rate must be positive, was 0");
    }
}

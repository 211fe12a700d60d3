package io.splice.target;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostPermitsTest {

    private final CamelContext context = new DefaultCamelContext();

    @Test
    void aPermitStaysInUseWhileItsRequestIsOutAndForASecondAfterItsAnswer() throws Exception {
        // given a host rate of 3
        HostPermits permits = new HostPermits(3);
        assertThat(permits.free()).isEqualTo(3);

        // when two requests leave, and one of them is answered
        Exchange first = new DefaultExchange(context);
        Exchange second = new DefaultExchange(context);
        permits.take(first);
        permits.take(second);
        permits.release(first);

        // then neither permit is free: the answered one only a second after its answer
        assertThat(permits.free()).isEqualTo(1);
        assertThat(first.getProperty(HostPermits.PERMIT)).isNull();
        assertThat(second.getProperty(HostPermits.PERMIT)).isNotNull();
    }

    @Test
    void releasingWithoutAPermitChangesNothing() {
        HostPermits permits = new HostPermits(2);
        permits.release(new DefaultExchange(context));
        assertThat(permits.free()).isEqualTo(2);
    }

    @Test
    void aRateOfZeroIsRefused() {
        assertThatThrownBy(() -> new HostPermits(0)).hasMessage("The target host's rate must be positive, was 0");
    }
}

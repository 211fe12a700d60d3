package io.splice.pipeline;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLHandshakeException;

import io.splice.record.Keys;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** InDoubt: which failed calls may have reached the target, and that the first doubt is the one kept. */
class InDoubtReasonTest {

    @Test
    void aTimeoutAfterTheRequestLeftIsInDoubt() {
        assertThat(InDoubt.reason(new IOException("wrapped", new SocketTimeoutException("Read timed out"))))
                .isEqualTo("no answer within the response timeout; the target may have processed the request");
    }

    @Test
    void aBrokenConnectionIsInDoubt() {
        assertThat(InDoubt.reason(new IOException("Connection reset")))
                .isEqualTo("the connection broke before the answer; the target may have processed the request");
    }

    @Test
    void aCallThatNeverConnectedIsNoDoubt() {
        assertThat(InDoubt.reason(new ConnectException("Connection refused"))).isNull();
        assertThat(InDoubt.reason(new IOException("wrapped", new UnknownHostException("target")))).isNull();
        assertThat(InDoubt.reason(new SSLHandshakeException("PKIX path building failed"))).isNull();
        assertThat(InDoubt.reason(new IllegalStateException("mapping"))).isNull();
        assertThat(InDoubt.reason(null)).isNull();
    }

    @Test
    void aFailedCallToTheTargetIsNotedOnTheExchange() {
        Exchange exchange = exchange();
        exchange.setProperty(Keys.CALLING_TARGET, true);

        InDoubt.note(exchange, new SocketTimeoutException("Read timed out"));

        assertThat(InDoubt.reasonOf(exchange)).isEqualTo(InDoubt.TIMEOUT);
    }

    @Test
    void aFailureBeforeTheCallOrOfALookUpIsNoDoubt() {
        Exchange beforeCall = exchange();
        InDoubt.note(beforeCall, new SocketTimeoutException("source query timed out"));

        Exchange lookUp = exchange();
        lookUp.setProperty(Keys.CALLING_TARGET, true);
        lookUp.setProperty(Keys.LOOKING_UP, true);
        InDoubt.note(lookUp, new SocketTimeoutException("Read timed out"));

        assertThat(InDoubt.reasonOf(beforeCall)).isNull();
        assertThat(InDoubt.reasonOf(lookUp)).isNull();
    }

    @Test
    void theFirstDoubtIsKept() {
        Exchange exchange = exchange();
        InDoubt.flag(exchange, InDoubt.PROCESS_DIED);
        exchange.setProperty(Keys.CALLING_TARGET, true);

        InDoubt.note(exchange, new IOException("Connection reset"));

        assertThat(InDoubt.reasonOf(exchange)).isEqualTo(InDoubt.PROCESS_DIED);
    }

    private static Exchange exchange() {
        return new DefaultExchange(new DefaultCamelContext());
    }
}

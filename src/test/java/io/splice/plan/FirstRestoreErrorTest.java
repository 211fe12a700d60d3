package io.splice.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.splice.record.Keys;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** A failed restore's reason leaves the split that ran it, as restore-target's split uses it (no Camel Main). */
class FirstRestoreErrorTest {

    @Test
    void theFirstFailedRestoresReasonReachesTheRunsExchange() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            // given a split like restore-target's: the 2nd and 3rd of four restores fail
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:restores").split(body(), new FirstRestoreError())
                            .filter(simple("${body} != 'ok'"))
                            .setProperty(Keys.RESTORE_ERROR, simple("restore ${body} failed"));
                }
            });
            camel.start();

            // when
            Exchange run = camel.createProducerTemplate().send("direct:restores",
                    exchange -> exchange.getMessage().setBody(List.of("ok", "prepare", "workflows", "ok")));

            // then
            assertThat(run.getProperty(Keys.RESTORE_ERROR)).isEqualTo("restore prepare failed");
        }
    }

    @Test
    void restoresThatAllSucceedLeaveNoReason() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:restores").split(body(), new FirstRestoreError()).log("${body}");
                }
            });
            camel.start();

            Exchange run = camel.createProducerTemplate().send("direct:restores",
                    exchange -> exchange.getMessage().setBody(List.of("prepare", "workflows")));

            assertThat(run.getProperty(Keys.RESTORE_ERROR)).isNull();
        }
    }
}

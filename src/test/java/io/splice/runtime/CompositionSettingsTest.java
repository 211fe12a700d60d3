package io.splice.runtime;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings the composition root wires with are typed and checked once, in Settings, naming a bad property. */
class CompositionSettingsTest {

    @Test
    void theBundledDefaultsReadTyped() {
        // when
        Settings settings = SpliceProperties.settings(List.of(), Map.of());

        // then
        assertThat(settings.broker().sendRetries()).isEqualTo(30);
        assertThat(settings.retry()).isEqualTo(new Settings.Retry(8, 60_000));
        assertThat(settings.reconcile()).isEqualTo(new Settings.Reconcile(2, 50));
        assertThat(settings.run()).isEqualTo(new Settings.Run(4, Duration.ofSeconds(30)));
        assertThat(settings.apiEnabled()).isFalse();
    }

    @Test
    void overridesReachTheTypedSettings() {
        // given
        Map<String, String> overrides = Map.of("splice.broker.send-retries", "0", "splice.retry.maximum-redeliveries", "0",
                "splice.reconcile.sample-percent", "100", "splice.run.stale-after-millis", "1500",
                "splice.api.enabled", "true");

        // when
        Settings settings = SpliceProperties.settings(List.of(), overrides);

        // then
        assertThat(settings.broker().sendRetries()).isZero();
        assertThat(settings.retry().maximumRedeliveries()).isZero();
        assertThat(settings.reconcile().samplePercent()).isEqualTo(100);
        assertThat(settings.run().staleAfter()).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.apiEnabled()).isTrue();
    }

    @Test
    void theSendsMayGainOptionsButKeepThoseAtLeastOnceRestsOn() {
        String more = "connectionFactory=#jmsProducerConnectionFactory&deliveryPersistent=true&exchangePattern=InOnly"
                + "&priority=4";

        assertThatCode(() -> SpliceProperties.settings(List.of(), Map.of("splice.broker.send-options", more)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "splice.broker.send-retries        | -1   | Property splice.broker.send-retries must be at least 0, was -1",
            "splice.retry.maximum-redeliveries | many | Property splice.retry.maximum-redeliveries must be a whole number, was 'many'",
            "splice.retry.max-retry-after-millis | 1m | Property splice.retry.max-retry-after-millis must be a whole number, was '1m'",
            "splice.reconcile.sample-percent   | 101  | Property splice.reconcile.sample-percent must be 0 to 100, was 101",
            "splice.reconcile.read-back-max    | -5   | Property splice.reconcile.read-back-max must be at least 0, was -5",
            "splice.run.parallel-tenants       | 0    | Property splice.run.parallel-tenants must be at least 1, was 0",
            "splice.run.stale-after-millis     | 0    | Property splice.run.stale-after-millis must be at least 1, was 0",
            "splice.api.enabled                | yes  | Property splice.api.enabled must be true or false, was 'yes'",
            "splice.broker.send-options | connectionFactory=#jmsProducerConnectionFactory&exchangePattern=InOnly | Property splice.broker.send-options must keep deliveryPersistent=true (once), was 'connectionFactory=#jmsProducerConnectionFactory&exchangePattern=InOnly'",
            "splice.broker.send-options | connectionFactory=#jmsProducerConnectionFactory&deliveryPersistent=true&exchangePattern=InOnly&deliveryPersistent=false | Property splice.broker.send-options must keep deliveryPersistent=true (once), was 'connectionFactory=#jmsProducerConnectionFactory&deliveryPersistent=true&exchangePattern=InOnly&deliveryPersistent=false'",
            "splice.broker.send-options | connectionFactory=#jmsProducerConnectionFactory&deliveryPersistent=true&exchangePattern=InOut | Property splice.broker.send-options must keep exchangePattern=InOnly (once), was 'connectionFactory=#jmsProducerConnectionFactory&deliveryPersistent=true&exchangePattern=InOut'"})
    void aBadValueFailsTheStartNamingTheProperty(String key, String value, String message) {
        assertThatThrownBy(() -> SpliceProperties.settings(List.of(), Map.of(key, value)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void theTargetsAuthenticationIsReadThroughTheSettings() {
        // given
        Settings settings = SpliceProperties.settings(List.of(), Map.of("splice.target.auth.mode", "kerberos"));

        // when the authentication is built, then the bad mode is named
        assertThatThrownBy(() -> settings.targetAuth().authentication("", HttpClient.newBuilder(), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Property splice.target.auth.mode must be one of none, bearer, oauth2");
    }
}

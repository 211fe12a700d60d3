package io.splice.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.splice.definition.CompiledMigration;
import io.splice.target.TargetRates;
import io.splice.testing.TestMigrations;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/**
 * An entity's rate and consumers as the API and the MBean set them: bounds, what the records' throttle and the queue's
 * listener container hold afterwards. The load routes are JMS routes that are never started (no broker needed).
 */
class EntityControlsTest {

    private static final String YAML = """
            migration: shop
            tenants:
              - { name: north, filter: north }
              - { name: south, filter: south, rates: { orders: 10 } }
            entities:
              customers:
                source: { table: customers, columns: [id, region], tenantColumn: region, key: id }
                group: id
                mapping: { fields: { legacyId: id } }
                target: { path: /api/customers }
              orders:
                source: { table: orders, columns: [id, region], tenantColumn: region, key: id }
                group: id
                mapping: { fields: { legacyId: id } }
                target: { path: /api/orders, rate: 20 }
            """;
    private static final String NO_INVOICES = "Migration shop has no entity 'invoices' (entities: customers, orders)";

    private CompiledMigration migration;
    private CamelContext camel;
    private TargetRates rates;
    private EntityControls controls;

    @BeforeEach
    void controls() throws Exception {
        migration = TestMigrations.compile(TestMigrations.read(YAML));
        camel = new DefaultCamelContext();
        camel.addComponent("jms", JmsLoadRoutes.component());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(JmsLoadRoutes.uri("customers", 1)).routeId("load-customers").autoStartup(false).log("${body}");
                from(JmsLoadRoutes.uri("orders", 2)).routeId("load-orders").autoStartup(false).log("${body}");
            }
        });
        camel.start();
        rates = new TargetRates(migration);
        controls = new EntityControls(camel, migration, rates);
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void ratesAreTheDefinitionsUntilAnOperatorSetsOneForEveryTenant() {
        // given: the default (50), the entity's own (20) and south's override of it (10)
        assertThat(controls.getRates()).containsExactly(Map.entry("customers", 50), Map.entry("orders", 20));
        assertThat(rateOfARecord("north", "orders")).isEqualTo(20);
        assertThat(rateOfARecord("south", "orders")).isEqualTo(10);

        // when
        controls.setRate("orders", 7);

        // then: every tenant's next record is throttled at 7
        assertThat(controls.getRates()).containsExactly(Map.entry("customers", 50), Map.entry("orders", 7));
        assertThat(rateOfARecord("north", "orders")).isEqualTo(7);
        assertThat(rateOfARecord("south", "orders")).isEqualTo(7);
        assertThat(rateOfARecord("south", "customers")).isEqualTo(50);
    }

    @Test
    void aRateIsFromOneToTenThousand() {
        controls.setRate("customers", 1);
        controls.setRate("orders", 10_000);

        assertRefused(() -> controls.setRate("customers", 0), "rate: must be a whole number from 1 to 10000, was 0");
        assertRefused(() -> controls.setRate("orders", 10_001),
                "rate: must be a whole number from 1 to 10000, was 10001");
        assertRefused(() -> controls.setRate("orders", Integer.MIN_VALUE),
                "rate: must be a whole number from 1 to 10000, was -2147483648");
        assertThat(controls.getRates()).containsExactly(Map.entry("customers", 1), Map.entry("orders", 10_000));
    }

    @Test
    void anUnknownEntitysRateIsRefusedAsTheDefinitionDoes() {
        // the MBean's callers get the definition's message; the API turns it into a 404 first (OperatorApi)
        assertThatThrownBy(() -> controls.setRate("invoices", 5)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(NO_INVOICES);
        assertThat(controls.getRates()).containsOnlyKeys("customers", "orders");
    }

    @Test
    void concurrencyIsWhatEachLoadRoutesListenerContainerHas() {
        assertThat(controls.getConcurrency()).containsExactly(Map.entry("customers", 1), Map.entry("orders", 2));
    }

    @Test
    void raisingAndLoweringTheConsumersMovesBothBoundsOfTheContainer() {
        DefaultMessageListenerContainer orders = JmsLoadRoutes.container(camel, "orders");

        controls.setConcurrency("orders", 5);
        assertThat(orders.getConcurrentConsumers()).isEqualTo(5);
        assertThat(orders.getMaxConcurrentConsumers()).isEqualTo(5);

        // lowered: the maximum follows down (no consumers above the set number are started on demand)
        controls.setConcurrency("orders", 1);
        assertThat(orders.getConcurrentConsumers()).isEqualTo(1);
        assertThat(orders.getMaxConcurrentConsumers()).isEqualTo(1);

        controls.setConcurrency("orders", 64);
        assertThat(controls.getConcurrency()).containsExactly(Map.entry("customers", 1), Map.entry("orders", 64));
        assertThat(orders.getMaxConcurrentConsumers()).isEqualTo(64);
    }

    @Test
    void concurrencyIsFromOneToSixtyFourAndARefusalChangesNothing() {
        assertRefused(() -> controls.setConcurrency("orders", 0), "concurrency: must be a whole number from 1 to 64, was 0");
        assertRefused(() -> controls.setConcurrency("orders", 65),
                "concurrency: must be a whole number from 1 to 64, was 65");
        assertThatThrownBy(() -> controls.setConcurrency("invoices", 3)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(NO_INVOICES);
        assertThat(controls.getConcurrency()).containsExactly(Map.entry("customers", 1), Map.entry("orders", 2));
        assertThat(JmsLoadRoutes.container(camel, "orders").getMaxConcurrentConsumers()).isEqualTo(2);
    }

    @Test
    void aLoadRouteThatIsNoQueueConsumerIsNamedNotGuessed() throws Exception {
        // given customers' load route consumes something else than a queue
        CamelContext other = new DefaultCamelContext();
        other.addComponent("jms", JmsLoadRoutes.component());
        other.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:load-customers").routeId("load-customers").log("${body}");
                from(JmsLoadRoutes.uri("orders", 2)).routeId("load-orders").autoStartup(false).log("${body}");
            }
        });
        other.start();
        try {
            EntityControls controlsOfOther = new EntityControls(other, migration, rates);

            assertThatThrownBy(() -> controlsOfOther.setConcurrency("customers", 2))
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("The consumers of customers cannot be reached: class "
                            + "org.apache.camel.component.direct.DirectConsumer cannot be cast");
            assertThatThrownBy(controlsOfOther::getConcurrency).isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("The consumers of customers cannot be reached");
            controlsOfOther.setConcurrency("orders", 3);
            assertThat(JmsLoadRoutes.container(other, "orders").getConcurrentConsumers()).isEqualTo(3);
        } finally {
            other.stop();
        }
    }

    private int rateOfARecord(String tenant, String entity) {
        return rates.rate(tenant, entity);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e).hasMessage(message);
        });
    }
}

package io.splice.target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.splice.definition.CompiledMigration;
import io.splice.definition.DefinitionLoader;
import io.splice.definition.LoadedDefinitions;
import io.splice.definition.MigrationDefaults;
import io.splice.observe.RecordMetrics;
import io.splice.record.Keys;
import io.splice.record.PermanentFailure;
import io.splice.target.auth.TargetAuthentication;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The request each attempt of a record's call is built into: method, path, headers, body, look-up, dry run. */
class TargetRequestTest {

    private static final String YAML = """
            migration: parcels
            tenants:
              - name: north
                filter: north
                rates: { customers: 7 }
              - name: south
                filter: south
            entities:
              customers:
                source: { table: customers, columns: [id, email], key: id }
                mapping:
                  fields: { legacyId: id, email: email }
                target:
                  method: PUT
                  path: /api/customers/{legacyId}
                  headers: { X-Source: legacy }
                  idPointer: /data/id
                  idempotencyHeader: X-Request-Key
                  rate: 20
                  lookup: { path: "/api/customers?email={email}", listPointer: /content }
              addresses:
                source: { table: addresses, columns: [id, street], key: id }
                mapping:
                  fields: { legacyId: id, street: street }
                target:
                  path: /api/addresses
                  validatePath: /api/addresses/validate
                  lookupPath: /api/addresses/by-key/{idempotencyKey}
            """;

    private final CamelContext camel = new DefaultCamelContext();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private CompiledMigration migration;
    private TargetRates rates;

    @TempDir
    Path dir;

    @BeforeEach
    void compile() throws Exception {
        Path file = Files.writeString(dir.resolve("parcels.yaml"), YAML);
        LoadedDefinitions loaded = new DefinitionLoader().load(List.of(file.toString()));
        assertThat(loaded.errors()).isEmpty();
        migration = CompiledMigration.compile(loaded.definitions().get(0),
                new MigrationDefaults("default", 100, 10, 1, 50, 100));
        rates = new TargetRates(migration);
        camel.getRegistry().bind("meters", meters);
    }

    @AfterEach
    void close() throws Exception {
        camel.close();
    }

    @Test
    void aRecordsRequestCarriesItsMethodPathHeadersIdempotencyKeyAndBodyAndNothingOfTheLastAnswer() throws Exception {
        // given a record redelivered after an answer that left headers on the message
        Exchange exchange = record("north", "customers", "42", Map.of("legacyId", 42, "email", "a b@c.nl"));
        exchange.setProperty(Keys.ATTEMPTS, 1);
        exchange.getMessage().setHeader("Retry-After", "3");
        exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, 1);

        // when it is prepared
        TargetRequest request = request(false);
        request.prepare(exchange);

        // then the request is the entity's, built afresh, and the redelivery count survives
        Message message = exchange.getMessage();
        assertThat(request.skipsCall(null, "customers")).isFalse();
        assertThat(message.getHeader(Exchange.HTTP_METHOD)).isEqualTo(HttpMethods.PUT);
        assertThat(message.getHeader(Exchange.HTTP_PATH)).isEqualTo("/api/customers/42");
        assertThat(message.getHeaders()).containsEntry("X-Source", "legacy")
                .containsEntry("X-Request-Key", "splice:north:customers:42")
                .containsEntry(Exchange.CONTENT_TYPE, "application/json").containsEntry("Accept", "application/json")
                .containsEntry(Exchange.REDELIVERY_COUNTER, 1).doesNotContainKey("Retry-After");
        assertThat(message.getBody()).isEqualTo("{\"legacyId\":42}");
        assertThat(exchange.getProperty(Keys.ATTEMPTS)).isEqualTo(2);
        assertThat(exchange.getProperty(Keys.ID_POINTER)).isEqualTo("/data/id");
        assertThat(exchange.getProperty(Keys.LOOKING_UP)).isEqualTo(false);
        assertThat(exchange.getProperty(TargetRequest.THROTTLED_AT)).isNotNull();
    }

    @Test
    void aRecordThatMayBeAtTheTargetIsFirstSearchedForWithItsFieldsEncoded() throws Exception {
        Exchange exchange = record("north", "customers", "42", Map.of("legacyId", 42, "email", "a b@c.nl"));
        exchange.setProperty(Keys.MAYBE_AT_TARGET, true);

        request(false).prepare(exchange);

        Message request = exchange.getMessage();
        assertThat(exchange.getProperty(Keys.LOOKING_UP)).isEqualTo(true);
        assertThat(request.getHeader(Exchange.HTTP_METHOD)).isEqualTo(HttpMethods.GET);
        assertThat(request.getHeader(Exchange.HTTP_PATH)).isEqualTo("/api/customers");
        assertThat(request.getHeader(Exchange.HTTP_QUERY)).isEqualTo("email=a%20b%40c.nl");
        assertThat(request.getHeaders()).doesNotContainKey(Exchange.CONTENT_TYPE);
        assertThat(request.getBody()).isNull();
        assertThat(exchange.getProperty(TargetLookup.PROPERTY, TargetLookup.class))
                .isEqualTo(new TargetLookup("/api/customers?email=a%20b%40c.nl", "/api/customers?email={email}",
                        "/data/id", "/content", List.of(404)));
    }

    @Test
    void aRecordLookedUpAlreadyIsSentAndAnIdempotencyKeyLookUpPutsTheKeyInThePath() throws Exception {
        Exchange lookedUp = record("north", "customers", "42", Map.of("legacyId", 42, "email", "x@y.nl"));
        lookedUp.setProperty(Keys.MAYBE_AT_TARGET, true);
        lookedUp.setProperty(Keys.LOOKED_UP, true);
        lookedUp.setProperty(TargetLookup.PROPERTY, "left over");
        request(false).prepare(lookedUp);
        assertThat(lookedUp.getProperty(Keys.LOOKING_UP)).isEqualTo(false);
        assertThat(lookedUp.getProperty(TargetLookup.PROPERTY)).isNull();
        assertThat(lookedUp.getMessage().getHeader(Exchange.HTTP_METHOD)).isEqualTo(HttpMethods.PUT);

        Exchange byKey = record("south", "addresses", "a/1", Map.of("legacyId", "a/1", "street", "Dorpsstraat"));
        byKey.setProperty(Keys.MAYBE_AT_TARGET, true);
        request(false).prepare(byKey);
        assertThat(byKey.getMessage().getHeader(Exchange.HTTP_PATH))
                .isEqualTo("/api/addresses/by-key/splice%3Asouth%3Aaddresses%3Aa%2F1");
    }

    @Test
    void aDryRunPostsToTheValidatePathOrSkipsTheCallWhenTheEntityHasNone() throws Exception {
        TargetRequest dryRun = request(true);
        Exchange checked = record("south", "addresses", "9", Map.of("legacyId", 9, "street", "Kerkweg"));
        dryRun.prepare(checked);
        assertThat(dryRun.skipsCall(null, "addresses")).isFalse();
        assertThat(checked.getProperty(Keys.DRY_RUN)).isEqualTo(true);
        assertThat(checked.getMessage().getHeader(Exchange.HTTP_METHOD)).isEqualTo(HttpMethods.POST);
        assertThat(checked.getMessage().getHeader(Exchange.HTTP_PATH)).isEqualTo("/api/addresses/validate");

        Exchange skipped = record("north", "customers", "42", Map.of("legacyId", 42, "email", "x@y.nl"));
        dryRun.prepare(skipped);
        assertThat(dryRun.skipsCall(null, "customers")).isTrue();
        assertThat(dryRun.skipsCall(true, "customers")).isFalse();
        assertThat(skipped.getProperty(Keys.DRY_RUN)).isEqualTo(true);
    }

    @Test
    void aPathFieldTheMappedRecordLacksIsAPermanentFailureNamingIt() {
        Exchange exchange = record("north", "customers", "42", Map.of("email", "x@y.nl"));

        assertThatThrownBy(() -> request(false).prepare(exchange)).isInstanceOfSatisfying(PermanentFailure.class,
                e -> {
                    assertThat(e.reason()).isEqualTo("path /api/customers/{legacyId}: no value for legacyId");
                    assertThat(e.getMessage()).isEqualTo("customers 42 (tenant north): the target path "
                            + "/api/customers/{legacyId} needs field legacyId, which the mapped record lacks");
                });
    }

    @Test
    void aReadBacksGetComesPreparedAndIsOnlyTimedForTheThrottles() throws Exception {
        Exchange readBack = new DefaultExchange(camel);
        readBack.setProperty(Keys.READ_BACK, true);
        readBack.getMessage().setHeader(Exchange.HTTP_PATH, "/api/customers/c-1");

        request(false).prepare(readBack);

        assertThat(readBack.getMessage().getHeader(Exchange.HTTP_PATH)).isEqualTo("/api/customers/c-1");
        assertThat(readBack.getProperty(Keys.ATTEMPTS)).isNull();
        assertThat(readBack.getProperty(TargetRequest.THROTTLED_AT)).isNotNull();
    }

    @Test
    void theRateIsTheOperatorsOverrideElseTheTenantsElseTheEntitys() {
        TargetRequest request = request(false);
        assertThat(request.rate("north", "customers")).isEqualTo(7);
        assertThat(request.rate("south", "customers")).isEqualTo(20);
        assertThat(request.rate("south", "addresses")).isEqualTo(50);

        rates.override("customers", 3);

        assertThat(request.rate("north", "customers")).isEqualTo(3);
        assertThat(rates.current("customers")).isEqualTo(3);
        assertThat(rates.current("addresses")).isEqualTo(50);
    }

    @Test
    void rightBeforeTheSendTheCallCarriesItsCredentialsAndItsThrottleWaitIsMeasured() throws Exception {
        Exchange exchange = record("north", "customers", "42", Map.of("legacyId", 42, "email", "x@y.nl"));
        TargetRequest request = request(false);
        request.prepare(exchange);

        request.attachContent(exchange);

        assertThat(exchange.getMessage().getHeader("Authorization")).isEqualTo("Bearer t-7");
        assertThat(exchange.getProperty(TargetAuthentication.GENERATION)).isEqualTo(7L);
        assertThat(exchange.getProperty(TargetRequest.SENT_AT, Long.class))
                .isGreaterThanOrEqualTo(exchange.getProperty(TargetRequest.THROTTLED_AT, Long.class));
        assertThat(meters.get("splice.throttle.wait").tag("entity", "customers").timer().count()).isEqualTo(1);
        assertThat(exchange.getMessage().getBody()).isEqualTo("{\"legacyId\":42}");
    }

    private TargetRequest request(boolean dryRun) {
        TargetAuthentication bearer = new TargetAuthentication() {
            @Override
            public long authorize(BiConsumer<String, String> header) {
                header.accept("Authorization", "Bearer t-7");
                return 7;
            }

            @Override
            public String describe() {
                return "bearer";
            }
        };
        return new TargetRequest(migration, rates, new ContentStreams(null), new RecordMetrics(camel), bearer, dryRun);
    }

    private Exchange record(String tenant, String entity, String sourceKey, Map<String, Object> mapped) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(Keys.TENANT, tenant);
        exchange.setProperty(Keys.ENTITY, entity);
        exchange.setProperty(Keys.SOURCE_KEY, sourceKey);
        exchange.setProperty(Keys.MAPPED, mapped);
        exchange.setProperty(Keys.REQUEST_BODY, "{\"legacyId\":" + mapped.getOrDefault("legacyId", "null") + "}");
        return exchange;
    }
}

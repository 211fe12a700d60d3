package io.splice.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.splice.report.CompletedRun;
import io.splice.sandbox.ReceivedRequest;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.target.TargetAvailability;
import io.splice.testing.CapturedLogs;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14, item 9: the target's authentication as real APIs want it — OAuth2 client credentials with tokens that
 * expire during the run and are revoked mid-run, an API key, Basic — against the sandbox's token endpoint and API.
 */
class TargetAuthTest {

    private static final String DEFINITION = """
            migration: auth
            entities:
              items:
                source: { table: items, columns: [id, grp, name], key: id, pageSize: 50 }
                group: grp
                mapping:
                  fields: { legacyId: id, name: name }
                target: { path: /api/v1/items }
            """;
    /** The same, with a plan whose own calls (email off, and back on at the end) need the credentials too. */
    private static final String WITH_PLAN = DEFINITION + """
            plan:
              stages:
                - name: prepare-target
                  target:
                    calls:
                      - { method: PUT, path: /api/v1/settings/email, body: '{"enabled": false}' }
                    restore:
                      - { method: PUT, path: /api/v1/settings/email, body: '{"enabled": true}' }
                - name: migrate
                  migrate: [items]
            """;
    private static final String CLIENT_SECRET = "cs-7f3a9b21e4d05c86";

    @TempDir
    Path workDir;

    private TestStack stack;
    private SandboxTarget sandbox;

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
        sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults()));
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void tokensThatExpireDuringTheRunAreRenewedAheadOfTimeNotPerRequest() throws Exception {
        // given 600 items, sent at 100 a second (about 6 s), and tokens that live 2 s, renewed 1 s ahead
        createItems(600);
        sandbox.authentication().requireOAuth2("splice", CLIENT_SECRET, Duration.ofSeconds(2));
        SpliceUnderTest splice = splice(WITH_PLAN, oauth2(Map.of("splice.target.auth.renew-before-millis", "1000")));

        // when
        long started = System.nanoTime();
        CompletedRun run = splice.run();
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        // then every item is MIGRATED and at the target once
        assertThat(run.report().status()).isEqualTo("COMPLETED");
        assertThat(statuses(splice)).containsExactly(Map.entry("MIGRATED", 600L));
        assertThat(sandbox.records("items")).hasSize(600);
        // the plan's own calls carried the token as well: e-mail was switched off, and on again at the end
        assertThat(sandbox.requests()).filteredOn(r -> r.path().equals("/api/v1/settings/email"))
                .extracting(ReceivedRequest::status).containsExactly(200, 200);
        assertThat(sandbox.emailEnabled()).isTrue();
        // the token was renewed as it aged (a 2 s token cannot serve a run of several seconds), about once a second
        // of the run, not once per request; a 401 happens only if a request took over a second to arrive
        long unauthorized = apiRequests().stream().filter(r -> r.status() == 401).count();
        int tokenRequests = sandbox.authentication().tokenRequests();
        assertThat(elapsedMillis).isGreaterThan(3_000);
        assertThat(tokenRequests).isGreaterThanOrEqualTo(3)
                .isLessThanOrEqualTo((int) (elapsedMillis / 1000) + 2 + (int) unauthorized);
        assertThat(unauthorized).isLessThanOrEqualTo(apiRequests().size() / 20);
    }

    @Test
    void aTokenRevokedMidRunIsRenewedOnceAndTheRefusedRecordsStillMigrate() throws Exception {
        // given long-lived tokens (no renewal due during the run), the one Splice fetched at start revoked at once
        createItems(300);
        sandbox.authentication().requireOAuth2("splice", CLIENT_SECRET, Duration.ofSeconds(600));
        SpliceUnderTest splice = splice(WITH_PLAN, oauth2(Map.of()));
        sandbox.authentication().revokeTokens();

        // when the plan's first call meets that, and the provider revokes every token again while a third of the
        // items are through
        CompletableFuture<CompletedRun> running = CompletableFuture.supplyAsync(() -> run(splice));
        await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.records("items").size() >= 100);
        sandbox.authentication().revokeTokens();
        CompletedRun run = running.get(120, TimeUnit.SECONDS);

        // then the in-flight calls were refused with the old token (at most one per consumer), the token was
        // fetched once more for all of them, and every item migrated: the refused ones on their second attempt
        assertThat(run.report().status()).isEqualTo("COMPLETED");
        assertThat(statuses(splice)).containsExactly(Map.entry("MIGRATED", 300L));
        assertThat(sandbox.records("items")).hasSize(300);
        // the plan's call was refused once, renewed the token and went through; so did the restore at the end
        assertThat(sandbox.requests()).filteredOn(r -> r.path().equals("/api/v1/settings/email"))
                .extracting(ReceivedRequest::status).containsExactly(401, 200, 200);
        long unauthorized = apiRequests().stream().filter(r -> r.status() == 401 && r.path().startsWith("/api/v1/items"))
                .count();
        assertThat(unauthorized).isBetween(1L, 4L);
        assertThat(sandbox.authentication().tokenRequests()).isEqualTo(3);
        assertThat(splice.ledger().queryForObject("select count(*) from splice_record where attempts = 2", Long.class))
                .isEqualTo(unauthorized);
    }

    @Test
    void aTokenRefusedAgainAfterItsRenewalFailsTheRecordNamingWhy() throws Exception {
        // given an API that refuses every token (the client's grant lacks its scope)
        createItems(5);
        sandbox.authentication().requireOAuth2("splice", CLIENT_SECRET, Duration.ofSeconds(600));
        sandbox.authentication().refuseAllTokens(true);
        SpliceUnderTest splice = splice(oauth2(Map.of()));

        // when
        CompletedRun run = splice.run();

        // then each item was tried twice, with a renewed token the second time, and FAILED saying so
        assertThat(statuses(splice)).containsExactly(Map.entry("FAILED", 5L));
        assertThat(splice.ledger().queryForList("select distinct reason from splice_record", String.class))
                .containsExactly("HTTP 401 target refused the renewed token");
        assertThat(splice.ledger().queryForList("select distinct attempts from splice_record", Integer.class))
                .containsExactly(2);
        assertThat(apiRequests()).hasSize(10).allMatch(r -> r.status() == 401);
        assertThat(sandbox.authentication().tokenRequests()).isBetween(2, 6);
        assertThat(run.report().failedTotal()).isEqualTo(5);
    }

    @Test
    void aWrongClientSecretStopsTheStartNamingTheSettingAfterOneTokenRequest() throws Exception {
        createItems(5);
        sandbox.authentication().requireOAuth2("splice", "the-real-secret", Duration.ofSeconds(600));

        assertThatThrownBy(() -> splice(oauth2(Map.of())))
                .hasStackTraceContaining("refused Splice's client credentials: HTTP 401 (invalid_client); check "
                        + "splice.target.auth.client-id and splice.target.auth.client-secret")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(CLIENT_SECRET));
        assertThat(sandbox.authentication().tokenRequests()).isEqualTo(1);
        assertThat(apiRequests()).isEmpty();
    }

    @Test
    void aClientSecretRotatedMidRunMakesTheRecordsWaitWithOneWarningAndGoOnOnceItIsRight() throws Exception {
        // given 2 s tokens and a probe every 200 ms
        createItems(300);
        sandbox.authentication().requireOAuth2("splice", CLIENT_SECRET, Duration.ofSeconds(2));
        try (CapturedLogs logs = new CapturedLogs()) {
            SpliceUnderTest splice = splice(oauth2(Map.of("splice.target.auth.renew-before-millis", "1000",
                    "splice.outage.probe-interval-millis", "200", "splice.retry.initial-delay-millis", "20")));
            TargetAvailability availability = splice.runtime().context().getRegistry()
                    .lookupByNameAndType("targetAvailability", TargetAvailability.class);

            // when the provider changes the secret a third of the way through
            CompletableFuture<CompletedRun> running = CompletableFuture.supplyAsync(() -> run(splice));
            await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.records("items").size() >= 100);
            sandbox.authentication().changeClientSecret("rotated");
            // then the records wait for the target, as in an outage, instead of failing one by one
            await().atMost(Duration.ofSeconds(60)).until(() -> availability.waitingSince("items") != null);
            int waitingAt = sandbox.records("items").size();
            int tokenRequestsWhileWaiting = sandbox.authentication().tokenRequests();
            assertThat(statuses(splice)).doesNotContainKey("FAILED");

            // when Splice's secret is right again (here: the provider's is put back)
            sandbox.authentication().changeClientSecret(CLIENT_SECRET);
            CompletedRun run = running.get(120, TimeUnit.SECONDS);

            // then every item migrated, and the log said once which setting to check
            assertThat(run.report().status()).isEqualTo("COMPLETED");
            assertThat(statuses(splice)).containsExactly(Map.entry("MIGRATED", 300L));
            assertThat(waitingAt).isLessThan(300);
            assertThat(tokenRequestsWhileWaiting).isLessThan(30);
            assertThat(logs.lines()).filteredOn(line -> line.contains("refused Splice's client credentials"))
                    .hasSize(1).allMatch(line -> line.contains("splice.target.auth.client-secret"));
        }
    }

    @Test
    void anApiKeyFromAFileIsSentInItsHeader() throws Exception {
        createItems(50);
        sandbox.authentication().requireApiKey("X-Api-Token", "ak-5be1c0d6");
        SpliceUnderTest splice = splice(WITH_PLAN, Map.of("splice.target.auth.mode", "api-key",
                "splice.target.auth.api-key-header", "X-Api-Token",
                "splice.target.auth.api-key-file", secretFile("api-key", "ak-5be1c0d6")));

        splice.run();

        assertThat(statuses(splice)).containsExactly(Map.entry("MIGRATED", 50L));
        assertThat(apiRequests()).noneMatch(r -> r.status() == 401);
        assertThat(sandbox.requests()).filteredOn(r -> r.path().equals("/api/v1/settings/email"))
                .extracting(ReceivedRequest::status).containsExactly(200, 200);
    }

    @Test
    void basicCredentialsWithThePasswordFromAFileAreSent() throws Exception {
        createItems(50);
        sandbox.authentication().requireBasic("splice-migration", "pw-91c2e7");
        SpliceUnderTest splice = splice(Map.of("splice.target.auth.mode", "basic",
                "splice.target.auth.username", "splice-migration",
                "splice.target.auth.password-file", secretFile("password", "pw-91c2e7")));

        splice.run();

        assertThat(statuses(splice)).containsExactly(Map.entry("MIGRATED", 50L));
        assertThat(apiRequests()).noneMatch(r -> r.status() == 401);
    }

    private Map<String, String> oauth2(Map<String, String> extra) throws Exception {
        Map<String, String> properties = new HashMap<>(Map.of("splice.target.auth.mode", "oauth2",
                "splice.target.auth.token-url", sandbox.baseUrl() + "/oauth/token",
                "splice.target.auth.client-id", "splice",
                "splice.target.auth.client-secret-file", secretFile("client-secret", CLIENT_SECRET),
                "splice.target.auth.scopes", "items:write"));
        properties.putAll(extra);
        return properties;
    }

    private SpliceUnderTest splice(Map<String, String> extra) throws Exception {
        return splice(DEFINITION, extra);
    }

    private SpliceUnderTest splice(String yaml, Map<String, String> extra) throws Exception {
        Path definition = Files.writeString(workDir.resolve("auth.yaml"), yaml);
        Map<String, String> properties = new HashMap<>(Map.of("splice.migrations", "file:" + definition,
                "splice.load.rate", "100"));
        properties.putAll(extra);
        return stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox, properties));
    }

    private static CompletedRun run(SpliceUnderTest splice) {
        try {
            return splice.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The calls to the API: what the token endpoint got is not among them. */
    private List<ReceivedRequest> apiRequests() {
        return sandbox.requests().stream().filter(r -> r.path().startsWith("/api/")).toList();
    }

    private static Map<String, Long> statuses(SpliceUnderTest splice) {
        Map<String, Long> counts = new HashMap<>();
        splice.ledger().queryForList("select status, count(*) as n from splice_record group by status")
                .forEach(row -> counts.put((String) row.get("status"), ((Number) row.get("n")).longValue()));
        return counts;
    }

    private String secretFile(String name, String secret) throws Exception {
        return Files.writeString(workDir.resolve(name), secret + "\n").toString();
    }

    private void createItems(int items) throws Exception {
        DataSource source = stack.source().dataSource();
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table items (id bigint primary key, grp int, name text)");
            statement.execute("insert into items select i, i % 7, 'item ' || i from generate_series(1, " + items + ") i");
        }
    }

    private static String stackTrace(Throwable error) {
        java.io.StringWriter text = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }
}

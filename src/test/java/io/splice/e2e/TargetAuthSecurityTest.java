package io.splice.e2e;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import io.splice.report.CompletedRun;
import io.splice.sample.SampleDataGenerator;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.testing.CapturedLogs;
import io.splice.testing.ManagementUsersFile;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14, item 9: the target's credentials — the OAuth2 client secret, every token issued, an API key, a Basic
 * password — appear in no log line, report, failed.csv, dead letter, ledger row, API answer or JMX attribute, after
 * runs with failures, retries, dead letters and a token revoked mid-run.
 */
class TargetAuthSecurityTest {

    @TempDir
    Path workDir;

    private TestStack stack;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String opsPassword = secret("opspw");

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
        new SampleDataGenerator(17, 0.2).generate(stack.source().dataSource());
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void theClientSecretAndTheTokensAppearNowhereAfterARunWithFailuresAndARevocation() throws Exception {
        // given a target behind OAuth2 (2 s tokens) that refuses 30% of the calls with 503
        String clientSecret = secret("clientsecret");
        SandboxTarget sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults()
                .withFaults(FaultSettings.none().withUnavailableRate(0.3).withSeed(5))));
        sandbox.authentication().requireOAuth2("splice-client", clientSecret, Duration.ofSeconds(2));
        int port = freePort();
        try (CapturedLogs logs = new CapturedLogs()) {
            SpliceUnderTest splice = splice(sandbox, port, Map.of("splice.target.auth.mode", "oauth2",
                    "splice.target.auth.token-url", sandbox.baseUrl() + "/oauth/token",
                    "splice.target.auth.client-id", "splice-client",
                    "splice.target.auth.client-secret-file", file("client-secret", clientSecret),
                    "splice.target.auth.renew-before-millis", "1000"));

            // when a run migrates, fails some records (422, mapping, 503 retries exhausted), and its tokens are revoked
            // once midway
            CompletableFuture<CompletedRun> running = CompletableFuture.supplyAsync(() -> run(splice));
            await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.records("addresses").size() >= 200);
            sandbox.authentication().revokeTokens();
            CompletedRun run = running.get(180, TimeUnit.SECONDS);

            // then tokens were issued and refused, and the failures worth looking at happened
            List<String> secrets = new ArrayList<>(sandbox.authentication().issuedTokens());
            assertThat(secrets).hasSizeGreaterThan(1);
            assertThat(sandbox.requests()).anyMatch(r -> r.status() == 401);
            secrets.add(clientSecret);
            secrets.add(base64("splice-client:" + clientSecret));
            assertThat(run.report().failures()).extracting(f -> f.reason())
                    .contains("HTTP 503, retries exhausted", "mapping houseNumber: is not a whole number");
            assertNothingHolds(secrets, splice, run, logs, port);
        }
    }

    @Test
    void anApiKeyAppearsNowhereEvenWhenTheTargetRefusesIt() throws Exception {
        // given Splice's API key is not the one the target wants: every call is refused with 401
        String apiKey = secret("apikey");
        SandboxTarget sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults()));
        sandbox.authentication().requireApiKey("X-API-Key", secret("otherkey"));
        int port = freePort();
        try (CapturedLogs logs = new CapturedLogs()) {
            SpliceUnderTest splice = splice(sandbox, port, Map.of("splice.target.auth.mode", "api-key",
                    "splice.target.auth.api-key", apiKey));

            // when
            CompletedRun run = splice.run();

            // then the records FAILED with the target's 401, and the key is nowhere
            assertThat(run.report().failures()).extracting(f -> f.reason()).contains("HTTP 401 unauthorized");
            assertNothingHolds(List.of(apiKey), splice, run, logs, port);
        }
    }

    @Test
    void aBasicPasswordAppearsNowhereEvenWhenTheTargetRefusesIt() throws Exception {
        // given a password set as a property (as from the environment), not from a file: Camel's start-up summary of
        // the properties must mask it too
        String password = secret("basicpw");
        SandboxTarget sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults()));
        sandbox.authentication().requireBasic("splice", secret("otherpw"));
        int port = freePort();
        try (CapturedLogs logs = new CapturedLogs()) {
            SpliceUnderTest splice = splice(sandbox, port, Map.of("splice.target.auth.mode", "basic",
                    "splice.target.auth.username", "splice", "splice.target.auth.password", password));

            CompletedRun run = splice.run();

            assertThat(run.report().failures()).extracting(f -> f.reason()).contains("HTTP 401 unauthorized");
            assertNothingHolds(List.of(password, base64("splice:" + password)), splice, run, logs, port);
        }
    }

    private void assertNothingHolds(List<String> secrets, SpliceUnderTest splice, CompletedRun run, CapturedLogs logs,
                                    int port) throws Exception {
        List<Path> reportFiles;
        try (Stream<Path> files = Files.list(run.reportFile().getParent())) {
            reportFiles = files.toList();
        }
        assertThat(reportFiles).extracting(p -> p.getFileName().toString()).contains("report.json", "failed.csv");
        List<String> deadLetters = deadLetters(splice);
        assertThat(deadLetters).hasSize((int) run.report().failedTotal());
        List<String> tables = splice.ledger().queryForList("select table_name from information_schema.tables "
                + "where table_schema = current_schema() and table_type = 'BASE TABLE'", String.class);
        assertThat(tables).contains("splice_record", "splice_run");
        List<String> answers = new ArrayList<>();
        String routes = URLEncoder.encode("org.apache.camel:context=splice,type=routes,name=*", StandardCharsets.UTF_8);
        for (String path : List.of("/api/runs", "/api/runs/" + run.report().runId(), "/api/progress",
                "/api/dead-letters", "/observe/health", "/observe/metrics", "/observe/jolokia/read/" + routes)) {
            HttpResponse<String> answer = get("http://127.0.0.1:" + port + path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            answers.add(answer.body());
        }
        assertThat(logs.lines()).hasSizeGreaterThan(20);
        for (String secret : secrets) {
            assertThat(logs.lines()).as("log lines").noneMatch(line -> line.contains(secret));
            for (Path file : reportFiles) {
                assertThat(Files.readString(file)).as("%s", file.getFileName()).doesNotContain(secret);
            }
            assertThat(deadLetters).as("dead letters").noneMatch(letter -> letter.contains(secret));
            for (String table : tables) {
                assertThat(splice.ledger().queryForList("select * from " + table).toString()).as(table).doesNotContain(secret);
            }
            assertThat(answers).as("API, health, metrics and JMX answers").noneMatch(answer -> answer.contains(secret));
        }
    }

    private SpliceUnderTest splice(SandboxTarget sandbox, int port, Map<String, String> auth) throws Exception {
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "splice.management.users-file", ManagementUsersFile.write(workDir, opsPassword).toString(),
                "camel.management.port", String.valueOf(port), "camel.main.jmx-enabled", "true",
                "splice.load.rate", "1000", "splice.retry.initial-delay-millis", "5",
                "splice.retry.maximum-redeliveries", "1"));
        properties.putAll(auth);
        return stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox, properties));
    }

    private static CompletedRun run(SpliceUnderTest splice) {
        try {
            return splice.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every dead letter's body and every one of its properties, as text. */
    private static List<String> deadLetters(SpliceUnderTest splice) throws Exception {
        List<String> letters = new ArrayList<>();
        try (jakarta.jms.Connection connection = splice.brokerConnections().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue("DLQ.splice.addresses"));
            for (Object element : Collections.list(browser.getEnumeration())) {
                Message message = (Message) element;
                StringBuilder text = new StringBuilder(message.getBody(String.class));
                for (Object name : Collections.list(message.getPropertyNames())) {
                    text.append('\n').append(name).append('=').append(message.getObjectProperty((String) name));
                }
                text.append("\ncorrelation=").append(message.getJMSCorrelationID()).append(" type=").append(message.getJMSType());
                letters.add(text.toString());
            }
        }
        return letters;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().header("Authorization", "Basic "
                + base64(ManagementUsersFile.OPERATOR + ":" + opsPassword)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String file(String name, String content) throws Exception {
        return Files.writeString(workDir.resolve(name), content + "\n").toString();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String secret(String label) {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return label + "-" + HexFormat.of().formatHex(random);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

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
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.sample.SampleDataGenerator;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.testing.ManagementUsersFile;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, part 1: every way found to climb from a management login to secrets, SQL, files or a stopped service is
 * tried with a valid viewer and a valid operator, and refused. Each refusal is listed in RELIABILITY.md (security).
 * Positive controls (what each role may do) make sure the refusals are the policy's, not a broken server's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementEscalationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR = ManagementUsersFile.OPERATOR + ":" + ManagementUsersFile.OPERATOR_PASSWORD;
    private static final String VIEWER = ManagementUsersFile.VIEWER + ":" + ManagementUsersFile.VIEWER_PASSWORD;
    private static final String CONTEXT = "org.apache.camel:context=splice,type=context,name=\"splice\"";
    private static final String ROUTE = "org.apache.camel:context=splice,type=routes,name=\"load-addresses\"";
    private static final String CONTROLS = "org.apache.camel:context=splice,type=services,name=EntityControls";
    private static final String JFR = "jdk.management.jfr:type=FlightRecorder";

    private Path workDir;
    private TestStack stack;
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void given() throws Exception {
        workDir = Files.createTempDirectory("splice-escalation");
        stack = TestStack.create();
        new SampleDataGenerator(5, 0.1).generate(stack.source().dataSource());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        SandboxTarget sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults().withFaults(FaultSettings.none())));
        stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox, Map.of(
                "splice.management.users-file", ManagementUsersFile.write(workDir).toString(),
                "camel.management.port", String.valueOf(port), "camel.main.jmx-enabled", "true")));
    }

    @AfterAll
    void dropEverything() throws Exception {
        stack.close();
    }

    // ---- refused to everyone -------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {OPERATOR, VIEWER})
    void theFlightRecorderThatReadTheEnvironmentsSecretsIsRefused(String user) throws Exception {
        assertRefused(exec(user, JFR, "newRecording()"));
        assertRefused(exec(user, JFR, "startRecording(long)", 1));
        assertRefused(exec(user, JFR, "openStream(long,javax.management.openmbean.TabularData)", 1, null));
        assertRefused(exec(user, JFR, "readStream(long)", 1));
        assertRefused(read(user, JFR, "Recordings"));
    }

    @ParameterizedTest
    @ValueSource(strings = {OPERATOR, VIEWER})
    void diagnosticAndHotSpotMBeansAreRefused(String user) throws Exception {
        Path dump = workDir.resolve("heap-" + user.hashCode() + ".hprof");
        assertRefused(exec(user, "com.sun.management:type=DiagnosticCommand", "vmFlags()"));
        assertRefused(exec(user, "com.sun.management:type=DiagnosticCommand", "vmSystemProperties()"));
        assertRefused(exec(user, "com.sun.management:type=HotSpotDiagnostic", "dumpHeap(java.lang.String,boolean)",
                dump.toString(), true));
        assertRefused(read(user, "com.sun.management:type=HotSpotDiagnostic", "DiagnosticOptions"));
        assertThat(dump).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {OPERATOR, VIEWER})
    void theCamelContextSendsNoSqlWritesNoFileAndNeverStopsOrRestarts(String user) throws Exception {
        Path written = workDir.resolve("written-" + user.hashCode());
        assertRefused(exec(user, CONTEXT, "sendStringBody(java.lang.String,java.lang.String)",
                "sql:drop table splice_record?dataSource=#ledgerDataSource", "x"));
        assertRefused(exec(user, CONTEXT, "requestStringBody(java.lang.String,java.lang.String)",
                "sql:select * from splice_record?dataSource=#ledgerDataSource", "x"));
        assertRefused(exec(user, CONTEXT, "sendBody(java.lang.String,java.lang.Object)",
                "file:" + written.getParent() + "?fileName=" + written.getFileName(), "x"));
        assertRefused(exec(user, CONTEXT, "createEndpoint(java.lang.String)", "file:/tmp"));
        assertRefused(exec(user, CONTEXT, "restart()"));
        assertRefused(exec(user, CONTEXT, "stop()"));
        assertRefused(exec(user, CONTEXT, "suspend()"));
        assertRefused(read(user, CONTEXT, "GlobalOptions"));
        assertThat(written).doesNotExist();
        assertThat(new org.springframework.jdbc.core.JdbcTemplate(stack.ledger().dataSource())
                .queryForObject("select count(*) from splice_record", Integer.class)).isNotNull();
        assertThat(value(read(user, CONTEXT, "State")).asText()).isEqualTo("Started");
    }

    @ParameterizedTest
    @ValueSource(strings = {OPERATOR, VIEWER})
    void routesCannotBeRewrittenRemovedDumpedOrTraced(String user) throws Exception {
        assertRefused(exec(user, ROUTE, "updateRouteFromXml(java.lang.String)",
                "<route id=\"load-addresses\"><from uri=\"timer:x\"/><to uri=\"sql:delete from splice_record\"/></route>"));
        assertRefused(exec(user, ROUTE, "remove()"));
        assertRefused(exec(user, ROUTE, "stopAndFail()"));
        assertRefused(exec(user, ROUTE, "dumpRouteAsXml()"));
        assertRefused(post(user, "/observe/jolokia/", "{\"type\":\"write\",\"mbean\":\"" + ROUTE.replace("\"", "\\\"")
                + "\",\"attribute\":\"Tracing\",\"value\":true}"));
        assertThat(value(read(user, ROUTE, "State")).asText()).isEqualTo("Started");
    }

    @ParameterizedTest
    @ValueSource(strings = {OPERATOR, VIEWER})
    void theJvmsArgumentsAndSystemPropertiesWhichCanHoldSecretsAreRefused(String user) throws Exception {
        assertRefused(read(user, "java.lang:type=Runtime", "SystemProperties"));
        assertRefused(read(user, "java.lang:type=Runtime", "InputArguments"));
        assertRefused(read(user, "java.lang:type=Runtime", "ClassPath"));
        assertRefused(exec(user, "java.lang:type=Threading", "dumpAllThreads(boolean,boolean)", false, false));
        assertRefused(exec(user, "java.lang:type=Memory", "gc()"));
    }

    @ParameterizedTest
    @ValueSource(strings = {OPERATOR, VIEWER})
    void notificationsAndABulkRequestHidingAForbiddenCallAreRefused(String user) throws Exception {
        assertRefused(post(user, "/observe/jolokia/", "{\"type\":\"notification\",\"command\":\"register\"}"));
        HttpResponse<String> bulk = post(user, "/observe/jolokia/", "[{\"type\":\"version\"},{\"type\":\"exec\",\"mbean\":\""
                + CONTEXT.replace("\"", "\\\"") + "\",\"operation\":\"restart()\"}]");
        assertRefused(bulk);
        assertRefused(post(user, "/observe/jolokia/", "{\"type\":\"config\"}"));
        assertRefused(get(user, "/observe/jolokia/?p=/exec/" + encode(CONTEXT) + "/restart()"));
    }

    @ParameterizedTest
    @ValueSource(strings = {OPERATOR, VIEWER})
    void pathsNoRuleNamesAreRefused(String user) throws Exception {
        for (String path : List.of("/", "/q/dev", "/q/send/", "/observe/info", "/observe/jolokiax", "/apix",
                "/q/download/x", "/api/../q/dev")) {
            assertThat(get(user, path).statusCode()).as(path).isIn(403, 404);
        }
        assertThat(send(user, "PUT", "/q/upload/x.yaml", "- route: {}").statusCode()).isIn(403, 404);
        assertThat(send(user, "POST", "/observe/metrics", "").statusCode()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {OPERATOR, VIEWER})
    void aBodyOverTheLimitIsRefusedBeforeItIsRead(String user) throws Exception {
        String huge = "[" + "{\"type\":\"version\"},".repeat(60_000) + "{\"type\":\"version\"}]";

        assertThat(post(user, "/observe/jolokia/", huge).statusCode()).isEqualTo(413);
    }

    @Test
    void anonymousCallersAndWrongPasswordsAreRefusedEverywhere() throws Exception {
        for (String path : List.of("/observe/health", "/observe/metrics", "/observe/jolokia/version", "/api/runs", "/q/dev", "/")) {
            assertThat(get(null, path).statusCode()).as(path).isEqualTo(401);
            assertThat(get("ops:wrong", path).statusCode()).as(path).isEqualTo(401);
            assertThat(get("watcher:" + ManagementUsersFile.OPERATOR_PASSWORD, path).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(send(null, "POST", "/api/entities/addresses/pause", "").statusCode()).isEqualTo(401);
    }

    // ---- a viewer reads, an operator acts ------------------------------------------------------------------------

    @Test
    void aViewerReadsButActsNowhere() throws Exception {
        for (String path : List.of("/observe/health", "/observe/metrics", "/api/runs", "/api/progress", "/api/dead-letters",
                "/observe/jolokia/version", "/observe/jolokia/list?maxDepth=1")) {
            assertThat(get(VIEWER, path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(value(read(VIEWER, "java.lang:type=Memory", "HeapMemoryUsage")).path("used").asLong()).isPositive();
        assertThat(value(read(VIEWER, ROUTE, "State")).asText()).isEqualTo("Started");
        assertThat(value(read(VIEWER, CONTROLS, "Rates")).path("addresses").asInt()).isPositive();

        assertRefused(exec(VIEWER, ROUTE, "stop()"));
        assertRefused(exec(VIEWER, ROUTE, "suspend()"));
        assertRefused(exec(VIEWER, CONTROLS, "setRate(java.lang.String,int)", "addresses", 1));
        assertRefused(exec(VIEWER, CONTROLS, "setConcurrency(java.lang.String,int)", "addresses", 1));
        for (String[] action : List.of(new String[] {"POST", "/api/entities/addresses/pause", ""},
                new String[] {"POST", "/api/entities/addresses/resume", ""},
                new String[] {"PUT", "/api/entities/addresses/rate", "{\"rate\": 1}"},
                new String[] {"PUT", "/api/entities/addresses/concurrency", "{\"concurrency\": 1}"},
                new String[] {"POST", "/api/runs", "{}"},
                new String[] {"POST", "/api/dead-letters/replay", "{\"entity\": \"addresses\", \"all\": true}"},
                new String[] {"POST", "/api/dead-letters/discard", "{\"entity\": \"addresses\", \"all\": true, \"why\": \"x\"}"})) {
            HttpResponse<String> answer = send(VIEWER, action[0], action[1], action[2]);
            assertThat(answer.statusCode()).as(action[1]).isEqualTo(403);
            assertThat(JSON.readTree(answer.body()).path("reason").asText()).contains("needs role operator");
        }
        assertThat(value(read(VIEWER, ROUTE, "State")).asText()).isEqualTo("Started");
        assertThat(value(read(VIEWER, CONTROLS, "Rates")).path("addresses").asInt()).isNotEqualTo(1);
    }

    @Test
    void anOperatorStopsAndStartsARouteAndSetsARateThroughJolokia() throws Exception {
        assertThat(status(exec(OPERATOR, ROUTE, "stop()"))).isEqualTo(200);
        assertThat(value(read(OPERATOR, ROUTE, "State")).asText()).isEqualTo("Stopped");
        assertThat(status(exec(OPERATOR, ROUTE, "start()"))).isEqualTo(200);
        assertThat(value(read(OPERATOR, ROUTE, "State")).asText()).isEqualTo("Started");
        int rate = value(read(OPERATOR, CONTROLS, "Rates")).path("addresses").asInt();
        assertThat(status(exec(OPERATOR, CONTROLS, "setRate(java.lang.String,int)", "addresses", rate + 1))).isEqualTo(200);
        assertThat(value(read(OPERATOR, CONTROLS, "Rates")).path("addresses").asInt()).isEqualTo(rate + 1);
        assertThat(status(exec(OPERATOR, CONTROLS, "setRate(java.lang.String,int)", "addresses", rate))).isEqualTo(200);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** Refused: by the guard (HTTP 401/403), by a Jolokia policy (status 403 in the answer), or any part of a bulk. */
    private static void assertRefused(HttpResponse<String> answer) throws Exception {
        if (answer.statusCode() != 200) {
            assertThat(answer.statusCode()).as(answer.body()).isIn(403);
            return;
        }
        JsonNode body = JSON.readTree(answer.body());
        if (body.isArray()) {
            assertThat(body.findValues("status")).as(answer.body()).anyMatch(status -> status.asInt() == 403);
        } else {
            assertThat(body.path("status").asInt()).as(answer.body()).isEqualTo(403);
        }
    }

    private static int status(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).path("status").asInt();
    }

    private static JsonNode value(HttpResponse<String> answer) throws Exception {
        assertThat(status(answer)).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).path("value");
    }

    private HttpResponse<String> read(String user, String mbean, String attribute) throws Exception {
        return post(user, "/observe/jolokia/", JSON.writeValueAsString(Map.of("type", "read", "mbean", mbean,
                "attribute", attribute)));
    }

    private HttpResponse<String> exec(String user, String mbean, String operation, Object... arguments) throws Exception {
        Map<String, Object> request = new java.util.LinkedHashMap<>();
        request.put("type", "exec");
        request.put("mbean", mbean);
        request.put("operation", operation);
        request.put("arguments", java.util.Arrays.asList(arguments));
        return post(user, "/observe/jolokia/", JSON.writeValueAsString(request));
    }

    private HttpResponse<String> post(String user, String path, String body) throws Exception {
        return send(user, "POST", path, body);
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        return send(user, "GET", path, null);
    }

    private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String mbean) {
        return URLEncoder.encode(mbean, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

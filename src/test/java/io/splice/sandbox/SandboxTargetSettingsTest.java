package io.splice.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxTargetSettingsTest {

    private static final String TOKEN = "plan-token";
    private static final String WORKFLOWS = "/api/v1/workflows/active";
    private static final String EMAIL = "/api/v1/settings/email";

    private SandboxTarget target;
    private SandboxClient client;

    private void start(SandboxOptions options) throws IOException {
        target = SandboxTarget.start(options.withBearerToken(TOKEN));
        client = new SandboxClient(target, TOKEN);
    }

    @AfterEach
    void stopSandbox() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void theSystemStartsWithWorkflowsOneAndThreeActiveAndEmailOn() throws IOException {
        start(SandboxOptions.defaults());

        HttpResponse<String> workflows = client.get(WORKFLOWS);
        HttpResponse<String> email = client.get(EMAIL);

        assertThat(workflows.statusCode()).isEqualTo(200);
        assertThat(Json.parse(workflows.body())).isEqualTo(Json.parse("{\"ids\":[\"wf-1\",\"wf-3\"]}"));
        assertThat(email.statusCode()).isEqualTo(200);
        assertThat(Json.parse(email.body())).isEqualTo(Json.parse("{\"enabled\":true}"));
        assertThat(target.activeWorkflows()).containsExactly("wf-1", "wf-3");
        assertThat(target.emailEnabled()).isTrue();
    }

    @Test
    void aPlanSwitchesWorkflowsAndEmailOffAndRestoresThem() throws IOException {
        start(SandboxOptions.defaults());
        List<String> savedWorkflows = target.activeWorkflows();

        HttpResponse<String> workflowsOff = client.put(WORKFLOWS, "{\"ids\":[]}");
        HttpResponse<String> emailOff = client.put(EMAIL, "{\"enabled\":false}");
        List<String> activeDuringLoad = target.activeWorkflows();
        boolean emailDuringLoad = target.emailEnabled();
        // Restored in another order than listed: the answer keeps the system's own order
        HttpResponse<String> workflowsBack = client.put(WORKFLOWS, "{\"ids\":[\"wf-3\",\"wf-1\"]}");
        HttpResponse<String> emailBack = client.put(EMAIL, "{\"enabled\":true}");

        assertThat(workflowsOff.statusCode()).isEqualTo(200);
        assertThat(Json.parse(workflowsOff.body())).isEqualTo(Json.parse("{\"ids\":[]}"));
        assertThat(Json.parse(emailOff.body())).isEqualTo(Json.parse("{\"enabled\":false}"));
        assertThat(activeDuringLoad).isEmpty();
        assertThat(emailDuringLoad).isFalse();
        assertThat(Json.parse(workflowsBack.body())).isEqualTo(Json.parse("{\"ids\":[\"wf-1\",\"wf-3\"]}"));
        assertThat(Json.parse(emailBack.body())).isEqualTo(Json.parse("{\"enabled\":true}"));
        assertThat(target.activeWorkflows()).isEqualTo(savedWorkflows);
        assertThat(target.emailEnabled()).isTrue();
    }

    @Test
    void anUnknownWorkflowIsRejectedWith422AndChangesNothing() throws IOException {
        start(SandboxOptions.defaults());

        HttpResponse<String> response = client.put(WORKFLOWS, "{\"ids\":[\"wf-2\",\"wf-9\"]}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(Json.parse(response.body())).isEqualTo(Json.parse("{\"error\":\"validation_failed\",\"field\":\"ids\","
                + "\"reason\":\"must name known workflows: wf-1, wf-2, wf-3\",\"value\":\"wf-9\"}"));
        assertThat(target.activeWorkflows()).containsExactly("wf-1", "wf-3");
    }

    @ParameterizedTest(name = "PUT {0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/workflows/active | {}                        | is required                      | null",
            "/api/v1/workflows/active | '{\"ids\":null}'          | is required                      | null",
            "/api/v1/workflows/active | '{\"ids\":\"wf-1\"}'      | must be an array of workflow ids | '\"wf-1\"'",
            "/api/v1/workflows/active | '{\"ids\":[\"wf-1\",1]}'  | must be an array of workflow ids | '[\"wf-1\",1]'",
            "/api/v1/settings/email   | {}                        | is required                      | null",
            "/api/v1/settings/email   | '{\"enabled\":\"false\"}' | must be true or false            | '\"false\"'",
            "/api/v1/settings/email   | '{\"enabled\":0}'         | must be true or false            | 0",
    })
    void invalidSettingsAreRejectedWith422LikeRecords(String path, String body, String reason, String value) throws IOException {
        start(SandboxOptions.defaults());
        String field = path.endsWith("email") ? "enabled" : "ids";

        HttpResponse<String> response = client.put(path, body);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(Json.parse(response.body()).get("error").asText()).isEqualTo("validation_failed");
        assertThat(Json.parse(response.body()).get("field").asText()).isEqualTo(field);
        assertThat(Json.parse(response.body()).get("reason").asText()).isEqualTo(reason);
        assertThat(Json.parse(response.body()).get("value")).isEqualTo(Json.parse(value));
        assertThat(target.activeWorkflows()).containsExactly("wf-1", "wf-3");
        assertThat(target.emailEnabled()).isTrue();
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRejectedWith400() throws IOException {
        start(SandboxOptions.defaults());

        List<HttpResponse<String>> responses = List.of(client.put(WORKFLOWS, "[\"wf-1\"]"), client.put(EMAIL, "false"));

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(Json.parse(response.body())).isEqualTo(Json.parse(
                    "{\"error\":\"bad_request\",\"reason\":\"body is not a JSON object\"}"));
        });
    }

    @Test
    void settingsNeedTheTokenPassFaultInjectionAndAreLoggedInOrder() throws IOException {
        start(SandboxOptions.defaults().withFaults(FaultSettings.none().withBurst429(1, 1)));
        SandboxClient anonymous = new SandboxClient(target);

        int withoutToken = anonymous.put(EMAIL, "{\"enabled\":false}").statusCode();
        int first = client.get(WORKFLOWS).statusCode();
        int inBurst = client.put(EMAIL, "{\"enabled\":false}").statusCode();
        int retried = client.put(EMAIL, "{\"enabled\":false}").statusCode();
        int otherMethod = client.post(WORKFLOWS, "{\"ids\":[]}").statusCode();

        assertThat(List.of(withoutToken, first, inBurst, retried, otherMethod)).containsExactly(401, 200, 429, 200, 404);
        assertThat(target.emailEnabled()).isFalse();
        List<ReceivedRequest> log = target.requests();
        assertThat(log).extracting(ReceivedRequest::method).containsExactly("PUT", "GET", "PUT", "PUT", "POST");
        assertThat(log).extracting(ReceivedRequest::path).containsExactly(EMAIL, WORKFLOWS, EMAIL, EMAIL, WORKFLOWS);
        assertThat(log).extracting(ReceivedRequest::status).containsExactly(401, 200, 429, 200, 404);
        assertThat(log).extracting(ReceivedRequest::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(log.get(3).body()).isEqualTo("{\"enabled\":false}");
        assertThat(log.get(3).arrivedAt()).isAfterOrEqualTo(log.get(0).arrivedAt());
    }
}

package io.splice.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxTargetAuthTest {

    private static final String TOKEN = "s3cret-token";
    private static final String INVOICE = "{\"total\":10}";

    private SandboxTarget target;

    @BeforeEach
    void startSandbox() throws IOException {
        // Faults are on to show auth is checked before them
        target = SandboxTarget.start(SandboxOptions.defaults().withBearerToken(TOKEN)
                .withFaults(FaultSettings.none().withBurst429(1, 1)));
    }

    @AfterEach
    void stopSandbox() {
        target.close();
    }

    @Test
    void requestsWithoutOrWithAWrongTokenAreRefusedWith401() {
        SandboxClient anonymous = new SandboxClient(target);
        HttpResponse<String> none = anonymous.post("/api/v1/invoices", INVOICE);
        HttpResponse<String> wrong = new SandboxClient(target, "not-the-token").post("/api/v1/invoices", INVOICE);
        HttpResponse<String> basic = anonymous.send(anonymous.request("/api/v1/invoices")
                .header("Authorization", "Basic " + TOKEN).GET().build());

        assertThat(List.of(none, wrong, basic)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(Json.parse(response.body())).isEqualTo(Json.parse("{\"error\":\"unauthorized\"}"));
        });
        assertThat(target.records("invoices")).isEmpty();
        assertThat(target.requests()).extracting(ReceivedRequest::status).containsExactly(401, 401, 401);
    }

    @Test
    void requestsWithTheRightTokenAreProcessed() {
        SandboxClient authorised = new SandboxClient(target, TOKEN);

        HttpResponse<String> created = authorised.post("/api/v1/invoices", INVOICE);
        HttpResponse<String> burst = authorised.post("/api/v1/invoices", INVOICE);
        HttpResponse<String> count = authorised.get("/api/v1/invoices");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(burst.statusCode()).isEqualTo(429);
        assertThat(Json.parse(count.body()).get("count").asInt()).isEqualTo(1);
        assertThat(target.records("invoices")).extracting(StoredRecord::id).containsExactly("invoices-1");
    }

    @Test
    void unauthorisedRequestsDoNotUseUpTheBurst() {
        new SandboxClient(target).post("/api/v1/invoices", INVOICE);
        new SandboxClient(target).post("/api/v1/invoices", INVOICE);
        SandboxClient authorised = new SandboxClient(target, TOKEN);

        assertThat(authorised.post("/api/v1/invoices", INVOICE).statusCode()).isEqualTo(201);
        assertThat(authorised.post("/api/v1/invoices", INVOICE).statusCode()).isEqualTo(429);
    }

    @Test
    void requestLogEndpointNeedsNoToken() {
        assertThat(new SandboxClient(target).get("/sandbox/requests").statusCode()).isEqualTo(200);
    }
}

package io.splice.sandbox;

import java.io.IOException;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What real APIs do and the sandbox does when told to (ApiBehaviour): search answers, 422 shapes, no idempotency. */
class SandboxTargetRealApiTest {

    private static final String PROJECT = "{\"code\":\"PRJ-0001\",\"name\":\"Noord\",\"status\":\"PLANNED\"}";
    private static final String BAD_PROJECT = "{\"code\":\"PRJ-0002\",\"name\":\"Zuid\",\"status\":\"BOGUS\"}";

    private SandboxTarget target;
    private SandboxClient client;

    private void start(ApiBehaviour behaviour) throws IOException {
        target = SandboxTarget.start(SandboxOptions.defaults().withApi(behaviour));
        client = new SandboxClient(target);
    }

    @AfterEach
    void stop() {
        target.close();
    }

    @Test
    void aSearchAnswersAListEmptyWhenNothingMatchesAndTheQueryIsInTheLog() throws IOException {
        start(ApiBehaviour.defaults());
        client.post("/api/v1/projects", PROJECT, "k1");
        client.post("/api/v1/projects", "{\"code\":\"PRJ-0001\",\"name\":\"Twee\",\"status\":\"PLANNED\"}", "k2");

        HttpResponse<String> none = client.get("/api/v1/projects?code=PRJ-9999");
        HttpResponse<String> one = client.get("/api/v1/projects?code=PRJ-0001&name=Noord");
        HttpResponse<String> two = client.get("/api/v1/projects?code=PRJ-0001");

        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(Json.parse(none.body())).isEqualTo(Json.parse("[]"));
        assertThat(Json.parse(one.body())).isEqualTo(Json.parse(
                "[{\"id\":\"projects-1\",\"code\":\"PRJ-0001\",\"name\":\"Noord\",\"status\":\"PLANNED\"}]"));
        assertThat(Json.parse(two.body()).size()).isEqualTo(2);
        assertThat(target.requests()).extracting(ReceivedRequest::path).contains("/api/v1/projects?code=PRJ-0001&name=Noord");
        // without a query the collection still answers its count
        assertThat(Json.parse(client.get("/api/v1/projects").body()).get("count").asInt()).isEqualTo(2);
    }

    @Test
    void aPagedSearchAnswersContent() throws IOException {
        start(ApiBehaviour.defaults().withPagedSearch(true));
        client.post("/api/v1/projects", PROJECT, "k1");

        JsonNode page = Json.parse(client.get("/api/v1/projects?name=Noord").body());

        assertThat(page.get("totalElements").asInt()).isEqualTo(1);
        assertThat(page.at("/content/0/id").asText()).isEqualTo("projects-1");
    }

    @Test
    void validationFailuresAsProblemDetails() throws IOException {
        start(ApiBehaviour.defaults().withValidationAnswers(ApiBehaviour.ValidationAnswers.PROBLEM_DETAILS));

        HttpResponse<String> answer = client.post("/api/v1/projects", BAD_PROJECT, "k1");

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Json.parse(answer.body());
        assertThat(problem.get("title").asText()).isEqualTo("Your request is not valid");
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.at("/invalid-params/0/name").asText()).isEqualTo("status");
    }

    @Test
    void validationFailuresAsAnErrorAndItsFields() throws IOException {
        start(ApiBehaviour.defaults().withValidationAnswers(ApiBehaviour.ValidationAnswers.ERROR_AND_FIELDS));

        HttpResponse<String> answer = client.post("/api/v1/projects", BAD_PROJECT, "k1");

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(Json.parse(answer.body())).isEqualTo(Json.parse("{\"error\":\"validation failed\",\"fields\":[\"status\"]}"));
    }

    @Test
    void anApiIgnoringTheIdempotencyKeyCreatesADuplicateOnAResend() throws IOException {
        start(ApiBehaviour.defaults().withIgnoreIdempotencyKey(true));

        HttpResponse<String> first = client.post("/api/v1/projects", PROJECT, "splice:default:projects:1");
        HttpResponse<String> resent = client.post("/api/v1/projects", PROJECT, "splice:default:projects:1");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(resent.statusCode()).isEqualTo(201);
        assertThat(target.records("projects")).extracting(StoredRecord::idempotencyKey)
                .containsExactly("splice:default:projects:1", "splice:default:projects:1");
        assertThat(client.get("/api/v1/projects/by-key/splice:default:projects:1").statusCode()).isEqualTo(404);
        // and it can be switched while the sandbox runs
        target.updateApi(ApiBehaviour.defaults());
        client.post("/api/v1/projects", PROJECT, "k2");
        assertThat(client.post("/api/v1/projects", PROJECT, "k2").statusCode()).isEqualTo(200);
    }
}

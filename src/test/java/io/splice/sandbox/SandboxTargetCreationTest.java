package io.splice.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxTargetCreationTest {

    private static final String PROJECT_1 = "{\"code\":\"PRJ-0001\",\"name\":\"Noord\",\"status\":\"PLANNED\"}";
    private static final String PROJECT_2 = "{\"code\":\"PRJ-0002\",\"name\":\"Zuid\",\"status\":\"COMPLETED\"}";

    private SandboxTarget target;
    private SandboxClient client;

    @BeforeEach
    void startSandbox() throws IOException {
        target = SandboxTarget.start(SandboxOptions.defaults());
        client = new SandboxClient(target);
    }

    @AfterEach
    void stopSandbox() {
        target.close();
    }

    @Test
    void createAssignsPerCollectionIdsAndStoresTheRecords() {
        HttpResponse<String> first = client.post("/api/v1/projects", PROJECT_1);
        HttpResponse<String> second = client.post("/api/v1/projects", PROJECT_2);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(Json.parse(first.body())).isEqualTo(Json.parse(
                "{\"id\":\"projects-1\",\"code\":\"PRJ-0001\",\"name\":\"Noord\",\"status\":\"PLANNED\"}"));
        assertThat(Json.parse(second.body()).get("id").asText()).isEqualTo("projects-2");

        List<StoredRecord> stored = target.records("projects");
        assertThat(stored).extracting(StoredRecord::id).containsExactly("projects-1", "projects-2");
        assertThat(stored.get(0).body()).containsEntry("code", "PRJ-0001").containsEntry("name", "Noord").hasSize(3);
        assertThat(stored.get(0).collection()).isEqualTo("projects");
        assertThat(stored.get(0).idempotencyKey()).isNull();
        assertThat(target.records("addresses")).isEmpty();
    }

    @Test
    void storedRecordsCanBeReadBackAndCounted() {
        client.post("/api/v1/projects", PROJECT_1);
        client.post("/api/v1/projects", PROJECT_2);

        HttpResponse<String> one = client.get("/api/v1/projects/projects-2");
        HttpResponse<String> count = client.get("/api/v1/projects");
        HttpResponse<String> missing = client.get("/api/v1/projects/projects-3");

        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(Json.parse(one.body()).get("name").asText()).isEqualTo("Zuid");
        assertThat(Json.parse(count.body())).isEqualTo(Json.parse("{\"count\":2}"));
        assertThat(Json.parse(client.get("/api/v1/addresses").body()).get("count").asInt()).isZero();
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Json.parse(missing.body())).isEqualTo(Json.parse("{\"error\":\"not_found\"}"));
    }

    @Test
    void aStoredRecordCanBeLookedUpByTheIdItWasAnsweredWith() {
        client.post("/api/v1/projects", PROJECT_1, "key-1");
        String id = Json.parse(client.post("/api/v1/projects", PROJECT_2).body()).get("id").asText();

        assertThat(target.record("projects", id)).hasValueSatisfying(record -> {
            assertThat(record.id()).isEqualTo("projects-2");
            assertThat(record.collection()).isEqualTo("projects");
            assertThat(record.body()).containsEntry("code", "PRJ-0002").containsEntry("name", "Zuid");
            assertThat(record.idempotencyKey()).isNull();
        });
        assertThat(target.record("projects", "projects-1")).map(StoredRecord::idempotencyKey).hasValue("key-1");
        assertThat(target.record("projects", "projects-3")).isEmpty();
        assertThat(target.record("addresses", "projects-1")).isEmpty();
        assertThat(target.record("invoices", "invoices-1")).isEmpty();
    }

    @Test
    void idempotentReplayAnswers200WithTheSameRecordAndCreatesNothing() {
        HttpResponse<String> created = client.post("/api/v1/projects", PROJECT_1, "key-1");
        HttpResponse<String> replayed = client.post("/api/v1/projects", PROJECT_1, "key-1");
        // A replay with a different body still answers with what the key created first
        HttpResponse<String> replayedOtherBody = client.post("/api/v1/projects", PROJECT_2, "key-1");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(Json.parse(replayed.body())).isEqualTo(Json.parse(created.body()));
        assertThat(replayedOtherBody.statusCode()).isEqualTo(200);
        assertThat(Json.parse(replayedOtherBody.body()).get("code").asText()).isEqualTo("PRJ-0001");
        assertThat(target.records("projects")).singleElement()
                .satisfies(record -> {
                    assertThat(record.id()).isEqualTo("projects-1");
                    assertThat(record.idempotencyKey()).isEqualTo("key-1");
                });
    }

    @Test
    void idempotencyKeysAreScopedPerCollection() {
        client.post("/api/v1/projects", PROJECT_1, "shared-key");
        HttpResponse<String> other = client.post("/api/v1/invoices", "{\"total\":12}", "shared-key");

        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(Json.parse(other.body()).get("id").asText()).isEqualTo("invoices-1");
        assertThat(target.records("projects")).hasSize(1);
        assertThat(target.records("invoices")).hasSize(1);
    }

    @Test
    void unknownCollectionAcceptsAnyJsonObjectUnvalidated() {
        String body = "{\"legacyId\":7,\"tags\":[\"a\",\"b\"],\"meta\":{\"note\":null}}";

        HttpResponse<String> response = client.post("/api/v1/work-orders", body);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode json = Json.parse(response.body());
        assertThat(json.get("id").asText()).isEqualTo("work-orders-1");
        assertThat(json.get("tags")).isEqualTo(Json.parse("[\"a\",\"b\"]"));
        assertThat(json.get("meta").get("note").isNull()).isTrue();
        assertThat(target.records("work-orders")).singleElement()
                .satisfies(record -> assertThat(record.body()).containsEntry("legacyId", 7).containsEntry("tags", List.of("a", "b")));
    }

    @Test
    void postedIdDoesNotReplaceTheAssignedId() {
        HttpResponse<String> response = client.post("/api/v1/invoices", "{\"id\":\"legacy-99\",\"total\":5}");

        assertThat(Json.parse(response.body())).isEqualTo(Json.parse("{\"id\":\"invoices-1\",\"total\":5}"));
        assertThat(client.get("/api/v1/invoices/invoices-1").statusCode()).isEqualTo(200);
    }

    @Test
    void bodyThatIsNotAJsonObjectIsRejectedWith400() {
        List<String> notObjects = List.of("[1,2]", "\"text\"", "42", "{\"a\":", "", "{} trailing", "null");

        for (String body : notObjects) {
            HttpResponse<String> response = client.post("/api/v1/invoices", body);
            assertThat(response.statusCode()).as("status for body <%s>", body).isEqualTo(400);
            assertThat(Json.parse(response.body())).as("body for <%s>", body).isEqualTo(Json.parse(
                    "{\"error\":\"bad_request\",\"reason\":\"body is not a JSON object\"}"));
        }
        assertThat(target.records("invoices")).isEmpty();
    }

    @Test
    void unknownPathsAndMethodsAnswer404Json() {
        List<HttpResponse<String>> responses = List.of(
                client.get("/"),
                client.get("/api/v2/projects"),
                client.get("/api/v1/projects/projects-1/extra"),
                client.send(client.request("/api/v1/projects").DELETE().build()),
                client.post("/sandbox/requests", "{}"));

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(Json.parse(response.body()).get("error").asText()).isEqualTo("not_found");
        });
    }

    @Test
    void requestLogRecordsEveryRequestWithStatusAndBodies() {
        client.post("/api/v1/projects", PROJECT_1, "key-1");
        client.post("/api/v1/projects", "{\"code\":\"nope\"}");
        client.get("/nowhere");

        List<ReceivedRequest> log = target.requests();

        assertThat(log).extracting(ReceivedRequest::sequence).containsExactly(1L, 2L, 3L);
        assertThat(log).extracting(ReceivedRequest::status).containsExactly(201, 422, 404);
        assertThat(log).extracting(ReceivedRequest::method).containsExactly("POST", "POST", "GET");
        assertThat(log).extracting(ReceivedRequest::path).containsExactly("/api/v1/projects", "/api/v1/projects", "/nowhere");
        assertThat(log.get(0).idempotencyKey()).isEqualTo("key-1");
        assertThat(log.get(0).body()).isEqualTo(PROJECT_1);
        assertThat(Json.parse(log.get(1).responseBody()).get("field").asText()).isEqualTo("code");
        assertThat(log.get(1).arrivedNanos()).isGreaterThan(log.get(0).arrivedNanos());
        assertThat(log.get(2).arrivedAt()).isAfterOrEqualTo(log.get(0).arrivedAt());
    }

    @Test
    void requestLogEndpointListsRequestsWithoutBodies() {
        client.post("/api/v1/projects", PROJECT_1, "key-1");
        client.get("/api/v1/projects/projects-9");

        JsonNode log = Json.parse(client.get("/sandbox/requests").body());

        assertThat(log).hasSize(2);
        JsonNode first = log.get(0);
        assertThat(first.get("sequence").asLong()).isEqualTo(1);
        assertThat(first.get("method").asText()).isEqualTo("POST");
        assertThat(first.get("path").asText()).isEqualTo("/api/v1/projects");
        assertThat(first.get("idempotencyKey").asText()).isEqualTo("key-1");
        assertThat(first.get("status").asInt()).isEqualTo(201);
        assertThat(first.get("arrivedAt").asText()).isEqualTo(target.requests().get(0).arrivedAt().toString());
        assertThat(first.has("body")).isFalse();
        assertThat(log.get(1).get("status").asInt()).isEqualTo(404);
        assertThat(log.get(1).get("idempotencyKey").isNull()).isTrue();
        // The log request itself is recorded too, after it answered
        assertThat(target.requests()).hasSize(3);
    }
}

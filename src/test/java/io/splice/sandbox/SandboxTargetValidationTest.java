package io.splice.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxTargetValidationTest {

    private static final String MISSING = "<missing>";
    private static final String VALID_ADDRESS =
            "{\"projectId\":\"projects-1\",\"street\":\"Dorpsstraat\",\"houseNumber\":12,\"postcode\":\"1234 AB\",\"city\":\"Utrecht\"}";
    private static final String VALID_PROJECT = "{\"code\":\"PRJ-0001\",\"name\":\"Noord\",\"status\":\"PLANNED\"}";
    private static final String VALID_CONNECTION = "{\"addressId\":\"addresses-1\",\"kind\":\"FTTH\",\"status\":\"PLANNED\"}";
    private static final String VALID_PLANBOARD = "{\"projectId\":\"projects-1\",\"week\":\"2025-W07\",\"capacity\":40}";
    private static final String VALID_ASSIGNMENT = "{\"connectionId\":\"connections-1\",\"workType\":\"SPLICING\",\"dueOn\":\"2024-02-29\"}";

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

    @ParameterizedTest(name = "addresses.{0} = {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "projectId   | <missing>  | is required         | null",
            "projectId   | null       | is required         | null",
            "projectId   | '\"\"'     | is required         | '\"\"'",
            "street      | <missing>  | is required         | null",
            "street      | '\"  \"'   | is required         | '\"  \"'",
            "houseNumber | <missing>  | is required         | null",
            "houseNumber | null       | is required         | null",
            "houseNumber | '\"12\"'   | must be an integer  | '\"12\"'",
            "houseNumber | 12.5       | must be an integer  | 12.5",
            "houseNumber | 0          | must be at least 1  | 0",
            "houseNumber | -3         | must be at least 1  | -3",
            "postcode    | <missing>  | is required         | null",
            "postcode    | '\"0123 AB\"' | must match 9999 AA | '\"0123 AB\"'",
            "postcode    | '\"1234 ab\"' | must match 9999 AA | '\"1234 ab\"'",
            "postcode    | '\"1234  AB\"' | must match 9999 AA | '\"1234  AB\"'",
            "postcode    | 1234       | must match 9999 AA  | 1234",
            "city        | <missing>  | is required         | null",
            "city        | '\"\"'     | is required         | '\"\"'",
    })
    void eachAddressRuleAnswers422WithFieldReasonAndValue(String field, String value, String reason, String expectedValue) {
        HttpResponse<String> response = client.post("/api/v1/addresses", withField(VALID_ADDRESS, field, value));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(Json.parse(response.body())).isEqualTo(failure(field, reason, expectedValue));
        assertThat(target.records("addresses")).isEmpty();
    }

    @ParameterizedTest(name = "{0}.{1} = {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "projects    | code         | '\"PRJ-12\"'       | must match PRJ-0000",
            "projects    | code         | <missing>          | is required",
            "projects    | name         | '\" \"'            | is required",
            "projects    | status       | '\"DONE\"'         | must be one of PLANNED, IN_PROGRESS, COMPLETED, CANCELLED",
            "connections | addressId    | null               | is required",
            "connections | kind         | '\"FTTX\"'         | must be one of FTTH, FTTB",
            "connections | kind         | <missing>          | is required",
            "connections | status       | '\"planned\"'      | must be one of PLANNED, CONNECTED, CANCELLED",
            "assignments | connectionId | <missing>          | is required",
            "assignments | workType     | '\"PAINTING\"'     | must be one of SURVEY, CIVIL, SPLICING, ACTIVATION",
            "assignments | dueOn        | '\"2023-02-29\"'   | must be an ISO date yyyy-MM-dd",
            "assignments | dueOn        | '\"2024-1-05\"'    | must be an ISO date yyyy-MM-dd",
            "assignments | dueOn        | '\"2024-01-05T10:00:00\"' | must be an ISO date yyyy-MM-dd",
            "assignments | dueOn        | 20240105           | must be an ISO date yyyy-MM-dd",
            "planboards  | projectId    | <missing>          | is required",
            "planboards  | week         | '\"2025-7\"'       | must match 2025-W07",
            "planboards  | capacity     | -5                 | must be at least 0",
    })
    void otherCollectionsReportTheirRuleReasons(String collection, String field, String value, String reason) {
        HttpResponse<String> response = client.post("/api/v1/" + collection, withField(validBodyOf(collection), field, value));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = Json.parse(response.body());
        assertThat(body.get("field").asText()).isEqualTo(field);
        assertThat(body.get("reason").asText()).isEqualTo(reason);
        assertThat(body.get("value")).isEqualTo(MISSING.equals(value) ? Json.parse("null") : Json.parse(value));
        assertThat(target.records(collection)).isEmpty();
    }

    @Test
    void validRecordsOfEveryValidatedCollectionAreCreated() {
        assertThat(client.post("/api/v1/projects", withField(VALID_PROJECT, "code", "\"PRJ-123456\"")).statusCode()).isEqualTo(201);
        assertThat(client.post("/api/v1/addresses", withField(VALID_ADDRESS, "postcode", "\"9999AA\"")).statusCode()).isEqualTo(201);
        assertThat(client.post("/api/v1/connections", VALID_CONNECTION).statusCode()).isEqualTo(201);
        assertThat(client.post("/api/v1/assignments", VALID_ASSIGNMENT).statusCode()).isEqualTo(201);
        assertThat(client.post("/api/v1/planboards", VALID_PLANBOARD).statusCode()).isEqualTo(201);

        assertThat(target.records("projects")).hasSize(1);
        assertThat(target.records("addresses")).hasSize(1);
        assertThat(target.records("connections")).hasSize(1);
        assertThat(target.records("assignments")).hasSize(1);
    }

    @Test
    void theValidateEndpointChecksARecordLikeACreateAndStoresNothing() {
        HttpResponse<String> valid = client.post("/api/v1/addresses/validate", VALID_ADDRESS);
        HttpResponse<String> invalid = client.post("/api/v1/addresses/validate", withField(VALID_ADDRESS, "houseNumber", "0"));

        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(Json.parse(valid.body()).get("valid").asBoolean()).isTrue();
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(Json.parse(invalid.body())).isEqualTo(failure("houseNumber", "must be at least 1", "0"));
        assertThat(target.records("addresses")).isEmpty();
    }

    @Test
    void anAddressNamingItsProjectByCodeInsteadOfIdIsRejected() {
        ObjectNode body = (ObjectNode) Json.parse(VALID_ADDRESS);
        body.remove("projectId");
        body.put("projectCode", "PRJ-0001");

        HttpResponse<String> response = client.post("/api/v1/addresses", body.toString());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(Json.parse(response.body())).isEqualTo(failure("projectId", "is required", "null"));
        assertThat(target.records("addresses")).isEmpty();
    }

    @Test
    void firstFailingFieldInRuleOrderIsReportedWhateverTheJsonOrder() {
        String body = "{\"city\":\"\",\"postcode\":\"bad\",\"houseNumber\":0,\"street\":\"Dorpsstraat\",\"projectId\":\"projects-1\"}";

        HttpResponse<String> response = client.post("/api/v1/addresses", body);

        assertThat(Json.parse(response.body())).isEqualTo(failure("houseNumber", "must be at least 1", "0"));
    }

    @Test
    void idempotentReplayIsAnsweredBeforeValidation() {
        client.post("/api/v1/projects", VALID_PROJECT, "key-1");

        HttpResponse<String> replay = client.post("/api/v1/projects", "{\"code\":\"broken\"}", "key-1");

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(Json.parse(replay.body()).get("id").asText()).isEqualTo("projects-1");
    }

    private static String validBodyOf(String collection) {
        switch (collection) {
            case "projects": return VALID_PROJECT;
            case "connections": return VALID_CONNECTION;
            case "assignments": return VALID_ASSIGNMENT;
            case "planboards": return VALID_PLANBOARD;
            default: throw new IllegalArgumentException(collection);
        }
    }

    /** The valid body with one field removed ({@value #MISSING}) or set to the given JSON value. */
    private static String withField(String validBody, String field, String jsonValue) {
        ObjectNode body = (ObjectNode) Json.parse(validBody);
        if (MISSING.equals(jsonValue)) {
            body.remove(field);
        } else {
            body.set(field, Json.parse(jsonValue));
        }
        return body.toString();
    }

    private static JsonNode failure(String field, String reason, String valueJson) {
        ObjectNode expected = (ObjectNode) Json.parse("{\"error\":\"validation_failed\"}");
        expected.put("field", field).put("reason", reason).set("value", Json.parse(valueJson));
        return expected;
    }
}

package io.splice.target;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The target's answer to a failure, in the shapes real APIs give it: a groupable text and the fields it names. */
class FailureAnswerTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void oneFieldWithItsOwnReasonKeepsTheReasonsFormerForm() {
        FailureAnswer answer = read("{\"error\":\"validation_failed\",\"field\":\"postcode\",\"reason\":\"must match 9999 AA\","
                + "\"value\":\"12345\"}", "application/json");

        assertThat(answer.reason()).isEqualTo("postcode: must match 9999 AA");
        assertThat(answer.fields()).containsExactly("postcode");
        assertThat(answer.detail()).isEqualTo(" (value: \"12345\")");
    }

    @Test
    void anErrorTextWithAListOfFields() {
        FailureAnswer answer = read("{\"error\":\"validation failed\",\"fields\":[\"email\",\"name\"]}", "application/json");

        assertThat(answer.reason()).isEqualTo("validation failed: email, name");
        assertThat(answer.fieldList()).isEqualTo("email, name");
    }

    @Test
    void problemDetailsGiveTheTitleAndTheInvalidParamsNamesTheDetailGoesToTheMessage() {
        FailureAnswer answer = read("""
                {"type":"https://example.net/validation-error","title":"Your request parameters didn't validate.",
                 "status":400,"detail":"age must be positive, color unknown",
                 "invalid-params":[{"name":"age","reason":"must be a positive integer"},
                                   {"name":"color","reason":"must be 'green', 'red' or 'blue'"}]}""",
                "application/problem+json; charset=utf-8");

        assertThat(answer.reason()).isEqualTo("Your request parameters didn't validate: age, color");
        assertThat(answer.fields()).containsExactly("age", "color");
        assertThat(answer.detail()).isEqualTo(" (age must be positive, color unknown)");
    }

    @Test
    void problemDetailsAreRecognisedByTheirShapeWithoutTheirMediaType() {
        FailureAnswer answer = read("{\"title\":\"Conflict\",\"status\":409,\"detail\":\"code PRJ-1 exists\"}", "application/json");

        assertThat(answer.reason()).isEqualTo("Conflict");
        assertThat(answer.fields()).isEmpty();
        assertThat(answer.fieldList()).isNull();
    }

    @Test
    void errorsWithFieldPathOrPointer() {
        assertThat(read("{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Issue\",\"field\":\"title\","
                + "\"code\":\"missing_field\"}]}", null).reason()).isEqualTo("Validation Failed: title");
        assertThat(read("{\"errors\":[{\"status\":\"422\",\"source\":{\"pointer\":\"/data/attributes/firstName\"},"
                + "\"title\":\"Invalid Attribute\",\"detail\":\"First name is too short\"}]}", null).reason())
                .isEqualTo("Invalid Attribute: firstName");
        assertThat(read("{\"errors\":[{\"path\":[\"address\",\"street\"],\"message\":\"Required\"},"
                + "{\"pointer\":\"/address/city\",\"message\":\"Required\"}]}", null).fields())
                .containsExactly("address.street", "address.city");
        assertThat(read("{\"status\":400,\"error\":\"Bad Request\",\"errors\":[{\"field\":\"email\","
                + "\"defaultMessage\":\"must be a well-formed email address\"}]}", null).reason())
                .isEqualTo("Bad Request: email");
        assertThat(read("{\"errors\":{\"email\":[\"has already been taken\"]}}", null).fields()).containsExactly("email");
    }

    @Test
    void aReasonBesideAnErrorCodeSaysMore() {
        assertThat(read("{\"error\":\"conflict\",\"reason\":\"planboard jobs still running\"}", null).reason())
                .isEqualTo("planboard jobs still running");
        assertThat(read("{\"error\":{\"message\":\"quota exceeded\"}}", null).reason()).isEqualTo("quota exceeded");
    }

    @Test
    void anAnswerThatIsNotJsonIsKeptAsSentAndNamesNoField() {
        FailureAnswer answer = read("<html><body>Bad request</body></html>", "text/html");

        assertThat(answer.reason()).isEqualTo("rejected");
        assertThat(answer.fields()).isEmpty();
        assertThat(answer.body()).isEqualTo("<html><body>Bad request</body></html>");
        assertThat(read(null, null).reason()).isEqualTo("rejected");
    }

    @Test
    void aLongAnswerIsCutAt8KiBWithAMarker() {
        String body = "{\"error\":\"too long\",\"trace\":\"" + "x".repeat(20_000) + "\"}";

        FailureAnswer answer = read(body, null);

        assertThat(answer.body()).hasSize(FailureAnswer.MAX_BODY).endsWith("… [cut, " + body.length() + " characters]");
        assertThat(answer.reason()).isEqualTo("too long");
    }

    @Test
    void aReasonNamesAtMostTenFields() {
        StringBuilder fields = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            fields.append(i == 1 ? "" : ",").append("\"f").append(i).append('"');
        }
        FailureAnswer answer = read("{\"error\":\"invalid\",\"fields\":[" + fields + "]}", null);

        assertThat(answer.reason()).isEqualTo("invalid: f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, …");
        assertThat(answer.fields()).hasSize(12);
    }

    private FailureAnswer read(String body, String contentType) {
        return FailureAnswer.read(body, contentType, json);
    }
}

package io.splice.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.splice.ledger.OperatorQueries;
import io.splice.report.CompletedRun;
import io.splice.sandbox.ApiBehaviour;
import io.splice.sandbox.ApiBehaviour.ValidationAnswers;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The target's answer to a refused record is kept whole in the ledger and read for the fields it names, whatever its
 * shape: the reason says what the target said, failed.csv's field column and the operator API's dead letters name the
 * fields. The same two bad records are refused in three shapes, one run each.
 */
class TargetAnswerTest {

    private static final String DEFINITION = """
            migration: answers
            entities:
              projects:
                source: { table: projects, columns: [id, code, name, status], key: id }
                group: id
                mapping:
                  fields:
                    code: code
                    name: name
                    status: status
                target: { path: /api/v1/projects }
            """;

    @TempDir
    Path workDir;

    private TestStack stack;
    private SandboxTarget sandbox;
    private SpliceUnderTest splice;

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
        JdbcTemplate source = new JdbcTemplate(stack.source().dataSource());
        source.execute("create table projects (id bigint primary key, code varchar(20), name varchar(100), status varchar(20))");
        // 2: a status the target refuses; 3: no name
        source.update("insert into projects values (1, 'PRJ-0001', 'Noord', 'PLANNED'), (2, 'PRJ-0002', 'Zuid', 'BOGUS'),"
                + " (3, 'PRJ-0003', null, 'PLANNED')");
        sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults()));
        Path definition = Files.writeString(workDir.resolve("answers.yaml"), DEFINITION);
        splice = stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox,
                Map.of("splice.migrations", "file:" + definition)));
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void everyShapeOfRefusalGivesItsReasonItsFieldsAndIsKeptAsSent() throws Exception {
        // the sandbox's own shape: {"error":"validation_failed","field":…,"reason":…,"value":…}
        CompletedRun first = splice.run();
        assertThat(ledger("2")).containsEntry("reason", "HTTP 422 status: must be one of PLANNED, IN_PROGRESS, COMPLETED,"
                + " CANCELLED").containsEntry("failed_fields", "status");
        assertThat((String) ledger("2").get("target_answer")).contains("\"error\":\"validation_failed\"", "\"BOGUS\"");
        assertThat(fieldColumn(first)).containsExactly("projects,2,status", "projects,3,name");

        // RFC 9457 problem details (application/problem+json), their detail in the message
        sandbox.updateApi(ApiBehaviour.defaults().withValidationAnswers(ValidationAnswers.PROBLEM_DETAILS));
        CompletedRun second = splice.run();
        assertThat(ledger("3")).containsEntry("reason", "HTTP 422 Your request is not valid: name")
                .containsEntry("failed_fields", "name");
        assertThat((String) ledger("3").get("error_message")).contains("(name: is required)");
        assertThat((String) ledger("3").get("target_answer")).contains("\"invalid-params\"", "\"title\"");
        assertThat(fieldColumn(second)).containsExactly("projects,2,status", "projects,3,name");

        // an error text and a list of fields
        sandbox.updateApi(ApiBehaviour.defaults().withValidationAnswers(ValidationAnswers.ERROR_AND_FIELDS));
        CompletedRun third = splice.run();
        assertThat(ledger("2")).containsEntry("reason", "HTTP 422 validation failed: status")
                .containsEntry("target_answer", "{\"error\":\"validation failed\",\"fields\":[\"status\"]}");
        assertThat(fieldColumn(third)).containsExactly("projects,2,status", "projects,3,name");
        // the operator API's dead letters name the fields of each fingerprint
        assertThat(new OperatorQueries(stack.ledger().dataSource()).deadLetterGroups(null))
                .extracting(group -> group.get("reason") + " → " + group.get("fields"))
                .containsExactlyInAnyOrder("HTTP 422 validation failed: status → status", "HTTP 422 validation failed: name → name");
        assertThat(splice.ledger().queryForObject("select count(*) from splice_record where status = 'MIGRATED'",
                Integer.class)).isEqualTo(1);
    }

    private Map<String, Object> ledger(String sourceKey) {
        return splice.ledger().queryForMap("select reason, error_message, failed_fields, target_answer from splice_record"
                + " where source_key = ?", sourceKey);
    }

    /** failed.csv's lines as entity, key and the field column. */
    private static List<String> fieldColumn(CompletedRun run) throws Exception {
        List<String> lines = Files.readAllLines(run.reportFile().getParent().resolve("failed.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("tenant,entity,source_key,status,reason,field,http_status,blocked_by,in_doubt");
        // the reason may hold commas (quoted): the field is the fourth column from the end
        return lines.subList(1, lines.size()).stream().map(line -> {
            String[] columns = line.split(",", -1);
            return columns[1] + "," + columns[2] + "," + columns[columns.length - 4];
        }).toList();
    }
}

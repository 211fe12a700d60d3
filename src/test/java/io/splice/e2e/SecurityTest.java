package io.splice.e2e;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import io.splice.report.CompletedRun;
import io.splice.sample.SampleDataGenerator;
import io.splice.sandbox.FaultSettings;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.sandbox.StoredRecord;
import io.splice.testing.ManagementUsersFile;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TestDatabase;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6, part 5: planted secrets leak nowhere an operator or a data owner looks, and text from the source or a
 * definition never becomes SQL.
 */
class SecurityTest {

    @TempDir
    Path workDir;

    private TestStack stack;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
    }

    @AfterEach
    void dropEverything() throws Exception {
        stack.close();
    }

    @Test
    void plantedSecretsAppearInNoLogReportCsvDeadLetterLedgerRowOrApiAnswer() throws Exception {
        // given secrets from secret files: both database passwords, the target's token, the management password
        String sourcePassword = secret("srcpw");
        String ledgerPassword = secret("ledgerpw");
        String token = secret("token");
        String opsPassword = secret("opspw");
        List<String> secrets = List.of(sourcePassword, ledgerPassword, token, opsPassword);
        Path users = ManagementUsersFile.write(workDir, opsPassword);
        new SampleDataGenerator(17, 0.2).generate(stack.source().dataSource());
        int port = freePort();
        // a target that needs the token, and refuses so often that retries are logged and some are exhausted
        SandboxTarget sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults().withBearerToken(token)
                .withFaults(FaultSettings.none().withUnavailableRate(0.3).withSeed(5))));
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        try {
            SpliceUnderTest splice = stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox, Map.of(
                    "splice.source.password", "", "splice.source.password-file", file("source-pw", sourcePassword),
                    "splice.ledger.password", "", "splice.ledger.password-file", file("ledger-pw", ledgerPassword),
                    "splice.target.token-file", file("token", token),
                    "splice.management.users-file", users.toString(), "camel.management.port", String.valueOf(port),
                    "splice.load.rate", "1000", "splice.retry.initial-delay-millis", "5",
                    "splice.retry.maximum-redeliveries", "0")));

            // when a run migrates, fails some records (422, mapping, 503 retries exhausted) and is looked at
            CompletedRun run = splice.run();
            String base = "http://127.0.0.1:" + port;
            List<String> answers = new ArrayList<>();
            for (String path : List.of("/api/runs", "/api/runs/" + run.report().runId(), "/api/progress",
                    "/api/dead-letters", "/observe/health", "/observe/metrics")) {
                HttpResponse<String> answer = get(base + path, "ops:" + opsPassword);
                assertThat(answer.statusCode()).as(path).isEqualTo(200);
                answers.add(answer.body());
            }

            // then the token worked, and the failures that are worth looking at happened
            assertThat(sandbox.requests()).noneMatch(r -> r.status() == 401);
            assertThat(run.report().failures()).extracting(f -> f.reason())
                    .contains("HTTP 503, retries exhausted", "mapping houseNumber: is not a whole number");
            List<String> deadLetters = deadLetters(splice);
            assertThat(deadLetters).hasSize((int) run.report().failedTotal());
            List<Path> reportFiles;
            try (Stream<Path> files = Files.list(run.reportFile().getParent())) {
                reportFiles = files.toList();
            }
            assertThat(reportFiles).extracting(p -> p.getFileName().toString())
                    .contains("report.json", "report.html", "failed.csv");
            assertThat(logs.list).hasSizeGreaterThan(50);

            // and not one secret is in any of them
            for (String secret : secrets) {
                assertThat(logs.list).as("log lines").noneMatch(e -> logged(e).contains(secret));
                for (Path file : reportFiles) {
                    assertThat(Files.readString(file)).as("%s", file.getFileName()).doesNotContain(secret);
                }
                assertThat(deadLetters).as("dead letters").noneMatch(letter -> letter.contains(secret));
                for (String table : List.of("splice_record", "splice_run", "splice_stage")) {
                    assertThat(splice.ledger().queryForList("select * from " + table).toString()).as(table).doesNotContain(secret);
                }
                assertThat(answers).as("API answers").noneMatch(answer -> answer.contains(secret));
            }
        } finally {
            root.detachAppender(logs);
        }
    }

    @Test
    void sqlInjectedThroughASourceValueOrATenantFilterArrivesAsDataAndDropsNothing() throws Exception {
        // given source rows whose text is SQL, and a tenant whose filter is SQL
        String dropInValue = "Robert'); drop table notes; --";
        String dropInFilter = "x' or '1'='1'; drop table notes; --";
        try (Connection connection = stack.source().dataSource().getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("create table notes (id bigint primary key, owner text not null, body text)");
            try (PreparedStatement insert = connection.prepareStatement("insert into notes values (?, ?, ?)")) {
                insert(insert, 1, "alice", dropInValue);
                insert(insert, 2, "alice", "'; delete from notes where ''='");
                insert(insert, 3, "bob", "plain");
                insert(insert, 4, dropInFilter, "the one row of the tenant named by SQL");
            }
        }
        TestDatabase newSystem = stack.started(TestDatabase.create("newsys"));
        new JdbcTemplate(newSystem.dataSource()).execute("create table note_copies (id bigint primary key, body text)");
        Path definition = Files.writeString(workDir.resolve("notes.yaml"), """
                migration: notes
                tenants:
                  - name: alice
                    filter: alice
                  - name: intruder
                    filter: "x' or '1'='1'; drop table notes; --"
                entities:
                  notes:
                    source: { table: notes, columns: [id, owner, body], tenantColumn: owner, key: id }
                    group: id
                    mapping:
                      fields: { legacyId: id, body: body }
                    target: { path: /api/v1/notes }
                  note_copies:
                    source:
                      query: |
                        select id, body from notes where id > :#lastKey and owner = :#tenantFilter order by id limit :#pageSize
                      key: id
                    group: id
                    mapping:
                      fields: { legacyId: id, body: body }
                    target:
                      sql:
                        statement: |
                          insert into note_copies (id, body) values (cast(:#legacyId as bigint), :#body)
                          on conflict (id) do update set body = excluded.body
                        idField: legacyId
                """);
        SandboxTarget sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults()));
        SpliceUnderTest splice = stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), sandbox, Map.of(
                "splice.migrations", "file:" + definition, "splice.target-db.url", newSystem.url(),
                "splice.target-db.username", newSystem.user(), "splice.target-db.password", newSystem.password())));

        // when both tenants run
        List<CompletedRun> runs = splice.runAll();

        // then each tenant got exactly its own rows: the filter matched the owner literally, it widened nothing
        assertThat(runs).allMatch(CompletedRun::completed);
        assertThat(sandbox.records("notes")).extracting(r -> tenantOf(r) + " " + r.body().get("legacyId") + " " + r.body().get("body"))
                .containsExactlyInAnyOrder("alice 1 " + dropInValue, "alice 2 '; delete from notes where ''='",
                        "intruder 4 the one row of the tenant named by SQL");
        // the SQL target bound the values too: they are in the new system's table verbatim
        assertThat(new JdbcTemplate(newSystem.dataSource()).queryForList("select body from note_copies order by id", String.class))
                .containsExactly(dropInValue, "'; delete from notes where ''='", "the one row of the tenant named by SQL");
        // and nothing was dropped or deleted
        assertThat(new JdbcTemplate(stack.source().dataSource()).queryForObject("select count(*) from notes", Integer.class))
                .isEqualTo(4);
        assertThat(new JdbcTemplate(newSystem.dataSource()).queryForObject("select count(*) from note_copies", Integer.class))
                .isEqualTo(3);
    }

    private static void insert(PreparedStatement insert, long id, String owner, String body) throws Exception {
        insert.setLong(1, id);
        insert.setString(2, owner);
        insert.setString(3, body);
        insert.executeUpdate();
    }

    private static String tenantOf(StoredRecord record) {
        return record.idempotencyKey().split(":")[1];
    }

    /** Everything a log line can carry: the message, and every throwable's message and stack, causes included. */
    private static String logged(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        event.getMDCPropertyMap().forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
        for (IThrowableProxy error = event.getThrowableProxy(); error != null; error = error.getCause()) {
            text.append('\n').append(error.getClassName()).append(": ").append(error.getMessage());
            for (StackTraceElementProxy frame : error.getStackTraceElementProxyArray()) {
                text.append('\n').append(frame.getSTEAsString());
            }
            for (IThrowableProxy suppressed : error.getSuppressed()) {
                text.append('\n').append(suppressed.getClassName()).append(": ").append(suppressed.getMessage());
            }
        }
        return text.toString();
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

    private HttpResponse<String> get(String url, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String file(String name, String content) throws Exception {
        return Files.writeString(workDir.resolve(name), content + "\n").toString();
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

package io.splice.e2e;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.splice.report.CompletedRun;
import io.splice.report.RunReport;
import io.splice.sandbox.SandboxOptions;
import io.splice.sandbox.SandboxTarget;
import io.splice.sandbox.StoredRecord;
import io.splice.testing.FaultyProxy;
import io.splice.testing.FaultyProxy.Fault;
import io.splice.testing.FaultyProxy.Kind;
import io.splice.testing.SpliceUnderTest;
import io.splice.testing.TcpRelay;
import io.splice.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad input that needs a running Splice (issue 6, part 4; the catalogue is in RELIABILITY.md): what the source,
 * the network or the target hand over is wrong, and each case names the record or the place, while the other
 * work goes on.
 */
class BadInputTest {

    private static final String DEFINITION = """
            migration: bad
            entities:
              items:
                source: { table: items, columns: [id, grp, name], key: id, pageSize: 20 }
                group: grp
                mapping:
                  fields: { legacyId: id, name: name }
                target: { path: /api/v1/items }
              tags:
                source: { table: tags, columns: [id, label], key: id }
                group: id
                mapping:
                  fields: { legacyId: id, label: label }
                target: { path: /api/v1/tags }
            """;

    @TempDir
    Path workDir;

    private TestStack stack;
    private Path definition;
    private ListAppender<ILoggingEvent> captured;

    @BeforeEach
    void given() throws Exception {
        stack = TestStack.create();
        definition = Files.writeString(workDir.resolve("bad.yaml"), DEFINITION);
    }

    @AfterEach
    void dropEverything() throws Exception {
        if (captured != null) {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(captured);
        }
        stack.close();
    }

    @Test
    void aLegacyKeyGivenTwiceStopsItsExtractNamingTheKeyAndTheRunResumesOnceItIsFixed() throws Exception {
        // given item 50 twice in the source (no primary key), in its third page of 20
        createTables(stack.source().dataSource(), 60, false);
        execute(stack.source().dataSource(), "insert into items values (50, 1, 'the other fifty')");
        SandboxTarget sandbox = sandbox();
        SpliceUnderTest splice = splice(sandbox.baseUrl(), Map.of());

        // when
        CompletedRun run = splice.run();

        // then the run failed naming the entity, the key column and the key, instead of dropping one of the rows;
        // nothing of its page was sent (the pages before it were queued, and migrate in the background)
        assertThat(run.report().status()).isEqualTo("FAILED");
        assertThat(run.report().error()).isEqualTo("Extract of items failed: DuplicateKeyException: "
                + "Entity items: the source returned id 50 more than once; source.key must identify one row (fix the "
                + "duplicates in the source, or choose a unique key)");
        assertThat(sandbox.records("items")).isNotEmpty().allMatch(r -> ((Number) r.body().get("legacyId")).longValue() <= 40);

        // when the data owners remove the duplicate, the next run resumes it and migrates the rest once
        execute(stack.source().dataSource(), "delete from items where name = 'the other fifty'");
        CompletedRun resumed = splice.run();
        assertThat(resumed.report().runId()).isEqualTo(run.report().runId());
        assertThat(resumed.report().status()).isEqualTo("COMPLETED");
        Map<Object, Long> copies = sandbox.records("items").stream()
                .collect(Collectors.groupingBy(r -> r.body().get("legacyId"), Collectors.counting()));
        assertThat(copies).hasSize(60);
        assertThat(copies.values()).allMatch(n -> n == 1);
        assertThat(sandbox.records("tags")).hasSize(10);
    }

    @Test
    void theLegacyDatabaseGoingAwayMidRunFailsTheRunAndTheNextRunResumesItWithNothingLostOrSentTwice() throws Exception {
        // given a slowly read source behind a relay that can be cut
        createTables(stack.source().dataSource(), 600, true);
        TcpRelay relay = stack.started(TcpRelay.start("127.0.0.1", port(stack.source().url())));
        SandboxTarget sandbox = sandbox();
        SpliceUnderTest splice = splice(sandbox.baseUrl(), Map.of(
                "splice.source.url", stack.source().url().replaceFirst(":\\d+/", ":" + relay.port() + "/"),
                "splice.extract.pages-per-second", "5"));
        CompletableFuture<CompletedRun> first = CompletableFuture.supplyAsync(() -> call(splice::run));

        // when the legacy database goes away in the middle of the extract
        await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.records("items").size() >= 100);
        relay.cut();
        CompletedRun failed = first.get(60, TimeUnit.SECONDS);

        // then the run failed saying so, with the records it had read accounted for
        assertThat(failed.report().status()).isEqualTo("FAILED");
        assertThat(failed.report().error()).startsWith("Extract of items failed in the source database: ");
        System.out.println("SOURCE OUTAGE: " + failed.report().error());
        assertThat(sandbox.records("items").size()).isLessThan(600);

        // and when it is back, the next run resumes the same run: every record arrives, once
        relay.restore();
        CompletedRun resumed = splice.run();
        assertThat(resumed.report().runId()).isEqualTo(failed.report().runId());
        assertThat(resumed.report().status()).isEqualTo("COMPLETED");
        Map<Object, Long> copies = sandbox.records("items").stream()
                .collect(Collectors.groupingBy(r -> r.body().get("legacyId"), Collectors.counting()));
        assertThat(copies).hasSize(600);
        assertThat(copies.values()).allMatch(n -> n == 1);
        assertThat(sandbox.records("tags")).hasSize(10);
    }

    @Test
    void aTargetUnreachableAtStartIsAWarningAndTheRecordsWaitUntilItAnswers() throws Exception {
        // given nothing listens where the target should be
        createTables(stack.source().dataSource(), 40, true);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        ListAppender<ILoggingEvent> logs = capture();
        SpliceUnderTest splice = splice(url, Map.of("splice.retry.initial-delay-millis", "50",
                "splice.retry.maximum-delay-millis", "200", "splice.retry.maximum-redeliveries", "200"));

        // then the start warned, naming the URL
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).anyMatch(m -> m.contains(
                "splice.target.url: the target " + url + " cannot be reached (ConnectException); records will wait "
                        + "and retry when the run starts"));

        // when the run starts, records fail to connect until the target is taken as down and they wait for it; and
        // when the target comes up, they migrate, once each
        CompletableFuture<CompletedRun> run = CompletableFuture.supplyAsync(() -> call(splice::run));
        await().atMost(Duration.ofSeconds(30)).until(() -> logs.list.stream()
                .anyMatch(e -> e.getFormattedMessage().contains("The target of items does not answer")
                        && e.getFormattedMessage().contains("Connect")));
        SandboxTarget sandbox = stack.started(SandboxTarget.start(SandboxOptions.defaults().withPort(port)));
        CompletedRun done = run.get(90, TimeUnit.SECONDS);
        assertThat(done.report().status()).isEqualTo("COMPLETED");
        assertThat(done.report().failedTotal()).isZero();
        assertThat(sandbox.records("items")).hasSize(40);
        assertThat(sandbox.records("tags")).hasSize(10);
    }

    @Test
    void aSuccessThatIsNotJsonOrHasNoIdFailsThatRecordNamingItAndTheOthersMigrate() throws Exception {
        // given a target that answers item 5 with an HTML page and item 6 with JSON without an id
        createTables(stack.source().dataSource(), 30, true);
        SandboxTarget sandbox = sandbox();
        FaultyProxy proxy = stack.started(FaultyProxy.start(sandbox.baseUrl(), request ->
                "splice:default:items:5".equals(request.idempotencyKey()) ? Fault.of(Kind.NOT_JSON)
                        : "splice:default:items:6".equals(request.idempotencyKey()) ? Fault.of(Kind.NO_ID) : Fault.PASS));
        SpliceUnderTest splice = splice(proxy.url(), Map.of());

        // when
        CompletedRun run = splice.run();

        // then both FAILED at once (no retry), saying what came back; everything else migrated
        assertThat(failure(splice, 5)).containsEntry("status", "FAILED").containsEntry("http_status", 200)
                .containsEntry("reason", "response without id at /id")
                .containsEntry("error_message", "items 5 (tenant default): target answered HTTP 200 without an id at /id: "
                        + "<html><body>Maintenance window</body></html>");
        assertThat(failure(splice, 6)).containsEntry("status", "FAILED").containsEntry("http_status", 201)
                .containsEntry("reason", "response without id at /id")
                .containsEntry("error_message", "items 6 (tenant default): target answered HTTP 201 without an id at /id: "
                        + "{\"status\":\"created\"}");
        assertThat(proxy.handled()).filteredOn(h -> "splice:default:items:5".equals(h.request().idempotencyKey())).hasSize(1);
        assertThat(run.report().entities()).extracting(RunReport.EntityCounts::migrated).containsExactly(28L, 10L);
    }

    @Test
    void oversizedTextMigratesIntactBesideTheOtherRecords() throws Exception {
        // given an item whose name is 3 MB of text (beyond Artemis's large-message threshold)
        createTables(stack.source().dataSource(), 20, true);
        String huge = "x".repeat(3 * 1024 * 1024 - 3) + "end";
        try (Connection connection = stack.source().dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement("update items set name = ? where id = 9")) {
            update.setString(1, huge);
            update.executeUpdate();
        }
        SandboxTarget sandbox = sandbox();
        SpliceUnderTest splice = splice(sandbox.baseUrl(), Map.of());

        // when
        CompletedRun run = splice.run();

        // then it arrived whole, and so did the others
        assertThat(run.report().status()).isEqualTo("COMPLETED");
        List<StoredRecord> items = sandbox.records("items");
        assertThat(items).hasSize(20);
        assertThat(items).filteredOn(r -> ((Number) r.body().get("legacyId")).longValue() == 9)
                .singleElement().satisfies(r -> assertThat(r.body().get("name")).isEqualTo(huge));
    }

    private Map<String, Object> failure(SpliceUnderTest splice, long key) {
        return splice.ledger().queryForMap("select status, http_status, reason, error_message from splice_record "
                + "where entity = 'items' and source_key = ?", String.valueOf(key));
    }

    private SandboxTarget sandbox() throws Exception {
        return stack.started(SandboxTarget.start(SandboxOptions.defaults()));
    }

    private SpliceUnderTest splice(String targetUrl, Map<String, String> extra) throws Exception {
        Map<String, String> properties = new java.util.HashMap<>(Map.of("splice.migrations", "file:" + definition,
                "splice.target.url", targetUrl, "splice.load.rate", "1000", "splice.retry.initial-delay-millis", "20"));
        properties.putAll(extra);
        // the sandbox passed here only fills in a default target URL, which properties replace
        try (SandboxTarget unused = SandboxTarget.start(SandboxOptions.defaults())) {
            return stack.started(SpliceUnderTest.start(workDir, stack.source(), stack.ledger(), unused, properties));
        }
    }

    private static void createTables(DataSource source, int items, boolean primaryKey) throws Exception {
        execute(source, "create table items (id bigint" + (primaryKey ? " primary key" : "") + ", grp int, name text)");
        execute(source, "insert into items select i, i % 5, 'item ' || i from generate_series(1, " + items + ") i");
        execute(source, "create table tags (id bigint primary key, label text)");
        execute(source, "insert into tags select i, 'tag ' || i from generate_series(1, 10) i");
    }

    private static void execute(DataSource source, String sql) throws Exception {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int port(String jdbcUrl) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(":(\\d+)/").matcher(jdbcUrl);
        if (!matcher.find()) {
            throw new IllegalArgumentException(jdbcUrl);
        }
        return Integer.parseInt(matcher.group(1));
    }

    private ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        captured = logs;
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        return logs;
    }

    private static <T> T call(java.util.concurrent.Callable<T> work) {
        try {
            return work.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

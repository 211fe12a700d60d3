package io.splice.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.splice.db.SourceDatabases;
import io.splice.definition.CompiledEntity;
import io.splice.definition.CompiledMigration;
import io.splice.record.RecordKey;
import io.splice.testing.CompiledDefinition;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An upload's content opened from the record's tenant's source database (its own, or the shared one) and closed with
 * the exchange: on two H2 databases, whose open sessions show whether a connection was given back.
 */
class ContentStreamsTest {

    private static final String YAML = """
            migration: files
            tenants:
              - name: north
              - name: south
            entities:
              documents:
                source: { table: documents, columns: [id, filename], key: id }
                mapping: { fields: { filename: filename } }
                target:
                  method: PUT
                  path: /api/documents/{filename}
                  upload:
                    contentQuery: select content from documents where id = :#key
                    contentType: application/pdf
              labels:
                source: { table: labels, columns: [code], key: code, keyType: [text] }
                mapping: { fields: { code: code } }
                target:
                  method: PUT
                  path: /api/labels/{code}
                  upload:
                    contentQuery: select image from labels where code = :#key
                    contentType: image/png
            """;

    @TempDir
    Path dir;
    private CompiledMigration migration;
    private JdbcDataSource shared;
    private JdbcDataSource northsOwn;
    private ContentStreams streams;
    private CamelContext camel;

    @BeforeEach
    void databases() throws Exception {
        migration = CompiledDefinition.compile(dir, YAML);
        shared = database("shared");
        northsOwn = database("north");
        streams = new ContentStreams(new SourceDatabases(shared, Map.of("north", northsOwn)));
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterEach
    void close() throws Exception {
        camel.close();
        new JdbcTemplate(shared).execute("SHUTDOWN");
        new JdbcTemplate(northsOwn).execute("SHUTDOWN");
    }

    @Test
    void aTenantWithItsOwnDatabaseReadsItsContentThereTheOthersFromTheSharedOne() throws Exception {
        Exchange exchange = new DefaultExchange(camel);

        try (InputStream north = streams.open(exchange, documents(), new RecordKey("north", "documents", "1"))) {
            assertThat(text(north)).isEqualTo("north's document 1");
        }
        try (InputStream south = streams.open(exchange, documents(), new RecordKey("south", "documents", "1"))) {
            assertThat(text(south)).isEqualTo("shared document 1");
        }
    }

    @Test
    void aTextKeyIsBoundAsText() throws Exception {
        try (InputStream label = streams.open(new DefaultExchange(camel), migration.entity("labels"),
                new RecordKey("south", "labels", "A-7"))) {
            assertThat(text(label)).isEqualTo("shared label A-7");
        }
    }

    @Test
    void aRecordWithoutAContentRowIsAPermanentFailureAndItsConnectionIsGivenBack() {
        long before = sessions(shared);

        assertThatThrownBy(() -> streams.open(new DefaultExchange(camel), documents(),
                new RecordKey("south", "documents", "9")))
                .isInstanceOfSatisfying(ContentStreams.MissingContentException.class, e -> {
                    assertThat(e.reason()).isEqualTo("content has no row in the content query");
                    assertThat(e).hasMessage("documents 9 (tenant south): content has no row in the content query");
                });
        assertThat(sessions(shared)).isEqualTo(before);
    }

    @Test
    void aNullContentIsAPermanentFailureAndItsConnectionIsGivenBack() {
        long before = sessions(northsOwn);

        assertThatThrownBy(() -> streams.open(new DefaultExchange(camel), documents(),
                new RecordKey("north", "documents", "2")))
                .isInstanceOfSatisfying(ContentStreams.MissingContentException.class, e -> {
                    assertThat(e.reason()).isEqualTo("content has no content (null)");
                    assertThat(e).hasMessage("documents 2 (tenant north): content has no content (null)");
                });
        assertThat(sessions(northsOwn)).isEqualTo(before);
    }

    @Test
    void theStreamAndItsConnectionCloseWhenTheExchangeCompletes() throws Exception {
        // given a route that opens the content and reads part of it, as camel-http does while it sends
        AtomicReference<Long> sessionsWhileOpen = new AtomicReference<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:upload").routeId("upload").process(e -> {
                    InputStream content = streams.open(e, documents(), new RecordKey("north", "documents", "1"));
                    sessionsWhileOpen.set(sessions(northsOwn));
                    e.getMessage().setBody(new String(content.readNBytes(5), StandardCharsets.UTF_8));
                });
            }
        });
        long before = sessions(northsOwn);

        // when
        String sent = camel.createFluentProducerTemplate().to("direct:upload").request(String.class);

        // then
        assertThat(sent).isEqualTo("north");
        assertThat(sessionsWhileOpen.get()).isEqualTo(before + 1);
        // H2 keeps a small BLOB in memory, so the stream still reads: the closed session is what shows it closed
        assertThat(sessions(northsOwn)).isEqualTo(before);
    }

    @Test
    void anotherAttemptClosesThePreviousStreamFirst() throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        long before = sessions(northsOwn);
        streams.open(exchange, documents(), new RecordKey("north", "documents", "1"));

        streams.open(exchange, documents(), new RecordKey("north", "documents", "1"));

        assertThat(sessions(northsOwn)).isEqualTo(before + 1);
        ContentStreams.close(exchange);
        assertThat(sessions(northsOwn)).isEqualTo(before);
        // closed once: closing again (TargetResponse, TokenRenewal) finds nothing open
        ContentStreams.close(exchange);
    }

    private CompiledEntity documents() {
        return migration.entity("documents");
    }

    private static JdbcDataSource database(String name) {
        byte[] suffix = new byte[6];
        new SecureRandom().nextBytes(suffix);
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:mem:content_" + name + "_" + HexFormat.of().formatHex(suffix) + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(source);
        jdbc.execute("create table documents (id bigint primary key, filename varchar(60), content blob)");
        jdbc.execute("create table labels (code varchar(10) primary key, image blob)");
        String owner = "shared".equals(name) ? "shared " : name + "'s ";
        jdbc.update("insert into documents values (1, 'a.pdf', ?)", (owner + "document 1").getBytes(StandardCharsets.UTF_8));
        jdbc.update("insert into documents values (2, 'b.pdf', null)");
        jdbc.update("insert into labels values ('A-7', ?)", (owner + "label A-7").getBytes(StandardCharsets.UTF_8));
        return source;
    }

    // connections open on the database, this test's own JdbcTemplate query included
    private static long sessions(JdbcDataSource source) {
        return new JdbcTemplate(source).queryForObject("select count(*) from information_schema.sessions", Long.class);
    }

    private static String text(InputStream content) throws IOException {
        return new String(content.readAllBytes(), StandardCharsets.UTF_8);
    }
}

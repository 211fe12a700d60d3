package io.splice.definition;

import static io.splice.testing.ShopDefinition.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.sql.SqlEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page query and an SQL target's statement travel in their routes' endpoint URIs (routes/pipeline.camel.yaml):
 * what the definition accepts reaches camel-sql unchanged, and what Camel would change or refuse is refused first,
 * naming the entity and the text. The endpoints are the real routes' own, read from the YAML.
 */
class UriSafeSqlTest {

    @RegisterExtension
    static final DefinitionCheck check = new DefinitionCheck();

    private static final Pattern PAGE_QUERY_ENDPOINT = Pattern.compile("toD: \"(sql:\\{\\{query}}[^\"]*)\"");
    private static final Pattern STATEMENT_ENDPOINT = Pattern.compile("to: \"(sql:\\{\\{statement}}[^\"]*)\"");

    private static CamelContext camel;
    private static int routes;
    private static volatile SqlEndpoint sentTo;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:uri-safe-sql;DB_CLOSE_DELAY=-1;MODE=PostgreSQL");
        try (var connection = h2.getConnection(); var statement = connection.createStatement()) {
            statement.execute("create table t(id int primary key, name varchar(50))");
            statement.execute("insert into t values (1, 'a%b'), (2, 'b+c'), (3, 'c')");
        }
        String routesYaml = Files.readString(Path.of("routes/pipeline.camel.yaml"));
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("sourceDataSource", h2);
        camel.getRegistry().bind("targetDataSource", h2);
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("uri-safe-sql.camel.yaml", """
                - routeTemplate:
                    id: page-query
                    parameters: [ { name: n }, { name: query } ]
                    route:
                      from:
                        uri: "direct:page-query-{{n}}"
                        steps:
                          - toD: "%s"
                - routeTemplate:
                    id: statement
                    parameters: [ { name: n }, { name: statement } ]
                    route:
                      from:
                        uri: "direct:statement-{{n}}"
                        steps:
                          - to: "%s"
                """.formatted(endpoint(PAGE_QUERY_ENDPOINT, routesYaml), endpoint(STATEMENT_ENDPOINT, routesYaml))));
        camel.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeSendingEvent sending && sending.getEndpoint() instanceof SqlEndpoint sql) {
                    sentTo = sql;
                }
            }
        });
        camel.start();
    }

    @AfterAll
    static void stop() {
        camel.stop();
    }

    @Test
    void queriesTheDefinitionAcceptsReachCamelSqlUnchanged() throws Exception {
        List<String> accepted = List.of(
                "select id, name || '-' as label from t where id > :#lastKey order by id limit :#pageSize",
                "select id + 1 as next, name from t where id > :#lastKey order by id limit :#pageSize",
                "select id from t where name like 'a%' and id > :#lastKey order by id limit :#pageSize",
                "select id, name::varchar as n from t where id > :#lastKey order by id limit :#pageSize",
                "select id from t where name <> 'a&b=c' and id > :#lastKey order by id limit :#pageSize",
                "select \"ID\" from t where name <> '{\"a\": [1]}' and id > :#lastKey order by id limit :#pageSize",
                "select id from t where name <> '\\d+ }' /* it's */ and id > :#lastKey order by id limit :#pageSize",
                "select id\n  from t\n where id > :#lastKey order by id limit :#pageSize -- the keyset",
                "select id, 'é;@!^|`[]' as s\n  from t\n where id > :#lastKey\n order by id\n limit :#pageSize");
        for (String query : accepted) {
            assertThat(UriSafeSql.problem(query)).as(query).isNull();
            // camel-sql's own rewrite: :#name becomes :?name; Camel joins a URI's lines with a space
            String expected = Arrays.stream(query.split("\n")).map(String::strip).collect(Collectors.joining(" "))
                    .replace('#', '?');
            assertThat(pageQueryEndpoint(query).getQuery()).as(query).isEqualTo(expected);
        }
        assertThat(runPageQuery("select id, name from t where (name like '%+%' or name || '' = 'a%b') and id < 10 "
                + "and id > :#lastKey order by id limit :#pageSize")).isEqualTo("[{ID=1, NAME=a%b}, {ID=2, NAME=b+c}]");
    }

    @Test
    void aStatementTheDefinitionAcceptsWritesWhatItSays() throws Exception {
        String statement = "insert into t(id, name) values (:#id, :#name || '+%')";
        assertThat(UriSafeSql.problem(statement)).isNull();
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(Map.of("id", 10, "name", "x"));
        camel.createProducerTemplate().send(route("statement", "statement", statement), exchange);
        assertThat(exchange.getException()).isNull();
        assertThat(runPageQuery("select name from t where id > :#lastKey and id = 10 limit :#pageSize"))
                .isEqualTo("[{NAME=x+%}]");
    }

    @Test
    void whatCamelWouldChangeOrRefuseIsRefusedWithWhatToWriteInstead() {
        Map<String, String> refused = Map.of(
                "select id from t where name like '%ab%' limit :#pageSize",
                "'%ab' would be read as a URI escape (write '%' || 'ab')",
                "select id from t where name = 'a?b' limit :#pageSize",
                "'?' would end the URI's path (bind values as :#name)",
                "select id from t where name = '{{x}}' limit :#pageSize",
                "'{{' would be read as a Camel property placeholder",
                "select id from t where name = '${x}' limit :#pageSize",
                "'${' would be read as a Camel simple expression",
                "select id from t where name = E'a\\nb' limit :#pageSize",
                "'\\n' would be read as an escape of Camel's simple language (use chr())",
                "select id from t where name = 'a\tb' limit :#pageSize",
                "the control character U+0009 is not allowed in a URI (use spaces)",
                "select id from t where name = 'a\n  b' limit :#pageSize",
                "a line break inside '…' would become a space",
                "select id -- the key\n  from t where id > :#lastKey limit :#pageSize",
                "a -- comment would swallow the lines after it (Camel joins them; use /* … */)");
        refused.forEach((query, problem) -> {
            assertThat(UriSafeSql.problem(query)).as(query).isEqualTo(problem);
            // and the reason: through the route's endpoint, camel-sql would get another query, or none
            Throwable error = catchThrowable(() -> {
                SqlEndpoint endpoint = pageQueryEndpoint(query);
                assertThat(endpoint == null ? null : endpoint.getQuery()).as(query).isNotEqualTo(query.replace('#', '?'));
            });
            // an error: the route or its endpoint could not be made (which is a refusal too)
            assertThat(error == null || !(error instanceof AssertionError)).as(query + ": " + error).isTrue();
        });
    }

    @Test
    void theOperatorReadsWhichEntitysQueryAndWhichText() throws Exception {
        assertThat(check.problems(dir, with("from orders", "from orders /* 100%de */"))).containsExactly(
                "shop.yaml: entity 'orders': source.query: cannot travel in its route's endpoint URI: '%de' would "
                        + "be read as a URI escape (write '%' || 'de')");
    }

    /** The sql endpoint the page-query route's toD sends to (null if none). */
    private static SqlEndpoint pageQueryEndpoint(String query) throws Exception {
        sentTo = null;
        send(route("page-query", "query", query));
        return sentTo;
    }

    private static String runPageQuery(String query) throws Exception {
        Exchange exchange = send(route("page-query", "query", query));
        return String.valueOf(exchange.getMessage().getBody());
    }

    private static Exchange send(String directUri) {
        Exchange exchange = new DefaultExchange(camel);
        // what ExtractProgress.begin and the keyset set
        exchange.setProperty("spliceSourceDataSource", "sourceDataSource");
        exchange.getMessage().setHeader("lastKey", 0);
        exchange.getMessage().setHeader("pageSize", 10);
        camel.createProducerTemplate().send(directUri, exchange);
        return exchange;
    }

    private static String route(String template, String parameter, String sql) throws Exception {
        String n = String.valueOf(++routes);
        TemplatedRouteBuilder.builder(camel, template).routeId(template + "-" + n)
                .parameter("n", n).parameter(parameter, sql).add();
        return "direct:" + template + "-" + n;
    }

    private static String endpoint(Pattern pattern, String routesYaml) {
        Matcher m = pattern.matcher(routesYaml);
        assertThat(m.find()).as("routes/pipeline.camel.yaml has " + pattern).isTrue();
        return m.group(1);
    }
}

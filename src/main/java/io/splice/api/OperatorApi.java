package io.splice.api;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.splice.definition.CompiledMigration;
import io.splice.definition.PlanDefinition;
import io.splice.definition.PlanParameters;
import io.splice.ledger.OperatorQueries;
import io.splice.record.Keys;
import io.splice.record.LazyProducer;
import io.splice.report.RunReportBuilder;
import io.splice.target.TargetAvailability;
import org.apache.camel.Body;
import org.apache.camel.CamelContext;
import org.apache.camel.Header;

/**
 * The operator's HTTP API (/api, behind the management users): runs, progress, pausing and resuming an entity, its
 * rate and concurrency. Requests are read strictly into {@link Requests} records, answers are {@link Answers}
 * records (the routes write them as JSON); dead letters are {@link DeadLetterApi}'s.
 */
public class OperatorApi {

    private static final Duration RATE_WINDOW = Duration.ofMinutes(1);
    private static final int LATEST_RUNS = 50;

    private final CamelContext context;
    private final LazyProducer producer;
    private final CompiledMigration migration;
    private final PlanDefinition plan;
    private final OperatorQueries queries;
    private final RunReportBuilder reports;
    private final EntityControls controls;
    private final ApiRequests requests;
    private final TargetAvailability availability;

    public OperatorApi(CamelContext context, CompiledMigration migration, PlanDefinition plan, OperatorQueries queries,
                       RunReportBuilder reports, EntityControls controls, ApiRequests requests,
                       TargetAvailability availability) {
        this.context = context;
        this.producer = new LazyProducer(context);
        this.migration = migration;
        this.plan = plan;
        this.queries = queries;
        this.reports = reports;
        this.controls = controls;
        this.requests = requests;
        this.availability = availability;
    }

    public List<Answers.RunSummary> runs() {
        return queries.latestRuns(LATEST_RUNS).stream().map(row -> new Answers.RunSummary((String) row.get("run_id"),
                (String) row.get("tenant"), (String) row.get("migration"), (String) row.get("kind"),
                (String) row.get("status"), instant(row.get("started_at")), instant(row.get("finished_at")),
                (String) row.get("error"))).toList();
    }

    public Object run(@Header("id") String id) {
        if (id == null || id.length() > ApiLimits.MAX_NAME) {
            throw new ApiException(404, "id: no run " + id);
        }
        try {
            return reports.build(id);
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            throw new ApiException(404, "id: no run " + id);
        }
    }

    /**
     * Starts a run (every tenant, or one) with plan parameters, checked as the CLI's --param before the answer; the
     * run goes on in the background (202).
     */
    public Answers.RunAccepted startRun(@Body String body) {
        Requests.StartRun request = requests.read(body, Requests.StartRun.class);
        String tenant = request.tenant();
        if (tenant != null) {
            Lookups.known(() -> migration.tenant(tenant), "tenant");
        }
        Map<String, String> parameters = parameters(request.parameters());
        try {
            PlanParameters.resolve(plan, parameters);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "parameters: " + e.getMessage());
        }
        Map<String, Object> headers = new HashMap<>();
        headers.put(Keys.TENANT_HEADER, tenant);
        headers.put(Keys.PARAMETERS_HEADER, parameters);
        producer.get().asyncRequestBodyAndHeaders("direct:run-tenants", null, headers);
        return new Answers.RunAccepted(true, tenant == null ? migration.tenantNames() : List.of(tenant), parameters,
                "/api/runs");
    }

    /** Plan parameters as the CLI's --param has them: a JSON text, number or boolean each, as written. */
    private static Map<String, String> parameters(Map<String, Object> given) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (given != null) {
            given.forEach((name, value) -> {
                if (value instanceof java.math.BigDecimal decimal) {
                    parameters.put(name, decimal.toPlainString());
                } else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                    parameters.put(name, String.valueOf(value));
                } else {
                    throw new ApiException(400, "parameters." + name + ": must be a text, a number or true/false");
                }
            });
        }
        return parameters;
    }

    /**
     * Per tenant and entity: records by status, the rate of the last minute, while some are queued an ETA, and while
     * the entity's target does not answer since when its records wait for it.
     */
    public List<Answers.Progress> progress() {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (Map<String, Object> row : queries.progress()) {
            Map<String, Long> entry = counts.computeIfAbsent(row.get("tenant") + "/" + row.get("entity"),
                    key -> new HashMap<>());
            long records = ((Number) row.get("records")).longValue();
            entry.merge(String.valueOf(row.get("status")).toLowerCase(Locale.ROOT), records, Long::sum);
            entry.merge("total", records, Long::sum);
            Object inDoubt = row.get("in_doubt");
            entry.merge("in_doubt", inDoubt == null ? 0L : ((Number) inDoubt).longValue(), Long::sum);
        }
        Map<String, Double> rates = new HashMap<>();
        for (Map<String, Object> row : queries.migratedSince(Instant.now().minus(RATE_WINDOW))) {
            rates.put(row.get("tenant") + "/" + row.get("entity"),
                    ((Number) row.get("records")).doubleValue() / RATE_WINDOW.toSeconds());
        }
        return counts.entrySet().stream().map(entry -> {
            String[] names = entry.getKey().split("/", 2);
            Map<String, Long> c = entry.getValue();
            double rate = rates.getOrDefault(entry.getKey(), 0.0);
            long queued = c.getOrDefault("queued", 0L);
            return new Answers.Progress(names[0], names[1], c.getOrDefault("total", 0L), c.getOrDefault("migrated", 0L),
                    c.getOrDefault("failed", 0L), c.getOrDefault("blocked", 0L), queued, c.getOrDefault("discarded", 0L),
                    c.getOrDefault("in_doubt", 0L), rate, queued > 0 && rate > 0 ? Math.round(queued / rate) : null, availability.waitingSince(names[1]));
        }).toList();
    }

    /** Stops the entity's consumers after their in-flight records; its queue keeps the rest, in order. */
    public Answers.EntityStatus pause(@Header("entity") String entity, @Body String body) throws Exception {
        requests.read(body, Requests.NoFields.class);
        String routeId = loadRoute(entity);
        context.getRouteController().stopRoute(routeId);
        return new Answers.EntityStatus(entity, String.valueOf(context.getRouteController().getRouteStatus(routeId)));
    }

    public Answers.EntityStatus resume(@Header("entity") String entity, @Body String body) throws Exception {
        requests.read(body, Requests.NoFields.class);
        String routeId = loadRoute(entity);
        context.getRouteController().startRoute(routeId);
        return new Answers.EntityStatus(entity, String.valueOf(context.getRouteController().getRouteStatus(routeId)));
    }

    /** Requests per period for the entity, every tenant, from the next record on. */
    public Answers.EntityRate rate(@Header("entity") String entity, @Body String body) {
        Lookups.known(() -> migration.entity(entity), "entity");
        Requests.Rate request = requests.read(body, Requests.Rate.class);
        controls.setRate(entity, request.rate());
        return new Answers.EntityRate(entity, controls.getRates().get(entity));
    }

    /** The consumers of the entity's queue, from now on. */
    public Answers.EntityConcurrency concurrency(@Header("entity") String entity, @Body String body) {
        Lookups.known(() -> migration.entity(entity), "entity");
        Requests.Concurrency request = requests.read(body, Requests.Concurrency.class);
        controls.setConcurrency(entity, request.concurrency());
        return new Answers.EntityConcurrency(entity, controls.getConcurrency().get(entity));
    }

    private String loadRoute(String entity) {
        Lookups.known(() -> migration.entity(entity), "entity");
        return "load-" + entity;
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return value instanceof java.time.OffsetDateTime time ? time.toInstant() : null;
    }
}

package io.splice.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.splice.deadletter.DeadLetterWorkbench;
import io.splice.definition.CompiledMigration;
import io.splice.ledger.OperatorQueries;
import io.splice.pipeline.Keys;
import io.splice.report.RunReportBuilder;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;

/**
 * The operator's HTTP API (/api, behind the management users): runs, progress, pausing and resuming an entity, its
 * rate, dead letters by fingerprint and their replay. Answers are maps and lists, written as JSON by the routes.
 */
public class OperatorApi {

    private static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    private final CamelContext context;
    private final CompiledMigration migration;
    private final OperatorQueries queries;
    private final RunReportBuilder reports;
    private final EntityControls controls;
    private final DeadLetterWorkbench workbench;

    public OperatorApi(CamelContext context, CompiledMigration migration, OperatorQueries queries,
                       RunReportBuilder reports, EntityControls controls, DeadLetterWorkbench workbench) {
        this.context = context;
        this.migration = migration;
        this.queries = queries;
        this.reports = reports;
        this.controls = controls;
        this.workbench = workbench;
    }

    public List<Map<String, Object>> runs() {
        return queries.latestRuns(50);
    }

    public Object run(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        try {
            return reports.build(id);
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            throw new ApiException(404, "no run " + id);
        }
    }

    /** Starts a run (all tenants, or {"tenant": ...}) with {"parameters": {...}}; it goes on in the background. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> startRun(Exchange exchange) {
        Map<String, Object> request = body(exchange);
        String tenant = (String) request.get("tenant");
        if (tenant != null) {
            known(() -> migration.tenant(tenant));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        ((Map<String, Object>) request.getOrDefault("parameters", Map.of()))
                .forEach((k, v) -> parameters.put(k, String.valueOf(v)));
        Map<String, Object> headers = new HashMap<>();
        headers.put(Keys.TENANT_HEADER, tenant);
        headers.put(Keys.PARAMETERS_HEADER, parameters);
        ProducerTemplate template = context.createProducerTemplate();
        template.asyncRequestBodyAndHeaders("direct:run-tenants", null, headers);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        return Map.of("accepted", true, "tenants", tenant == null ? migration.tenantNames() : List.of(tenant),
                "parameters", parameters, "see", "/api/runs");
    }

    /** Per tenant and entity: records by status, the rate of the last minute and, while some are queued, an ETA. */
    public List<Map<String, Object>> progress() {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        for (Map<String, Object> row : queries.progress()) {
            Map<String, Object> entry = rows.computeIfAbsent(row.get("tenant") + "/" + row.get("entity"), key -> {
                Map<String, Object> fresh = new LinkedHashMap<>();
                fresh.put("tenant", row.get("tenant"));
                fresh.put("entity", row.get("entity"));
                for (String status : List.of("total", "migrated", "failed", "blocked", "queued")) {
                    fresh.put(status, 0L);
                }
                return fresh;
            });
            long records = ((Number) row.get("records")).longValue();
            entry.merge(String.valueOf(row.get("status")).toLowerCase(java.util.Locale.ROOT), records,
                    (a, b) -> (Long) a + (Long) b);
            entry.merge("total", records, (a, b) -> (Long) a + (Long) b);
        }
        for (Map<String, Object> row : queries.migratedSince(Instant.now().minus(RATE_WINDOW))) {
            Map<String, Object> entry = rows.get(row.get("tenant") + "/" + row.get("entity"));
            if (entry != null) {
                entry.put("ratePerSecond", ((Number) row.get("records")).doubleValue() / RATE_WINDOW.toSeconds());
            }
        }
        List<Map<String, Object>> progress = new ArrayList<>(rows.values());
        for (Map<String, Object> entry : progress) {
            double rate = ((Number) entry.getOrDefault("ratePerSecond", 0.0)).doubleValue();
            entry.putIfAbsent("ratePerSecond", 0.0);
            long queued = (Long) entry.get("queued");
            entry.put("etaSeconds", queued > 0 && rate > 0 ? Math.round(queued / rate) : null);
        }
        return progress;
    }

    /** Stops the entity's consumers after their in-flight records; its queue keeps the rest, in order. */
    public Map<String, Object> pause(Exchange exchange) throws Exception {
        Route route = loadRoute(exchange);
        context.getRouteController().stopRoute(route.getRouteId());
        return Map.of("entity", entity(exchange), "status", String.valueOf(context.getRouteController().getRouteStatus(route.getRouteId())));
    }

    public Map<String, Object> resume(Exchange exchange) throws Exception {
        Route route = loadRoute(exchange);
        context.getRouteController().startRoute(route.getRouteId());
        return Map.of("entity", entity(exchange), "status", String.valueOf(context.getRouteController().getRouteStatus(route.getRouteId())));
    }

    /** {"rate": n}: requests per period for the entity, every tenant, from the next record on. */
    public Map<String, Object> rate(Exchange exchange) {
        String entity = entity(exchange);
        known(() -> migration.entity(entity));
        Object rate = body(exchange).get("rate");
        if (!(rate instanceof Number number) || number.intValue() < 1) {
            throw new ApiException(400, "rate must be a whole number above 0, was " + rate);
        }
        controls.setRate(entity, number.intValue());
        return Map.of("entity", entity, "rate", number.intValue());
    }

    /** {"concurrency": n}: the consumers of the entity's queue, from now on. */
    public Map<String, Object> concurrency(Exchange exchange) {
        String entity = entity(exchange);
        known(() -> migration.entity(entity));
        Object consumers = body(exchange).get("concurrency");
        if (!(consumers instanceof Number number) || number.intValue() < 1) {
            throw new ApiException(400, "concurrency must be a whole number above 0, was " + consumers);
        }
        controls.setConcurrency(entity, number.intValue());
        return Map.of("entity", entity, "concurrency", controls.getConcurrency().get(entity));
    }

    /** FAILED records grouped by fingerprint (entity, HTTP status, reason), with counts and a sample key. */
    public List<Map<String, Object>> deadLetters(Exchange exchange) {
        return queries.deadLetterGroups(exchange.getMessage().getHeader("tenant", String.class));
    }

    /**
     * {"entity", "tenant"?, "reason"? (a fingerprint), "sourceKeys"? [..], "dryRun"?, "from"? ("dead-letters" or
     * "source"), "rate"?}: a dry run answers what would be sent; otherwise the replay goes on in the background, from
     * the dead letters' payloads (default) or re-read from the source (after the legacy data was fixed), at the
     * entity's rate (set to "rate" first when given).
     */
    @SuppressWarnings("unchecked")
    public Object replay(Exchange exchange) throws Exception {
        Map<String, Object> request = body(exchange);
        DeadLetterWorkbench.Selection selection = selection(request);
        if (Boolean.TRUE.equals(request.get("dryRun"))) {
            return workbench.dryRun(selection);
        }
        // "at a chosen rate": the entity's rate from now on (the replay's records go through its throttle)
        Object rate = request.get("rate");
        if (rate != null) {
            if (!(rate instanceof Number number) || number.intValue() < 1) {
                throw new ApiException(400, "rate must be a whole number above 0, was " + rate);
            }
            controls.setRate(selection.entity(), number.intValue());
        }
        Map<String, Object> headers = new HashMap<>();
        headers.put(Keys.TENANT_HEADER, selection.tenant());
        headers.put(Keys.REPLAY_ENTITY, selection.entity());
        headers.put(DeadLetterWorkbench.SELECTION, selection);
        boolean fromSource = "source".equals(request.get("from"));
        context.createProducerTemplate().asyncRequestBodyAndHeaders(
                fromSource ? "direct:replay-entity" : "direct:replay-dead-letters", null, headers);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        return Map.of("accepted", true, "entity", selection.entity(), "tenant", selection.tenant(),
                "from", fromSource ? "source" : "dead-letters", "see", "/api/runs");
    }

    /** {"entity", "tenant"?, "reason"?, "sourceKeys"?, "why"}: DISCARDED with the reason recorded, out of the DLQ. */
    public Map<String, Object> discard(Exchange exchange) throws Exception {
        Map<String, Object> request = body(exchange);
        try {
            return workbench.discard(selection(request), (String) request.get("why"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private DeadLetterWorkbench.Selection selection(Map<String, Object> request) {
        String entity = (String) request.get("entity");
        if (entity == null) {
            throw new ApiException(400, "entity is required");
        }
        known(() -> migration.entity(entity));
        String tenant = (String) request.get("tenant");
        if (tenant == null) {
            if (migration.tenantNames().size() > 1) {
                throw new ApiException(400, "tenant is required: the migration has tenants "
                        + String.join(", ", migration.tenantNames()));
            }
            tenant = migration.tenantNames().get(0);
        }
        String named = tenant;
        known(() -> migration.tenant(named));
        List<String> keys = ((List<Object>) request.getOrDefault("sourceKeys", List.of())).stream()
                .map(String::valueOf).toList();
        return new DeadLetterWorkbench.Selection(tenant, entity, (String) request.get("reason"), keys);
    }

    private Route loadRoute(Exchange exchange) {
        String entity = entity(exchange);
        known(() -> migration.entity(entity));
        return context.getRoute("load-" + entity);
    }

    private static String entity(Exchange exchange) {
        return exchange.getMessage().getHeader("entity", String.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Exchange exchange) {
        Map<String, Object> body = exchange.getMessage().getBody(Map.class);
        return body == null ? Map.of() : body;
    }

    private static void known(Runnable lookup) {
        try {
            lookup.run();
        } catch (IllegalArgumentException e) {
            throw new ApiException(404, e.getMessage());
        }
    }
}

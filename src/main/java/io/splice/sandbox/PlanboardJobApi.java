package io.splice.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** GET /api/v1/planboard-jobs: how many jobs are still running, and each job with its status now. */
final class PlanboardJobApi implements ApiEndpoints {

    static final String PATH = "/api/v1/planboard-jobs";

    private final PlanboardJobs jobs;
    private final JsonResponses responses;

    PlanboardJobApi(PlanboardJobs jobs, JsonResponses responses) {
        this.jobs = jobs;
        this.responses = responses;
    }

    @Override
    public Optional<SandboxResponse> answer(IncomingRequest request) {
        if (!PATH.equals(request.path())) {
            return Optional.empty();
        }
        return Optional.of("GET".equals(request.method()) ? list() : responses.notFound());
    }

    private SandboxResponse list() {
        // One instant for the whole answer, so pending always matches the statuses listed
        Instant now = jobs.now();
        List<Map<String, Object>> shown = jobs.snapshot().stream().map(job -> shown(job, now)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pending", shown.stream().filter(job -> job.get("status") == PlanboardJob.Status.RUNNING).count());
        body.put("jobs", shown);
        return responses.json(200, body);
    }

    private static Map<String, Object> shown(PlanboardJob job, Instant now) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("id", job.id());
        shown.put("projectId", job.projectId());
        shown.put("status", job.statusAt(now));
        return shown;
    }
}

package io.splice.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxTargetPlanboardJobsTest {

    private static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");
    private static final String JOBS = "/api/v1/planboard-jobs";
    private static final String PROJECT_1 = "{\"code\":\"PRJ-0001\",\"name\":\"Noord\",\"status\":\"PLANNED\"}";
    private static final String PROJECT_2 = "{\"code\":\"PRJ-0002\",\"name\":\"Zuid\",\"status\":\"PLANNED\"}";
    private static final String PLANBOARD = "{\"projectId\":\"projects-1\",\"week\":\"2025-W07\",\"capacity\":3}";
    private static final String STILL_RUNNING = "{\"error\":\"conflict\",\"reason\":\"planboard jobs still running\"}";

    private final MutableClock clock = new MutableClock(T0);
    private SandboxTarget target;
    private SandboxClient client;

    private void start(long planboardJobMillis) throws IOException {
        target = SandboxTarget.start(SandboxOptions.defaults().withPlanboardJobMillis(planboardJobMillis), clock);
        client = new SandboxClient(target);
    }

    @AfterEach
    void stopSandbox() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void byDefaultAProjectsPlanboardJobIsDoneAtOnce() throws IOException {
        start(0);

        client.post("/api/v1/projects", PROJECT_1);
        HttpResponse<String> jobs = client.get(JOBS);
        HttpResponse<String> planboard = client.post("/api/v1/planboards", PLANBOARD);

        assertThat(jobs.statusCode()).isEqualTo(200);
        assertThat(Json.parse(jobs.body())).isEqualTo(Json.parse(
                "{\"pending\":0,\"jobs\":[{\"id\":\"job-1\",\"projectId\":\"projects-1\",\"status\":\"DONE\"}]}"));
        assertThat(planboard.statusCode()).isEqualTo(201);
        assertThat(target.planboardJobs()).singleElement().isEqualTo(new PlanboardJob("job-1", "projects-1", T0, T0));
    }

    @Test
    void planboardsAreRefusedWith409UntilEveryJobIsDone() throws IOException {
        start(30_000);

        client.post("/api/v1/projects", PROJECT_1);
        clock.advance(Duration.ofSeconds(10));
        client.post("/api/v1/projects", PROJECT_2);
        JsonNode bothRunning = Json.parse(client.get(JOBS).body());
        HttpResponse<String> tooEarly = client.post("/api/v1/planboards", PLANBOARD);
        clock.advance(Duration.ofSeconds(20));
        JsonNode oneRunning = Json.parse(client.get(JOBS).body());
        HttpResponse<String> stillTooEarly = client.post("/api/v1/planboards", PLANBOARD);
        clock.advance(Duration.ofSeconds(10));
        JsonNode noneRunning = Json.parse(client.get(JOBS).body());
        HttpResponse<String> inTime = client.post("/api/v1/planboards", PLANBOARD);

        assertThat(bothRunning.get("pending").asInt()).isEqualTo(2);
        assertThat(bothRunning.get("jobs")).isEqualTo(Json.parse("[{\"id\":\"job-1\",\"projectId\":\"projects-1\",\"status\":\"RUNNING\"},"
                + "{\"id\":\"job-2\",\"projectId\":\"projects-2\",\"status\":\"RUNNING\"}]"));
        assertThat(List.of(tooEarly, stillTooEarly)).allSatisfy(refused -> {
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(Json.parse(refused.body())).isEqualTo(Json.parse(STILL_RUNNING));
        });
        assertThat(oneRunning.get("pending").asInt()).isEqualTo(1);
        assertThat(oneRunning.get("jobs")).extracting(job -> job.get("status").asText()).containsExactly("DONE", "RUNNING");
        assertThat(noneRunning.get("pending").asInt()).isZero();
        assertThat(inTime.statusCode()).isEqualTo(201);
        assertThat(target.records("planboards")).extracting(StoredRecord::id).containsExactly("planboards-1");
        assertThat(target.lastPlanboardJobDoneAt()).hasValue(T0.plusSeconds(40));
    }

    @Test
    void theLogShowsTheRefusedPlanboardsBeforeTheJobsWereDone() throws IOException {
        start(5_000);

        client.post("/api/v1/projects", PROJECT_1);
        client.post("/api/v1/planboards", PLANBOARD);
        clock.advance(Duration.ofSeconds(5));
        client.get(JOBS);
        client.post("/api/v1/planboards", PLANBOARD);

        List<ReceivedRequest> log = target.requests();
        assertThat(log).extracting(ReceivedRequest::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(log).extracting(ReceivedRequest::method).containsExactly("POST", "POST", "GET", "POST");
        assertThat(log).extracting(ReceivedRequest::path)
                .containsExactly("/api/v1/projects", "/api/v1/planboards", JOBS, "/api/v1/planboards");
        assertThat(log).extracting(ReceivedRequest::status).containsExactly(201, 409, 200, 201);
        assertThat(log).extracting(ReceivedRequest::arrivedAt).containsExactly(T0, T0, T0.plusSeconds(5), T0.plusSeconds(5));
        // What a plan's test asserts: nothing reached planboards successfully before the last job was done
        assertThat(log).filteredOn(request -> request.path().equals("/api/v1/planboards") && request.status() == 201)
                .allSatisfy(request -> assertThat(request.arrivedAt()).isAfterOrEqualTo(target.lastPlanboardJobDoneAt().orElseThrow()));
    }

    @Test
    void onlyNewProjectsStartJobsAndPlanboardReplaysAreNotRefused() throws IOException {
        start(60_000);
        HttpResponse<String> planboard = client.post("/api/v1/planboards", PLANBOARD, "planboard-key");

        client.post("/api/v1/projects", PROJECT_1, "project-key");
        client.post("/api/v1/projects", PROJECT_1, "project-key");
        client.post("/api/v1/projects", "{\"code\":\"broken\"}");
        HttpResponse<String> planboardReplay = client.post("/api/v1/planboards", PLANBOARD, "planboard-key");

        assertThat(planboard.statusCode()).isEqualTo(201);
        assertThat(target.planboardJobs()).extracting(PlanboardJob::projectId).containsExactly("projects-1");
        assertThat(planboardReplay.statusCode()).isEqualTo(200);
        assertThat(planboardReplay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(target.records("planboards")).hasSize(1);
    }

    @Test
    void theJobsEndpointIsGatedLikeTheRestAndOnlyServesGet() throws IOException {
        start(0);
        target.updateFaults(FaultSettings.none().withUnavailableRate(1.0));
        int unavailable = client.get(JOBS).statusCode();
        target.updateFaults(FaultSettings.none());

        int posted = client.post(JOBS, "{}").statusCode();

        assertThat(unavailable).isEqualTo(503);
        assertThat(posted).isEqualTo(404);
        assertThat(target.records("planboard-jobs")).isEmpty();
    }
}

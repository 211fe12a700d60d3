package io.splice.sandbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** The sandbox's state and the handler serving it, wired once from the options. */
final class SandboxParts {

    final RequestLog log = new RequestLog();
    final RecordStore store;
    final FaultInjector faults;
    final TargetSettings settings = new TargetSettings();
    final PlanboardJobs jobs;
    final SandboxAuthentication authentication;
    final SandboxHandler handler;
    // how the API behaves where real APIs differ; SandboxTarget.updateApi replaces it
    final AtomicReference<ApiBehaviour> api;

    SandboxParts(SandboxOptions options, Clock clock) {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        JsonResponses responses = new JsonResponses(mapper);
        JsonObjectReader reader = new JsonObjectReader(mapper);
        store = new RecordStore(clock);
        faults = new FaultInjector(options.faults());
        authentication = new SandboxAuthentication(options.bearerToken(), clock, responses);
        ApiGate gate = new ApiGate(authentication, faults, responses);
        jobs = new PlanboardJobs(clock, Duration.ofMillis(options.planboardJobMillis()));
        List<ApiEndpoints> endpoints = List.of(
                new SettingsApi(settings, reader, responses),
                new PlanboardJobApi(jobs, responses),
                new DocumentApi(store, options.maxDocumentBytes(), responses));
        api = new AtomicReference<>(options.api());
        CollectionApi collections = new CollectionApi(mapper, store, ValidationRules.standard(), new PlanboardJobHooks(jobs), responses,
                api::get);
        handler = new SandboxHandler(new SandboxRouter(gate, endpoints, collections, log, responses, authentication), log, responses, clock);
    }
}

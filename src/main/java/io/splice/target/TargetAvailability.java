package io.splice.target;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.splice.record.Keys;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether each entity's target answers. After {@code failuresToOpen} transient failures in a row (I/O errors,
 * timeouts, 5xx, 408, 429) the entity's records wait before their next call ({@link #awaitTarget}) and a
 * {@link TargetProbe} asks every probe interval; the first answer lets them go again. While they wait their
 * retries are not spent (see pipeline.RetryBudget): an outage leaves records QUEUED, not FAILED.
 */
public class TargetAvailability {

    private static final Logger LOG = LoggerFactory.getLogger(TargetAvailability.class);
    private static final long WAIT_SLICE_MILLIS = 250;

    private final Function<String, TargetProbe> probes;
    private final int failuresToOpen;
    private final Duration probeInterval;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Map<String, OutageCircuit> circuits = new ConcurrentHashMap<>();

    /**
     * @param probes         the probe of an entity's target (HTTP or the target database)
     * @param failuresToOpen transient failures in a row of an entity's calls that make its records wait
     */
    public TargetAvailability(Function<String, TargetProbe> probes, int failuresToOpen, Duration probeInterval,
                              ScheduledExecutorService scheduler, Clock clock) {
        this.probes = probes;
        this.failuresToOpen = failuresToOpen;
        this.probeInterval = probeInterval;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Since when the entity's records wait for its target to answer again; null while it answers. */
    public Instant waitingSince(String entity) {
        OutageCircuit circuit = circuits.get(entity);
        return circuit == null ? null : circuit.waitingSince();
    }

    /** Every entity whose records wait for the target, with since when, by entity name. */
    public Map<String, Instant> waiting() {
        Map<String, Instant> waiting = new TreeMap<>();
        circuits.forEach((entity, circuit) -> {
            Instant since = circuit.waitingSince();
            if (since != null) {
                waiting.put(entity, since);
            }
        });
        return waiting;
    }

    /**
     * Route step before a call: holds the record (and so its consumer and its message group) while the entity's
     * target is taken as down. Lets go when Camel or the load route stops, so a shutdown is not held up: it takes
     * the exchange to ask its context and the route it came from whether they are stopping.
     */
    public void awaitTarget(Exchange exchange) throws InterruptedException {
        if (exchange.getProperty(Keys.READ_BACK, false, Boolean.class)) {
            return;
        }
        OutageCircuit circuit = circuits.get(exchange.getProperty(Keys.ENTITY, String.class));
        if (circuit != null) {
            circuit.awaitClosed(WAIT_SLICE_MILLIS, () -> stopping(exchange));
        }
    }

    /** The entity's target answered (a success, or a refusal of the record itself): it works. */
    public void answered(@ExchangeProperty(Keys.ENTITY) String entity) {
        OutageCircuit circuit = circuits.get(entity);
        Instant since = circuit == null ? null : circuit.answered();
        if (since != null) {
            LOG.info("The target of {} answers again after {} s: its records go on", entity,
                    Duration.between(since, clock.instant()).toSeconds());
        }
    }

    /**
     * A record's call got a usable answer (TargetResponse, TokenRenewal): whatever fails after it is not the target's
     * failure, so the call's mark leaves the exchange.
     */
    public void answeredCall(Exchange exchange) {
        exchange.removeProperty(Keys.CALLING_TARGET);
        answered(exchange.getProperty(Keys.ENTITY, String.class));
    }

    /**
     * A call of the entity failed transiently.
     *
     * @return whether the entity's target is taken as down (the record then waits without spending a retry)
     */
    public boolean failed(String entity, String cause) {
        OutageCircuit circuit = circuits.computeIfAbsent(Objects.requireNonNull(entity),
                name -> new OutageCircuit(failuresToOpen, clock));
        if (circuit.failed()) {
            LOG.warn("The target of {} does not answer ({} failures in a row, the last: {}): its records wait and keep "
                    + "their retries; asking it again every {} ms", entity, failuresToOpen, cause, probeInterval.toMillis());
            scheduleProbe(entity, circuit);
        }
        return circuit.waitingSince() != null;
    }

    private void scheduleProbe(String entity, OutageCircuit circuit) {
        try {
            scheduler.schedule(() -> probe(entity, circuit), probeInterval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Camel is stopping: the waiting records let go by themselves (awaitTarget)
        }
    }

    private void probe(String entity, OutageCircuit circuit) {
        if (circuit.waitingSince() == null) {
            return;
        }
        boolean answers;
        try {
            answers = probes.apply(entity).answers();
        } catch (RuntimeException e) {
            answers = false;
        }
        if (answers) {
            answered(entity);
        } else {
            scheduleProbe(entity, circuit);
        }
    }

    private static boolean stopping(Exchange exchange) {
        if (exchange.getContext().isStopping() || exchange.getContext().isStopped()) {
            return true;
        }
        String route = exchange.getFromRouteId();
        ServiceStatus status = route == null ? null : exchange.getContext().getRouteController().getRouteStatus(route);
        return status != null && !status.isStarted();
    }
}

package io.splice.plan;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who runs a run: {@code pid@host@processStart}. A run whose owner is a process of this host that no longer
 * exists is dead at once (a kill -9 leaves no trace otherwise); an owner elsewhere is dead when its heartbeat is
 * older than the stale limit.
 */
public final class RunOwner {

    private final String self;
    private final String host;
    private final Duration staleAfter;

    public RunOwner(Duration staleAfter) {
        ProcessHandle me = ProcessHandle.current();
        this.host = hostName();
        this.self = me.pid() + "@" + host + "@" + me.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        this.staleAfter = staleAfter;
    }

    public String self() {
        return self;
    }

    /** Whether the run's owner can still be running it. */
    public boolean alive(String owner, Instant heartbeatAt, Instant now) {
        if (owner == null) {
            return false;
        }
        if (owner.equals(self)) {
            return true;
        }
        String[] parts = owner.split("@");
        if (parts.length == 3 && parts[1].equals(host)) {
            Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(parts[0]));
            // the same pid with another start time is a new process that happens to reuse the number
            return process.filter(ProcessHandle::isAlive)
                    .map(p -> p.info().startInstant().map(Instant::toEpochMilli).orElse(0L).toString().equals(parts[2]))
                    .orElse(false);
        }
        return heartbeatAt != null && Duration.between(heartbeatAt, now).compareTo(staleAfter) < 0;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown-host";
        }
    }
}

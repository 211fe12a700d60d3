package io.splice.plan;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunOwnerTest {

    private final RunOwner owner = new RunOwner(Duration.ofSeconds(30));
    private final Instant now = Instant.now();

    @Test
    void thisProcessIsAlive() {
        assertThat(owner.alive(owner.self(), null, now)).isTrue();
    }

    @Test
    void aProcessOfThisHostThatNoLongerExistsIsDeadAtOnceWhateverItsHeartbeat() {
        String host = owner.self().split("@")[1];
        long unused = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 1000;

        assertThat(owner.alive(unused + "@" + host + "@0", now, now)).isFalse();
    }

    @Test
    void aReusedProcessIdWithAnotherStartTimeIsAnotherProcess() {
        String[] self = owner.self().split("@");

        assertThat(owner.alive(self[0] + "@" + self[1] + "@12345", now, now)).isFalse();
    }

    @Test
    void anOwnerOnAnotherHostIsAliveWhileItsHeartbeatIsFresh() {
        assertThat(owner.alive("4242@elsewhere@1", now.minusSeconds(10), now)).isTrue();
        assertThat(owner.alive("4242@elsewhere@1", now.minusSeconds(31), now)).isFalse();
        assertThat(owner.alive(null, now, now)).isFalse();
    }
}

package io.splice.sandbox;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.splice.sandbox.FaultDecision.Verdict.PROCEED;
import static io.splice.sandbox.FaultDecision.Verdict.RATE_LIMITED;
import static io.splice.sandbox.FaultDecision.Verdict.UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectorTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void slidingWindowRefusesWhenTheLimitAlreadyArrivedInThePrecedingSecond() {
        FaultInjector injector = new FaultInjector(FaultSettings.none().withRateLimitPerSecond(2));

        List<FaultDecision.Verdict> verdicts = new ArrayList<>();
        for (long atMillis : new long[] {0, 100, 200, 999, 1000, 1101, 2300}) {
            verdicts.add(injector.decide(atMillis * MS).verdict());
        }

        // At 1000 the arrival at 0 has left the window, but 100, 200 and 999 are still in it
        assertThat(verdicts).containsExactly(PROCEED, PROCEED, RATE_LIMITED, RATE_LIMITED, RATE_LIMITED, RATE_LIMITED, PROCEED);
    }

    @Test
    void windowSurvivesNanoTimeOverflow() {
        FaultInjector injector = new FaultInjector(FaultSettings.none().withRateLimitPerSecond(1));

        FaultDecision.Verdict first = injector.decide(Long.MAX_VALUE - 10 * MS).verdict();
        FaultDecision.Verdict tooSoon = injector.decide(Long.MAX_VALUE + 500 * MS).verdict();
        FaultDecision.Verdict later = injector.decide(Long.MAX_VALUE + 2000 * MS).verdict();

        assertThat(List.of(first, tooSoon, later)).containsExactly(PROCEED, RATE_LIMITED, PROCEED);
    }

    @Test
    void burstRefusesExactlyTheConfiguredRequests() {
        FaultInjector injector = new FaultInjector(FaultSettings.none().withBurst429(2, 2));

        List<FaultDecision.Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            verdicts.add(injector.decide(i * MS).verdict());
        }

        assertThat(verdicts).containsExactly(PROCEED, PROCEED, RATE_LIMITED, RATE_LIMITED, PROCEED, PROCEED);
    }

    @Test
    void updateRestartsTheBurst() {
        FaultSettings burst = FaultSettings.none().withBurst429(1, 1);
        FaultInjector injector = new FaultInjector(burst);
        injector.decide(0);
        injector.decide(0);

        injector.update(burst);

        assertThat(injector.decide(0).verdict()).isEqualTo(PROCEED);
        assertThat(injector.decide(0).verdict()).isEqualTo(RATE_LIMITED);
    }

    @Test
    void unavailableRateIsRoughlyTheConfiguredFraction() {
        FaultInjector injector = new FaultInjector(FaultSettings.none().withUnavailableRate(0.25).withSeed(7));

        long unavailable = 0;
        for (int i = 0; i < 4000; i++) {
            if (injector.decide(i).verdict() == UNAVAILABLE) {
                unavailable++;
            }
        }

        // Seeded, so this is deterministic; the bounds only document the intent
        assertThat(unavailable).isBetween(900L, 1100L);
    }

    @Test
    void retryAfterAndLatencyComeFromTheSettings() {
        FaultInjector unavailable = new FaultInjector(FaultSettings.none().withUnavailableRate(1.0).withRetryAfterSeconds(3));
        FaultInjector limited = new FaultInjector(FaultSettings.none().withBurst429(0, 1));
        FaultInjector slow = new FaultInjector(FaultSettings.none().withLatencyMillis(250));

        assertThat(unavailable.decide(0)).isEqualTo(new FaultDecision(UNAVAILABLE, 3, 0));
        assertThat(limited.decide(0)).isEqualTo(new FaultDecision(RATE_LIMITED, 1, 0));
        assertThat(slow.decide(0)).isEqualTo(new FaultDecision(PROCEED, 0, 250));
    }

    @Test
    void settingsRejectOutOfRangeValues() {
        assertThatThrownBy(() -> FaultSettings.none().withUnavailableRate(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultSettings.none().withRateLimitPerSecond(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxOptions.defaults().withThreads(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

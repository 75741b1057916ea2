package io.crimecast.ops;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerReachabilityTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final AtomicBoolean brokersUp = new AtomicBoolean(true);
    private final BrokerReachability reachability = new BrokerReachability(brokersUp::get, Duration.ofSeconds(30), clock::get);

    @Test
    void readinessGoesDownOnlyAfterTheTimeoutAndComesBackWithTheFirstAnswer() {
        reachability.check();
        assertThat(reachability.reachable()).isTrue();

        brokersUp.set(false);
        advance(Duration.ofSeconds(10));
        reachability.check();
        advance(Duration.ofSeconds(20));
        reachability.check();
        assertThat(reachability.reachable()).as("30 s without an answer: still within the timeout").isTrue();

        advance(Duration.ofMillis(1));
        assertThat(reachability.reachable()).isFalse();

        brokersUp.set(true);
        advance(Duration.ofSeconds(60));
        assertThat(reachability.reachable()).isFalse();
        reachability.check();
        assertThat(reachability.reachable()).isTrue();
    }

    @Test
    void aProbeThatThrowsCountsAsNoAnswer() {
        BrokerReachability failing = new BrokerReachability(() -> {
            throw new java.util.concurrent.TimeoutException("no broker");
        }, Duration.ofSeconds(5), clock::get);
        advance(Duration.ofSeconds(6));
        failing.check();
        assertThat(failing.reachable()).isFalse();
    }

    @Test
    void startUpHasOneTimeoutOfGrace() {
        brokersUp.set(false);
        advance(Duration.ofSeconds(29));
        reachability.check();
        assertThat(reachability.reachable()).isTrue();
        advance(Duration.ofSeconds(2));
        assertThat(reachability.reachable()).isFalse();
    }

    @Test
    void probesSeveralTimesPerTimeoutWithinBounds() {
        assertThat(BrokerReachability.probeInterval(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(10));
        assertThat(BrokerReachability.probeInterval(Duration.ofSeconds(9))).isEqualTo(Duration.ofSeconds(3));
        assertThat(BrokerReachability.probeInterval(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(BrokerReachability.probeInterval(Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(10));
    }

    private void advance(Duration d) {
        clock.addAndGet(d.toNanos());
    }
}

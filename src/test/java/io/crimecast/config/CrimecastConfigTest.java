package io.crimecast.config;

import io.crimecast.stream.StreamApp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrimecastConfigTest {

    @Test
    void brokerTimeoutAndSessionTimeoutTakeSecondsOrIsoDurations() {
        CrimecastConfig c = CrimecastConfig.fromEnvironment(Map.of(CrimecastConfig.ENV_BROKER_UNREACHABLE_TIMEOUT, "12",
                CrimecastConfig.ENV_SESSION_TIMEOUT, "PT1M", CrimecastConfig.ENV_WALL_CLOCK_INTERVAL, "PT5S"));
        assertThat(c.brokerUnreachableTimeout()).isEqualTo(Duration.ofSeconds(12));
        assertThat(c.wallClockCloseInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.sessionTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> CrimecastConfig.fromEnvironment(Map.of(CrimecastConfig.ENV_SESSION_TIMEOUT, "soon")))
                .hasMessageContaining(CrimecastConfig.ENV_SESSION_TIMEOUT);
        assertThatThrownBy(() -> CrimecastConfig.fromEnvironment(Map.of(CrimecastConfig.ENV_BROKER_UNREACHABLE_TIMEOUT, "0")))
                .hasMessageContaining("positive");
    }

    @Test
    void defaults() {
        CrimecastConfig c = CrimecastConfig.fromEnvironment(Map.of());
        assertThat(c.brokerUnreachableTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.wallClockCloseInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.instanceId()).isNull();
        Properties p = StreamApp.streamsProperties(c);
        assertThat(p).doesNotContainKey("main.consumer.group.instance.id");
        assertThat(p.get("main.consumer.session.timeout.ms")).isEqualTo((int) CrimecastConfig.DEFAULT_SESSION_TIMEOUT.toMillis());
    }

    @Test
    void anInstanceIdMakesTheAppAStaticGroupMember() {
        Properties p = StreamApp.streamsProperties(CrimecastConfig.fromEnvironment(Map.of(CrimecastConfig.ENV_INSTANCE_ID, "crimecast-1",
                CrimecastConfig.ENV_SESSION_TIMEOUT, "60")));
        assertThat(p.get("main.consumer.group.instance.id")).isEqualTo("crimecast-1");
        assertThat(p.get("main.consumer.session.timeout.ms")).isEqualTo(60_000);
    }
}

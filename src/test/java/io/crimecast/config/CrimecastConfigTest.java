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
        assertThat(c.httpHost()).as("loopback unless told").isEqualTo("127.0.0.1");
        assertThat(c.httpToken()).as("no token: open, on loopback").isNull();
        assertThat(c.httpCorsOrigin()).as("CORS off").isNull();
        assertThat(c.httpAdvertisedHost()).isNull();
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

    @Test
    void theQuerySurfaceIsConfiguredFromTheEnvironment() {
        CrimecastConfig c = CrimecastConfig.fromEnvironment(Map.of(CrimecastConfig.ENV_HTTP_TOKEN, " t0ken ",
                CrimecastConfig.ENV_HTTP_CORS_ORIGIN, "https://dispatch.example.org", CrimecastConfig.ENV_HTTP_ADVERTISED_HOST, "crimecast-0.crimecast-headless"));
        assertThat(c.httpToken()).isEqualTo("t0ken");
        assertThat(c.httpCorsOrigin()).isEqualTo("https://dispatch.example.org");
        assertThat(c.httpAdvertisedHost()).isEqualTo("crimecast-0.crimecast-headless");
        assertThat(CrimecastConfig.fromEnvironment(Map.of(CrimecastConfig.ENV_HTTP_TOKEN, "  ")).httpToken()).as("blank is none").isNull();
    }
}

package io.crimecast.ops;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpsServerTest {
    @Test
    void aBusyPortSaysHowToChooseAnother() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (OpsServer first = OpsServer.start("127.0.0.1", 0, registry, () -> true, () -> true)) {
            assertThatThrownBy(() -> OpsServer.start("127.0.0.1", first.port(), registry, () -> true, () -> true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("port " + first.port() + " is in use (set --http-port or CRIMECAST_HTTP_PORT)");
        }
    }
}

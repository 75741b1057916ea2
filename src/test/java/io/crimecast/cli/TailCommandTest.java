package io.crimecast.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** tail's argument check; reading a real broker is in it.TailCommandIntegrationTest. */
class TailCommandTest {
    @Test
    void anUnknownTopicNamesTheChoices() {
        CliRun run = CliRun.of("tail", "--topic", "incidents", "--bootstrap", "127.0.0.1:1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("error: --topic must be one of forecasts, hotspots, rejected, counts; was 'incidents'");
    }
}

package io.crimecast.cli;

import io.crimecast.config.CrimecastConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** run never serves a region nobody named. */
class RunCommandTest {
    @Test
    void theEnvironmentHasNoDefaultRegion() {
        assertThat(CrimecastConfig.fromEnvironment(Map.of()).regions()).isEmpty();
    }

    @Test
    void runWithoutARegionIsAClearError() {
        assumeTrue(System.getenv(CrimecastConfig.ENV_REGIONS) == null, "CRIMECAST_REGIONS is set here");
        CliRun run = CliRun.of("run", "--bootstrap", "127.0.0.1:1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("error: no region: give --region or set CRIMECAST_REGIONS");
    }
}

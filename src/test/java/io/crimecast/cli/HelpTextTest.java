package io.crimecast.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What --help shows: named parameters, defaults and the settings only the environment has. */
class HelpTextTest {
    private static Map<String, CommandLine> commands() {
        return CrimecastCli.commandLine().getSubcommands();
    }

    @Test
    void noCommandShowsPicocliPlaceholders() {
        commands().forEach(HelpTextTest::assertNoPlaceholders);
    }

    private static void assertNoPlaceholders(String name, CommandLine cmd) {
        assertThat(cmd.getUsageMessage()).as(name).doesNotContainPattern("<[A-Za-z]+>");
        cmd.getSubcommands().forEach((sub, subCmd) -> assertNoPlaceholders(name + " " + sub, subCmd));
    }

    @Test
    void maxEpochsShowsItsDefault() {
        for (String command : new String[]{"train", "evaluate"}) {
            assertThat(commands().get(command).getUsageMessage().replaceAll("\\s+", " ")).as(command)
                    .contains("--max-epochs=N Upper bound on each network's epochs (default 40 for count networks, 30 for spatio-lstm,"
                            + " 30 for cell-mlp;");
        }
    }

    @Test
    void runNamesItsEnvironmentOnlySettings() {
        assertThat(commands().get("run").getUsageMessage()).contains("CRIMECAST_STREAM_THREADS").contains("CRIMECAST_APPLICATION_ID");
    }

    @Test
    void evaluateTakesModelAndModels() {
        CommandLine.ParseResult singular = CrimecastCli.commandLine().parseArgs("evaluate", "--region", "portland", "--format", "portland-nij",
                "--test-from", "2016-03-01", "--model", "rnn", "x.csv");
        assertThat(singular.subcommand().matchedOptionValue("--models", "")).isEqualTo("rnn");
    }
}

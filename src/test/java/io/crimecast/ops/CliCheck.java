package io.crimecast.ops;

import io.crimecast.cli.CrimecastCli;
import picocli.CommandLine;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;

/** Parses deployment arguments with the real picocli command tree (nothing is executed). */
final class CliCheck {

    private CliCheck() {
    }

    /** The CLI's command for the arguments ("topics create" is two levels), or null if it has none yet. */
    static CommandLine commandFor(List<String> args) {
        CommandLine cmd = new CommandLine(new CrimecastCli());
        for (String a : args) {
            if (cmd.getSubcommands().isEmpty() || a.startsWith("-")) {
                break;
            }
            cmd = cmd.getSubcommands().get(a);
            if (cmd == null) {
                return null;
            }
        }
        return cmd;
    }

    /**
     * Fails if the CLI rejects the arguments. Returns false, checking nothing, when the CLI does not have the
     * command yet (the code is written alongside); {@link #missingCommands} reports those.
     */
    static boolean parses(List<String> args, Object where) {
        if (commandFor(args) == null) {
            return false;
        }
        CommandLine cli = new CommandLine(new CrimecastCli());
        assertThatCode(() -> cli.parseArgs(args.toArray(String[]::new)))
                .as("picocli parse of %s in %s", args, where).doesNotThrowAnyException();
        return true;
    }

    static List<String> missingCommands(List<List<String>> invocations) {
        return invocations.stream().filter(a -> commandFor(a) == null).map(a -> String.join(" ", a)).distinct().toList();
    }
}

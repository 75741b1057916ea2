package io.crimecast.cli;

import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;

import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;

/** {@code java -jar crimecast.jar <command>}: the streaming app, the local broker, replay, training and the demo. */
@Command(name = "crimecast", mixinStandardHelpOptions = true, version = "crimecast 0.1.0",
        description = "Streaming crime hotspot forecasts on Kafka Streams and Deeplearning4j.",
        subcommands = {RunCommand.class, CheckCommand.class, ReplayCommand.class, TailCommand.class, TopicsCommand.class, BrokerCommand.class, TrainCommand.class, EvaluateCommand.class, ForecastCommand.class, AuditCommand.class,
                DemoCommand.class, BenchCommand.class, HotspotsCommand.class, CommandLine.HelpCommand.class})
public final class CrimecastCli {

    public static void main(String[] args) {
        if ("json".equalsIgnoreCase(System.getenv(io.crimecast.config.CrimecastConfig.ENV_LOG_FORMAT))) {
            System.setProperty("log4j2.configurationFile", "log4j2.xml,log4j2-json.xml"); // a composite: JSON layout, same loggers
        }
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new CrimecastCli());
        // Bad input gets a one-line error and the usage, not a stack trace.
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof UncheckedIOException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 2;
            }
            if (e instanceof KafkaException || e instanceof ExecutionException && e.getCause() instanceof KafkaException) {
                Throwable kafka = e instanceof KafkaException ? e : e.getCause();
                cmd.getErr().println("error: Kafka: " + kafka.getMessage() + " (is the broker reachable at the bootstrap address?)");
                return 2;
            }
            throw e;
        });
        return cli;
    }
}

package io.crimecast.cli;

import io.crimecast.ops.TopicAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "topics", mixinStandardHelpOptions = true, description = "Manage CrimeCast's topics (declared in topics/topics.yaml).",
        subcommands = TopicsCommand.Create.class)
final class TopicsCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create the declared topics that are missing and check the existing ones.")
    static final class Create implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Option(names = "--replication-factor", defaultValue = "-1", paramLabel = "N",
                description = "Replicas per partition (default: the broker's default.replication.factor)")
        short replicationFactor;

        @Override
        public Integer call() throws Exception {
            var config = kafka.config();
            TopicAdmin.Outcome outcome = TopicAdmin.createOrCheck(config.bootstrapServers(), config.clientProperties(), replicationFactor);
            outcome.created().forEach(t -> System.out.println("created   " + t));
            outcome.unchanged().forEach(t -> System.out.println("ok        " + t));
            outcome.differences().forEach(d -> System.out.println("DIFFERS   " + d));
            return outcome.differences().isEmpty() ? 0 : 1;
        }
    }
}

package io.crimecast.cli;

import io.crimecast.ops.TopicAdmin;
import io.crimecast.ops.TopicCatalog;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Properties;
import java.util.concurrent.Callable;

@Command(name = "topics", description = "Manage CrimeCast's topics (declared in topics/topics.yaml).",
        subcommands = TopicsCommand.Create.class)
final class TopicsCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create the declared topics that are missing and check the existing ones.")
    static final class Create implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Option(names = "--replication-factor", defaultValue = "-1",
                description = "Replicas per partition (default: the broker's default.replication.factor)")
        short replicationFactor;

        @Override
        public Integer call() throws Exception {
            var config = kafka.config();
            Properties props = new Properties();
            props.putAll(config.clientProperties());
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
            try (Admin admin = Admin.create(props)) {
                TopicAdmin.Outcome outcome = TopicAdmin.createOrCheck(admin, TopicCatalog.bundled(), replicationFactor);
                outcome.created().forEach(t -> System.out.println("created   " + t));
                outcome.unchanged().forEach(t -> System.out.println("ok        " + t));
                outcome.differences().forEach(d -> System.out.println("DIFFERS   " + d));
                return outcome.differences().isEmpty() ? 0 : 1;
            }
        }
    }
}

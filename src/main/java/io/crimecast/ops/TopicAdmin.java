package io.crimecast.ops;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/** Creates the declared topics that are missing and checks the existing ones against their declaration. */
public final class TopicAdmin {
    private TopicAdmin() {
    }

    /** What {@link #createOrCheck} did: topics created, topics found as declared, and every difference found. */
    public record Outcome(List<String> created, List<String> unchanged, List<String> differences) {
    }

    public static Outcome createOrCheck(Admin admin, TopicCatalog catalog, short replicationFactor)
            throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = catalog.topics().stream().filter(t -> !existing.contains(t.name()))
                .map(t -> new NewTopic(t.name(), t.partitions(), replicationFactor).configs(t.config())).toList();
        admin.createTopics(missing).all().get();

        List<TopicCatalog.TopicSpec> present = catalog.topics().stream().filter(t -> existing.contains(t.name())).toList();
        List<String> differences = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        if (!present.isEmpty()) {
            Map<String, TopicDescription> descriptions = admin.describeTopics(names(present)).allTopicNames().get();
            Map<ConfigResource, Config> configs = admin.describeConfigs(present.stream()
                    .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList()).all().get();
            for (TopicCatalog.TopicSpec t : present) {
                int before = differences.size();
                int partitions = descriptions.get(t.name()).partitions().size();
                if (partitions != t.partitions()) {
                    differences.add("%s: %d partitions, declared %d".formatted(t.name(), partitions, t.partitions()));
                }
                Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, t.name()));
                t.config().forEach((key, declared) -> {
                    ConfigEntry entry = actual.get(key);
                    String value = entry == null ? null : entry.value();
                    if (!declared.equals(value)) {
                        differences.add("%s: %s=%s, declared %s".formatted(t.name(), key, value, declared));
                    }
                });
                if (differences.size() == before) {
                    unchanged.add(t.name());
                }
            }
        }
        return new Outcome(missing.stream().map(NewTopic::name).toList(), unchanged, differences);
    }

    private static Collection<String> names(List<TopicCatalog.TopicSpec> topics) {
        return topics.stream().map(TopicCatalog.TopicSpec::name).collect(Collectors.toList());
    }
}

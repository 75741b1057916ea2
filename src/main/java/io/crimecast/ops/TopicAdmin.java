package io.crimecast.ops;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.LeaderNotAvailableException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Creates the declared topics that are missing and checks the existing ones against their declaration. */
public final class TopicAdmin {
    private TopicAdmin() {
    }

    /** What {@link #createOrCheck} did: topics created, topics found as declared, and every difference found. */
    public record Outcome(List<String> created, List<String> unchanged, List<String> differences) {
    }

    /** {@link #createOrCheck(Admin, TopicCatalog, short)} for the bundled catalog, with a client of its own. */
    public static Outcome createOrCheck(String bootstrap, Properties clientProperties, short replicationFactor)
            throws ExecutionException, InterruptedException {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            return createOrCheck(admin, TopicCatalog.bundled(), replicationFactor);
        }
    }

    public static Outcome createOrCheck(Admin admin, TopicCatalog catalog, short replicationFactor)
            throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = catalog.topics().stream().filter(t -> !existing.contains(t.name()))
                .map(t -> new NewTopic(t.name(), t.partitions(), replicationFactor).configs(t.config())).toList();
        admin.createTopics(missing).all().get();
        awaitLeaders(admin, missing.stream().map(NewTopic::name).toList());

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

    /**
     * Fails with a message that names the fix when any of {@code topics} is missing. While the cluster cannot be reached
     * it tells {@code waiting} so every {@code retryEvery} and tries again; without {@code waiting} it fails at once.
     */
    public static void requireTopics(String bootstrap, Properties clientProperties, Collection<String> topics, Duration retryEvery,
                                     Consumer<String> waiting) throws InterruptedException {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) retryEvery.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) retryEvery.toMillis()); // may not exceed the one above
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    Set<String> existing = admin.listTopics().names().get();
                    List<String> missing = topics.stream().filter(t -> !existing.contains(t)).toList();
                    if (!missing.isEmpty()) {
                        throw new IllegalArgumentException("%s missing on %s: create them with `crimecast topics create --bootstrap %s`"
                                .formatted(missing, bootstrap, bootstrap));
                    }
                    return;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TimeoutException)) {
                        throw e.getCause() instanceof KafkaException k ? k : new KafkaException(e.getCause());
                    }
                    String unreachable = "cannot reach Kafka at %s within %d s: is the broker up, and the bootstrap address right?"
                            .formatted(bootstrap, retryEvery.toSeconds());
                    if (waiting == null) {
                        throw new IllegalArgumentException(unreachable);
                    }
                    waiting.accept(unreachable + " Still trying.");
                }
            }
        }
    }

    /** What a topic holds: offsets (records, plus one transaction marker per partition and commit) and bytes on disk. */
    public record TopicSize(String topic, long offsets, long bytes) {
    }

    /** Every topic's name on the cluster, internal ones of Kafka Streams included (changelogs, repartition topics). */
    public static Set<String> names(String bootstrap, Properties clientProperties) throws ExecutionException, InterruptedException {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            return admin.listTopics().names().get();
        }
    }

    /** The size of each of {@code topics} on the cluster, for benchmarks. */
    public static List<TopicSize> sizes(String bootstrap, Properties clientProperties, List<String> topics)
            throws ExecutionException, InterruptedException {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
            List<TopicPartition> partitions = described.values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition()))).toList();
            var latest = admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get();
            var earliest = admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.earliest()))).all().get();
            List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(Node::id).toList();
            Map<TopicPartition, Long> bytes = new HashMap<>();
            admin.describeLogDirs(brokers).allDescriptions().get().values().forEach(dirs -> dirs.values().forEach(dir ->
                    dir.replicaInfos().forEach((tp, info) -> bytes.merge(tp, info.size(), Long::sum))));
            return topics.stream().map(t -> new TopicSize(t,
                    partitions.stream().filter(tp -> tp.topic().equals(t)).mapToLong(tp -> latest.get(tp).offset() - earliest.get(tp).offset()).sum(),
                    partitions.stream().filter(tp -> tp.topic().equals(t)).mapToLong(tp -> bytes.getOrDefault(tp, 0L)).sum())).toList();
        }
    }

    /**
     * Waits until every partition of the new topics has a leader that answers as leader. A producer that starts earlier
     * gets NOT_LEADER_OR_FOLLOWER, and we saw its idempotent retries then stall on OUT_OF_ORDER_SEQUENCE_NUMBER. The
     * metadata can name a leader before that broker acts as one (seen on a loaded machine), so a listOffsets, which
     * only the leader answers, must succeed too.
     */
    private static void awaitLeaders(Admin admin, List<String> topics) throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!topics.isEmpty()) {
            boolean ready;
            try {
                Collection<TopicDescription> described = admin.describeTopics(topics).allTopicNames().get().values();
                ready = described.stream().allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
                if (ready) {
                    admin.listOffsets(described.stream().flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                            .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get();
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException || e.getCause() instanceof NotLeaderOrFollowerException
                        || e.getCause() instanceof LeaderNotAvailableException)) {
                    throw e;
                }
                ready = false; // created, but the broker's metadata does not show it yet, or its leader is not acting yet
            }
            if (ready) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("partitions of " + topics + " still have no leader after 30 s");
            }
            Thread.sleep(100);
        }
    }

    private static Collection<String> names(List<TopicCatalog.TopicSpec> topics) {
        return topics.stream().map(TopicCatalog.TopicSpec::name).collect(Collectors.toList());
    }
}

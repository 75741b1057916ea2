package io.crimecast.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.crimecast.config.CrimecastConfig;
import io.crimecast.topics.JsonSerde;
import io.crimecast.stream.Rejections;
import io.crimecast.topics.TopicNames;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Print what CrimeCast produced, one record a line (committed records only): forecasts, hotspots,"
                + " rejected incidents with their reason, stage and detail, or daily counts.")
final class TailCommand implements Callable<Integer> {
    /** With --from-beginning, this long without a record means the topic has been read. */
    static final Duration IDLE = Duration.ofSeconds(5);

    private static final Map<String, String> TOPICS = Map.of(
            "forecasts", TopicNames.DEFAULT.forecasts(),
            "hotspots", TopicNames.DEFAULT.hotspots(),
            "rejected", TopicNames.DEFAULT.rejected(),
            "counts", TopicNames.DEFAULT.cellDailyCounts());

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--topic", required = true, paramLabel = "forecasts|hotspots|rejected|counts", description = "What to print")
    String topic;

    @Option(names = "--region", paramLabel = "R", description = "Only this region's records")
    String region;

    @Option(names = "--from-beginning",
            description = "Start at the oldest record and stop once none has arrived for 5 s (default: new records only, until Ctrl-C)")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records")
    Long max;

    @Override
    public Integer call() {
        String topicName = TOPICS.get(topic);
        if (topicName == null) {
            throw new IllegalArgumentException("--topic must be one of forecasts, hotspots, rejected, counts; was '" + topic + "'");
        }
        CrimecastConfig config = kafka.config();
        CompletableFuture<String> stop = StopSignal.install();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(config), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topicName).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException("topic " + topicName + " does not exist; create the topics with `crimecast topics create`");
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            long printed = 0;
            long lastRecord = System.nanoTime();
            while (!stop.isDone()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    lastRecord = System.nanoTime();
                    if (region == null || region.equals(regionOf(record))) {
                        System.out.println(line(record));
                        if (max != null && ++printed >= max) {
                            return 0;
                        }
                    }
                }
                if (fromBeginning && System.nanoTime() - lastRecord > IDLE.toNanos()) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /** Its own reader: no group, nothing committed, only committed transactions seen. */
    private static Properties consumerProperties(CrimecastConfig config) {
        Properties p = new Properties();
        p.putAll(config.clientProperties());
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return p;
    }

    /** Output keys start with the region (region, region/cell, region/cell/date); a rejected incident names it in its JSON, if at all. */
    private String regionOf(ConsumerRecord<String, byte[]> record) {
        if (!topic.equals("rejected")) {
            return record.key() == null ? null : record.key().split("/", 2)[0];
        }
        try {
            JsonNode region = record.value() == null ? null : JsonSerde.MAPPER.readTree(record.value()).get("region");
            return region == null ? null : region.asText();
        } catch (IOException e) {
            return null; // unparsable: no region
        }
    }

    private String line(ConsumerRecord<String, byte[]> record) {
        String value = record.value() == null ? "null" : new String(record.value(), StandardCharsets.UTF_8);
        String at = Instant.ofEpochMilli(record.timestamp()).toString();
        if (!topic.equals("rejected")) {
            return at + " " + record.key() + " " + value;
        }
        return "%s %s reason=%s stage=%s detail=\"%s\" value=%s".formatted(at, record.key(), header(record, Rejections.REASON),
                header(record, Rejections.STAGE), header(record, Rejections.DETAIL), value);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
}

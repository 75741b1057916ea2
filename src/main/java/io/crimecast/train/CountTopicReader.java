package io.crimecast.train;

import io.crimecast.grid.Grid;
import io.crimecast.grid.Layer;
import io.crimecast.topics.JsonSerde;
import io.crimecast.topics.Output;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads a region's closed-day counts from the cell-daily-counts topic, to its end, into a count matrix: the
 * retraining job's data set. Corrections replace earlier versions, as compaction would.
 */
public final class CountTopicReader {
    private CountTopicReader() {
    }

    public static CountMatrix read(Grid grid, String bootstrap, Properties clientProperties, String topic) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        TreeMap<LocalDate, int[]> days = new TreeMap<>();
        try (KafkaConsumer<String, Output.CellDayCount> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new JsonSerde<>(Output.CellDayCount.class).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    Output.CellDayCount c = r.value();
                    // Models learn the layer they serve (all); on fine grids only cells with a count are written.
                    if (c != null && c.region().equals(grid.region()) && Layer.ALL.name().equals(c.layer()) && c.cell() < grid.cellCount()) {
                        days.computeIfAbsent(c.date(), d -> new int[grid.cellCount()])[c.cell()] = c.count();
                    }
                }
            }
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no closed days of region " + grid.region() + " on " + topic);
        }
        return CountMatrix.fromDays(grid, days);
    }
}

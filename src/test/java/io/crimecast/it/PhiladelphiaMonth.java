package io.crimecast.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crimecast.grid.Grid;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * March 2021 of Philadelphia (the original OpenDataPhilly monthly file, in src/test/resources): slices of it to
 * replay, an independent count of it by its own local-date column and WGS84 point (neither the replay reader nor
 * the topology), and the closed-day counts the app wrote.
 */
final class PhiladelphiaMonth {
    /** The file starts on the evening of 02-28 (local), and ends on 03-31. */
    static final LocalDate FIRST_DAY = LocalDate.of(2021, 2, 28);
    static final LocalDate LAST_DAY = LocalDate.of(2021, 3, 31);

    private PhiladelphiaMonth() {
    }

    static Path file() {
        try {
            return Path.of(PhiladelphiaMonth.class.getResource("/data/incidents_2021_03.csv.gz").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes the rows of days {@code from..to} (local dates) to {@code target} as CSV in the original layout; with
     * {@code closingSentinelAt} (a UTC dispatch time) one more incident whose time closes the days before it.
     */
    static Path slice(LocalDate from, LocalDate to, String closingSentinelAt, Path target) {
        try (Reader in = reader(); Writer out = Files.newBufferedWriter(target)) {
            var rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
            List<String> header = rows.getHeaderNames();
            try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get().print(out)) {
                for (CSVRecord row : rows) {
                    if (within(row, from, to)) {
                        printer.printRecord(row.values());
                    }
                }
                if (closingSentinelAt != null) {
                    Map<String, String> sentinel = Map.of("objectid", "sentinel-" + closingSentinelAt, "dispatch_date_time", closingSentinelAt,
                            "dispatch_date", closingSentinelAt.substring(0, 10), "point_x", "-75.1652", "point_y", "39.9526",
                            "text_general_code", "Thefts");
                    printer.printRecord(header.stream().map(h -> sentinel.getOrDefault(h, "")).toList());
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every cell-day of {@code firstDay..lastDay} of the layer all, keyed region/all/cell/date, with its count among the file's rows of {@code from..to}. */
    static Map<String, Integer> independentCount(Grid grid, LocalDate firstDay, LocalDate lastDay, LocalDate from, LocalDate to) {
        Map<String, Integer> counts = new TreeMap<>();
        for (LocalDate d = firstDay; !d.isAfter(lastDay); d = d.plusDays(1)) {
            for (int c = 0; c < grid.cellCount(); c++) {
                counts.put(grid.region() + "/all/" + c + "/" + d, 0);
            }
        }
        try (Reader in = reader()) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                if (row.get("point_x").isEmpty() || !within(row, from, to)) {
                    continue;
                }
                grid.locateLatLon(Double.parseDouble(row.get("point_y")), Double.parseDouble(row.get("point_x"))).ifPresent(cell ->
                        counts.merge(grid.region() + "/all/" + cell.id() + "/" + row.get("dispatch_date"), 1, Integer::sum));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    /** A cell-daily-counts record as read back: its key, count and whether it corrects an earlier one. */
    record CountRecord(String key, String region, int count, boolean correction) {
    }

    /** Reads cell-daily-counts (read_committed) from the start until {@code done} holds for what was read, or 4 minutes pass. */
    static List<CountRecord> readCounts(String bootstrap, Properties security, Predicate<List<CountRecord>> done) {
        Properties p = readCommittedFromTheStart(bootstrap, security);
        ObjectMapper json = new ObjectMapper();
        List<CountRecord> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("cell-daily-counts"));
            long end = System.nanoTime() + Duration.ofMinutes(4).toNanos(); // generous: a loaded machine, a rebalance
            while (!done.test(read) && System.nanoTime() < end) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode v = json.readTree(r.value());
                    read.add(new CountRecord(r.key(), v.get("region").asText(), v.get("count").asInt(), v.get("correction").asBoolean()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read;
    }

    /** A consumer's settings: committed records only, from the start, in a group of its own. */
    static Properties readCommittedFromTheStart(String bootstrap, Properties security) {
        Properties p = new Properties();
        p.putAll(security);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + System.nanoTime());
        return p;
    }

    /** The latest count of each cell-day. */
    static Map<String, Integer> latest(List<CountRecord> records) {
        Map<String, Integer> latest = new TreeMap<>();
        records.forEach(r -> latest.put(r.key(), r.count()));
        return latest;
    }

    private static boolean within(CSVRecord row, LocalDate from, LocalDate to) {
        LocalDate d = LocalDate.parse(row.get("dispatch_date"));
        return !d.isBefore(from) && !d.isAfter(to);
    }

    private static Reader reader() throws IOException {
        return new InputStreamReader(new GZIPInputStream(Files.newInputStream(file())), StandardCharsets.UTF_8);
    }
}

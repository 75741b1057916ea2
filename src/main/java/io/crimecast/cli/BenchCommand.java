package io.crimecast.cli;

import io.crimecast.config.CrimecastConfig;
import io.crimecast.grid.RegionSpec;
import io.crimecast.grid.Regions;
import io.crimecast.ops.LocalKafkaBroker;
import io.crimecast.ops.ProcessFootprint;
import io.crimecast.app.ServingNode;
import io.crimecast.ops.TopicAdmin;
import io.crimecast.replay.IncidentFileReader;
import io.crimecast.replay.IncidentPublisher;
import io.crimecast.topics.TopicNames;
import org.apache.commons.io.file.PathUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the replay rate through the whole topology on a local broker: publish the files, then time the"
                + " streaming app until it has handled every incident. With --soak-days N: publish the first N days one at a"
                + " time into the running app and print, after each, resident memory, heap after GC, state on disk and open files.")
final class BenchCommand implements Callable<Integer> {
    @Mixin
    RegionFiles input;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N", description = "Stream threads (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--soak-days", defaultValue = "0", paramLabel = "N",
            description = "Soak instead: the first N days, one day at a time, with the process's footprint after each (default off)")
    int soakDays;

    @Override
    public Integer call() throws Exception {
        RegionSpec spec = Regions.load(input.region);
        IncidentFileReader.ReadResult read = input.files.reader(spec).read(input.paths);
        Path work = Files.createTempDirectory("crimecast-bench-");
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0, work.resolve("broker"))) {
            TopicAdmin.createOrCheck(broker.bootstrapServers(), new Properties(), (short) 1);
            try (IncidentPublisher publisher = new IncidentPublisher(new Properties(), broker.bootstrapServers(), TopicNames.DEFAULT.incidents())) {
                if (soakDays > 0) {
                    soak(spec, read.incidents(), publisher, appConfig(broker, work));
                } else {
                    throughput(spec, read.incidents(), publisher, appConfig(broker, work));
                }
            }
        } finally {
            PathUtils.deleteDirectory(work);
        }
        return 0;
    }

    /** Other settings (CRIMECAST_KAFKA_* client and Streams settings, ...) come from the environment, to compare them. */
    private CrimecastConfig appConfig(LocalKafkaBroker broker, Path work) {
        Map<String, String> settings = new HashMap<>(System.getenv());
        settings.putAll(Map.of(CrimecastConfig.ENV_BOOTSTRAP, broker.bootstrapServers(), CrimecastConfig.ENV_REGIONS, input.region,
                CrimecastConfig.ENV_STATE_DIR, work.resolve("state").toString(), CrimecastConfig.ENV_HTTP_PORT, "0",
                CrimecastConfig.ENV_STREAM_THREADS, Integer.toString(threads), CrimecastConfig.ENV_APPLICATION_ID, "crimecast-bench"));
        return CrimecastConfig.fromEnvironment(settings);
    }

    private void throughput(RegionSpec spec, List<IncidentFileReader.TimedIncident> incidents, IncidentPublisher publisher,
                            CrimecastConfig config) throws InterruptedException {
        long t0 = System.nanoTime();
        long sent = publisher.publish(spec.name(), incidents, 0, n -> { });
        double publishSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("published %,d incidents in %.1f s: %,.0f events/s (producer, acks=all, lz4)%n", sent, publishSeconds, sent / publishSeconds);
        long t1 = System.nanoTime();
        try (ServingNode node = new ServingNode(config)) {
            node.grids().forEach(g -> System.out.println("region " + g));
            node.awaitHandled(sent, n -> { });
            double seconds = (System.nanoTime() - t1) / 1e9;
            System.out.printf("topology handled %,d incidents in %.1f s (from app start, incl. ~2 s start-up): %,.0f events/s,"
                            + " exactly-once, %d stream thread(s); heap used %d MB%n", sent, seconds, sent / seconds, threads,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
            // Where the stream thread's time went: polling, processing (per record step), committing.
            node.app().streams().metrics().forEach((name, metric) -> {
                if (name.group().equals("stream-thread-metrics") && name.name().matches("(poll|commit|process|punctuate)-(latency-avg|records-avg|ratio|rate|total)")) {
                    System.out.printf("  %s = %s%n", name.name(), metric.metricValue());
                }
            });
            printDayClosesAndOutput(node, config);
        }
    }

    /** Day-close latency per region, and what the closes wrote (the output topics' size). */
    private static void printDayClosesAndOutput(ServingNode node, CrimecastConfig config) throws InterruptedException {
        long days = 0;
        for (var d : node.metrics().dayCloses()) {
            days += d.count();
            System.out.printf("day closes of %s: %d, latency mean %.3f s, median %.3f s, p99 %.3f s, max %.3f s%n", d.region(), d.count(),
                    d.meanSeconds(), d.p50Seconds(), d.p99Seconds(), d.maxSeconds());
        }
        try {
            for (var t : TopicAdmin.sizes(config.bootstrapServers(), config.clientProperties(), List.of(TopicNames.DEFAULT.cellDailyCounts(),
                    TopicNames.DEFAULT.forecasts(), TopicNames.DEFAULT.hotspots()))) {
                System.out.printf("  %-18s %,12d offsets %,14d bytes; per day closed %,10d offsets %,12d bytes%n", t.topic(), t.offsets(), t.bytes(),
                        days == 0 ? 0 : t.offsets() / days, days == 0 ? 0 : t.bytes() / days);
            }
        } catch (ExecutionException e) {
            System.out.println("  (topic sizes unavailable: " + e.getCause().getMessage() + ")");
        }
    }

    /**
     * One local day of incidents at a time into the running app (each day closes when the next one's incidents pass its
     * end plus the grace period, by event time), and the footprint once the app has handled it. The broker runs in this
     * JVM too, so the resident memory is both's.
     */
    private void soak(RegionSpec spec, List<IncidentFileReader.TimedIncident> incidents, IncidentPublisher publisher,
                      CrimecastConfig config) throws InterruptedException {
        Map<LocalDate, List<IncidentFileReader.TimedIncident>> byDay = new TreeMap<>();
        incidents.forEach(t -> byDay.computeIfAbsent(t.at().atZone(spec.timeZone()).toLocalDate(), d -> new ArrayList<>()).add(t));
        try (ServingNode node = new ServingNode(config)) {
            node.grids().forEach(g -> System.out.println("region " + g));
            System.out.println("| day | date | incidents so far | RSS MB | heap after GC MB | state on disk MB | open files |");
            System.out.println("|---|---|---|---|---|---|---|");
            long sent = 0;
            int day = 0;
            for (var entry : byDay.entrySet()) {
                if (++day > soakDays) {
                    break;
                }
                sent += publisher.publish(spec.name(), entry.getValue(), 0, n -> { });
                node.awaitHandled(sent, n -> { });
                ProcessFootprint f = ProcessFootprint.measure(config.stateDir());
                System.out.printf("| %d | %s | %,d | %d | %d | %.1f | %d |%n", day, entry.getKey(), sent, f.rssBytes() >> 20,
                        f.heapAfterGcBytes() >> 20, f.directoryBytes() / 1048576.0, f.openFiles());
            }
        }
    }
}

package io.crimecast.app;

import io.crimecast.config.CrimecastConfig;
import io.crimecast.grid.Grid;
import io.crimecast.grid.RegionSpec;
import io.crimecast.incident.Incident;
import io.crimecast.model.ModelBundle;
import io.crimecast.ops.CrimecastMetrics;
import io.crimecast.ops.LocalKafkaBroker;
import io.crimecast.ops.ProcessFootprint;
import io.crimecast.ops.TopicAdmin;
import io.crimecast.replay.IncidentFileReader.TimedIncident;
import io.crimecast.replay.IncidentPublisher;
import io.crimecast.stream.CrimecastTopology;
import io.crimecast.topics.JsonSerde;
import io.crimecast.topics.Output;
import io.crimecast.topics.TopicNames;
import io.crimecast.train.ModelPublisher;
import org.apache.commons.io.file.PathUtils;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

/**
 * The benchmark behind `crimecast bench`: a local broker, the streaming app and the measurements in this JVM. It
 * publishes the incidents for each region, reads them back with a plain consumer that only deserialises (the
 * ceiling), times the app until it has handled every one, then triggers every region's midnight at once and times
 * until all next-day hotspots are committed; or, as a soak, publishes day by day and reports memory after each.
 * Longer than most classes here: the measurements share one run's broker, app and incidents.
 */
public final class Bench {
    /**
     * @param region      a bundled region name or a region file, as given
     * @param threads     stream threads of each instance
     * @param instances   instances of the app in this process (one application id); with 2 or more, the failover too
     * @param cellSize    cells of this size instead of the file's (null: the file's)
     * @param regions     copies of the region
     * @param modelBundles model bundles to publish before the app starts (none: the baselines serve)
     * @param soakDays    with N > 0, the soak instead of the measurement
     */
    public record Settings(String region, int threads, int instances, Double cellSize, int regions, List<Path> modelBundles, int soakDays) {
    }

    private final String region;
    private final int threads;
    private final int instances;
    private final Double cellSize;
    private final int regions;
    private final List<Path> modelBundles;
    private final int soakDays;
    private final Report report;

    public Bench(Settings settings, Report report) {
        this.region = settings.region();
        this.threads = settings.threads();
        this.instances = settings.instances();
        this.cellSize = settings.cellSize();
        this.regions = settings.regions();
        this.modelBundles = settings.modelBundles();
        this.soakDays = settings.soakDays();
        this.report = report;
    }

    /** Measures {@code incidents} of the region {@code spec}; null after a soak, which reports as it goes. */
    public BenchReport run(RegionSpec spec, List<TimedIncident> incidents) throws Exception {
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String started = Instant.now().toString();
        List<Grid> grids = grids(spec);
        Path work = Files.createTempDirectory("crimecast-bench-");
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0, work.resolve("broker"))) {
            TopicAdmin.createOrCheck(broker.bootstrapServers(), new Properties(), (short) 1);
            CrimecastConfig config = appConfig(broker, work.resolve("state").resolve("1"));
            for (Path bundle : modelBundles) {
                publishModel(bundle, config);
            }
            try (IncidentPublisher publisher = new IncidentPublisher(new Properties(), broker.bootstrapServers(), TopicNames.DEFAULT.incidents())) {
                if (soakDays > 0) {
                    soak(spec, grids, incidents, publisher, config);
                    return null;
                }
                List<CrimecastConfig> instanceConfigs = new ArrayList<>(List.of(config));
                for (int i = 2; i <= instances; i++) {
                    instanceConfigs.add(appConfig(broker, work.resolve("state").resolve(Integer.toString(i))));
                }
                return measure(started, loadAtStart, spec, grids, incidents, publisher, instanceConfigs, work.resolve("state"));
            }
        } finally {
            PathUtils.deleteDirectory(work);
        }
    }

    /** The bundle, re-signed with the app's key when one is set (the app refuses unsigned bundles then). */
    private void publishModel(Path file, CrimecastConfig config) throws IOException, ExecutionException, InterruptedException {
        byte[] key = config.modelSigningKeyBytes();
        ModelBundle bundle = ModelBundle.read(Files.readAllBytes(file), null);
        ModelPublisher.publish(bundle, key, config.bootstrapServers(), config.clientProperties(), TopicNames.DEFAULT.modelWeights());
        report.line("%s", "published model " + bundle.metadata().version() + " to " + TopicNames.DEFAULT.modelWeights());
    }

    private static LocalDate localDate(RegionSpec spec, Instant at) {
        return at.atZone(spec.timeZone()).toLocalDate();
    }

    /** The region as its file says, or with --cell-size cells; N copies with --regions N. */
    private List<Grid> grids(RegionSpec spec) {
        double size = cellSize == null ? spec.cellSizeMeters() : cellSize;
        if (regions == 1 && cellSize == null) {
            return List.of(new Grid(spec));
        }
        return IntStream.rangeClosed(1, regions).mapToObj(i -> new Grid(new RegionSpec(regions == 1 ? spec.name() : spec.name() + "-" + i,
                spec.crs(), spec.bbox(), size, spec.timeZone(), spec.grace(), spec.hotspot(), spec.retention(), spec.earliest(),
                spec.maxCells(), spec.layers(), spec.horizons(), spec.studyArea(), spec.feedbackCorrection()))).toList();
    }

    /** Other settings (CRIMECAST_KAFKA_* client and Streams settings, ...) come from the environment, to compare them. */
    private CrimecastConfig appConfig(LocalKafkaBroker broker, Path stateDir) {
        Map<String, String> settings = new HashMap<>(System.getenv());
        if (instances > 1) {
            // Instances start one after another, and Kafka Streams moves a stateful task only to an instance whose copy of
            // its state is within this lag (else it warms one up and probes every 10 minutes): the first would count
            // everything alone. Any lag lets the counting spread at once; the new owner restores from the changelog.
            settings.put(CrimecastConfig.ENV_KAFKA_PREFIX + "ACCEPTABLE_RECOVERY_LAG", Long.toString(Long.MAX_VALUE));
        }
        settings.putAll(Map.of(CrimecastConfig.ENV_BOOTSTRAP, broker.bootstrapServers(), CrimecastConfig.ENV_REGIONS, region,
                CrimecastConfig.ENV_STATE_DIR, stateDir.toString(), CrimecastConfig.ENV_HTTP_PORT, "0",
                CrimecastConfig.ENV_STREAM_THREADS, Integer.toString(threads), CrimecastConfig.ENV_APPLICATION_ID, "crimecast-bench"));
        return CrimecastConfig.fromEnvironment(settings);
    }

    private BenchReport measure(String started, double loadAtStart, RegionSpec spec, List<Grid> grids, List<TimedIncident> incidents,
                                IncidentPublisher publisher, List<CrimecastConfig> instanceConfigs, Path stateRoot) throws Exception {
        CrimecastConfig config = instanceConfigs.get(0);
        long t0 = System.nanoTime();
        long sent = 0;
        for (Grid g : grids) {
            sent += publisher.publish(g.region(), incidents, 0, n -> { });
        }
        double producerRate = sent / seconds(t0);
        report.line("published %,d incidents (%,d per region) at %,.0f events/s (acks=all, lz4)", sent, incidents.size(), producerRate);
        BenchReport.Rate ceiling = ceiling(config, sent);
        report.line("ceiling: a plain consumer read and deserialised them at %,.0f events/s, %.1f us CPU each",
                ceiling.eventsPerSecond(), ceiling.cpuMicrosPerEvent());

        long appStart = System.nanoTime();
        List<ServingNode> nodes = new ArrayList<>();
        List<CrimecastMetrics.DayCloses> closes = new ArrayList<>();
        try {
            for (CrimecastConfig c : instanceConfigs) {
                nodes.add(new ServingNode(c, grids, List.of(CrimecastMetrics.dayCloseLatencyOverWholeRun())));
            }
            if (nodes.size() > 1) {
                awaitCountingTasksOnEveryInstance(nodes);
            }
            grids.stream().limit(3).forEach(g -> report.line("%s", "region " + g));
            long[] first = {0};
            ServingNode.awaitHandled(nodes, sent, n -> {
                if (n > 0 && first[0] == 0) {
                    first[0] = System.nanoTime();
                }
            });
            BenchReport.Rate topology = new BenchReport.Rate(sent / seconds(first[0] == 0 ? appStart : first[0]), streamThreadsCpuNanos() / 1e3 / sent);
            report.line("topology handled %,d incidents at %,.0f events/s (first to last handled), %.1f us CPU each (stream"
                            + " threads and their producers), exactly-once, %d instance(s) of %d stream thread(s)", sent, topology.eventsPerSecond(),
                    topology.cpuMicrosPerEvent(), nodes.size(), threads);
            nodes.forEach(this::printStreamThreadTime);
            LocalDate lastDay = localDate(spec, incidents.get(incidents.size() - 1).at());
            Incident last = incidents.get(incidents.size() - 1).incident();
            double midnight = midnight(spec, grids, last, lastDay, publisher, config);
            ServingNode.awaitHandled(nodes, sent + grids.size(), n -> { });
            BenchReport.Failover failover = null;
            if (nodes.size() > 1) {
                // Scale-in or a lost instance: the others restore its tasks' state from the changelogs before the next
                // midnight's forecasts can be committed. Timed beside the midnight before it, with every instance.
                double before = midnight(spec, grids, last, lastDay.plusDays(1), publisher, config);
                ServingNode stopped = nodes.remove(nodes.size() - 1);
                closes.addAll(stopped.metrics().dayCloses());
                long handledByStopped = stopped.metrics().incidentsHandled();
                stopped.close();
                report.line("stopped instance %d of %d (it had handled %,d incidents)", nodes.size() + 1, instanceConfigs.size(), handledByStopped);
                failover = new BenchReport.Failover(before, midnight(spec, grids, last, lastDay.plusDays(2), publisher, config));
            }
            nodes.forEach(n -> closes.addAll(n.metrics().dayCloses()));
            long closed = closes.stream().mapToLong(CrimecastMetrics.DayCloses::count).sum();
            BenchReport.DayCloses dayCloses = slowest(closes, CrimecastMetrics.DAILY);
            BenchReport.DayCloses weeklyCloses = slowest(closes, CrimecastMetrics.WEEKLY);
            List<BenchReport.Volume> perClose = volumePerClose(config, closed);
            ProcessFootprint f = ProcessFootprint.measure(stateRoot);
            Grid grid = grids.get(0);
            Map<String, String> models = new HashMap<>();
            nodes.forEach(n -> models.putAll(n.metrics().modelsInUse()));
            return new BenchReport(started,
                    new BenchReport.Machine(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(), loadAtStart,
                            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()),
                    new BenchReport.Setup(spec.name(), grids.size(), String.join(",", new java.util.TreeSet<>(models.values())),
                            grid.cellCount(), grid.spec().cellSizeMeters(), grid.spec().layers().size(), instanceConfigs.size(),
                            threads, lastDay.toEpochDay() - localDate(spec, incidents.get(0).at()).toEpochDay() + 1, incidents.size(), sent),
                    producerRate, ceiling, topology, topology.eventsPerSecond() / ceiling.eventsPerSecond(), closed, dayCloses, weeklyCloses, midnight,
                    failover, perClose, new BenchReport.Footprint(f.rssBytes(), f.heapAfterGcBytes(), f.directoryBytes()));
        } finally {
            nodes.forEach(ServingNode::close);
        }
    }

    /** The instances share the counting once each owns at least one of its tasks. */
    private void awaitCountingTasksOnEveryInstance(List<ServingNode> nodes) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!nodes.stream().allMatch(n -> n.app().isRunning() && n.app().streams().metadataForLocalThreads().stream()
                .flatMap(t -> t.activeTasks().stream()).flatMap(t -> t.topicPartitions().stream())
                .anyMatch(p -> p.topic().endsWith(CrimecastTopology.BY_REGION + "-repartition")))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the " + nodes.size() + " instances did not share the counting tasks within 2 minutes");
            }
            Thread.sleep(100);
        }
        report.line("%d instances each own part of the counting", nodes.size());
    }

    /** The closes of one kind (daily or weekly) of every region: their number, and the slowest region's latencies. */
    private static BenchReport.DayCloses slowest(List<CrimecastMetrics.DayCloses> closes, String kind) {
        List<CrimecastMetrics.DayCloses> of = closes.stream().filter(c -> kind.equals(c.close())).toList();
        return new BenchReport.DayCloses(of.stream().mapToLong(CrimecastMetrics.DayCloses::count).sum(),
                of.stream().mapToDouble(CrimecastMetrics.DayCloses::p50Seconds).max().orElse(0),
                of.stream().mapToDouble(CrimecastMetrics.DayCloses::p99Seconds).max().orElse(0),
                of.stream().mapToDouble(CrimecastMetrics.DayCloses::maxSeconds).max().orElse(0));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** CPU time of the app's stream threads and their producers' network threads so far. */
    private static long streamThreadsCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds())).filter(t -> t != null && t.getThreadName().contains("StreamThread-"))
                .mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.getThreadId()))).sum();
    }

    /**
     * The same incidents through a plain read_committed consumer that only deserialises them: what reading costs. The
     * classic consumer fetches on the calling thread, so its CPU time is this thread's.
     */
    private static BenchReport.Rate ceiling(CrimecastConfig config, long expected) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TopicNames.DEFAULT.incidents()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long first = 0; // from the first record, as the topology's rate is
            while (read < expected) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (first == 0 && !records.isEmpty()) {
                    first = System.nanoTime();
                }
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    JsonSerde.MAPPER.readValue(r.value(), Incident.class);
                    read++;
                }
            }
            return new BenchReport.Rate(read / seconds(first), (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e3 / read);
        } catch (IOException e) {
            throw new IllegalStateException("the ceiling consumer could not read an incident it had published", e);
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(CrimecastConfig config) {
        Properties p = new Properties();
        p.putAll(config.clientProperties());
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Where the stream thread's time went: polling, processing (per record step), committing. */
    private void printStreamThreadTime(ServingNode node) {
        node.app().streams().metrics().forEach((name, metric) -> {
            if (name.group().equals("stream-thread-metrics") && name.name().matches("(poll|commit|process|punctuate)-(latency-avg|ratio|rate)")) {
                report.line("  %s %s = %s", name.tags().get("thread-id").replaceAll(".*-(StreamThread-\\d+)$", "$1"), name.name(),
                        metric.metricValue());
            }
        });
    }

    /**
     * Every region's {@code lastDay} closes at once: one incident per region just past that day's end plus grace
     * (where the last incident was), then the time until a read_committed consumer has every region's and layer's
     * next-day hotspots record for the day after: the midnight burst, to committed output.
     */
    private double midnight(RegionSpec spec, List<Grid> grids, Incident last, LocalDate lastDay, IncidentPublisher publisher,
                            CrimecastConfig config) throws InterruptedException {
        LocalDate next = lastDay.plusDays(1);
        Instant after = next.atStartOfDay(spec.timeZone()).toInstant().plus(spec.grace()).plusSeconds(60);
        Set<String> awaited = new HashSet<>();
        grids.forEach(g -> g.spec().layers().forEach(l -> awaited.add(g.region() + "/" + l.name())));
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TopicNames.DEFAULT.hotspots()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // fix the start before the burst
            long t0 = System.nanoTime();
            for (Grid g : grids) {
                Incident trigger = new Incident("bench-midnight-" + next + "-" + g.region(), after.atZone(spec.timeZone()).toOffsetDateTime().toString(),
                        last.lat(), last.lon(), last.x(), last.y(), last.category(), "bench", g.region(), null);
                publisher.publish(g.region(), List.of(new TimedIncident(after, trigger)), 0, n -> { });
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (!awaited.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no next-day hotspots within 30 minutes for " + awaited);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    Output.Hotspots h = JsonSerde.MAPPER.readValue(r.value(), Output.Hotspots.class);
                    if (h.horizonDays() == 1 && h.periodStart().equals(next)) {
                        awaited.remove(h.region() + "/" + h.layer());
                    }
                }
            }
            double seconds = seconds(t0);
            report.line("midnight: %d region(s)' %s closed and every next-day hotspots record committed in %.2f s", grids.size(),
                    lastDay, seconds);
            return seconds;
        } catch (IOException e) {
            throw new IllegalStateException("a hotspots record did not parse", e);
        }
    }

    /** What the output topics and the app's changelogs gained per day closed. */
    private static List<BenchReport.Volume> volumePerClose(CrimecastConfig config, long closed) throws InterruptedException, ExecutionException {
        List<String> topics = new ArrayList<>(List.of(TopicNames.DEFAULT.cellDailyCounts(), TopicNames.DEFAULT.forecasts(),
                TopicNames.DEFAULT.hotspots()));
        List<TopicAdmin.TopicSize> sizes = new ArrayList<>(TopicAdmin.sizes(config.bootstrapServers(), config.clientProperties(), topics));
        List<String> changelogs = TopicAdmin.names(config.bootstrapServers(), config.clientProperties()).stream()
                .filter(t -> t.startsWith(config.applicationId() + "-") && t.endsWith("-changelog")).sorted().toList();
        List<TopicAdmin.TopicSize> changelogSizes = TopicAdmin.sizes(config.bootstrapServers(), config.clientProperties(), changelogs);
        sizes.add(new TopicAdmin.TopicSize("changelogs", changelogSizes.stream().mapToLong(TopicAdmin.TopicSize::offsets).sum(),
                changelogSizes.stream().mapToLong(TopicAdmin.TopicSize::bytes).sum()));
        long perDay = Math.max(1, closed);
        return sizes.stream().map(s -> new BenchReport.Volume(s.topic(), s.offsets() / perDay, s.bytes() / perDay)).toList();
    }

    /**
     * One local day of incidents at a time into the running app (each day closes when the next one's incidents pass its
     * end plus the grace period, by event time), and the footprint once the app has handled it. The broker runs in this
     * JVM too, so the resident memory is both's.
     */
    private void soak(RegionSpec spec, List<Grid> grids, List<TimedIncident> incidents, IncidentPublisher publisher,
                      CrimecastConfig config) throws InterruptedException {
        Map<LocalDate, List<TimedIncident>> byDay = new TreeMap<>();
        incidents.forEach(t -> byDay.computeIfAbsent(localDate(spec, t.at()), d -> new ArrayList<>()).add(t));
        try (ServingNode node = new ServingNode(config, grids, List.of())) {
            grids.stream().limit(3).forEach(g -> report.line("%s", "region " + g));
            report.line("%s", "| day | date | incidents so far | RSS MB | heap after GC MB | state on disk MB | open files |");
            report.line("%s", "|---|---|---|---|---|---|---|");
            long sent = 0;
            int day = 0;
            for (var entry : byDay.entrySet()) {
                if (++day > soakDays) {
                    break;
                }
                for (Grid g : grids) {
                    sent += publisher.publish(g.region(), entry.getValue(), 0, n -> { });
                }
                node.awaitHandled(sent, n -> { });
                ProcessFootprint f = ProcessFootprint.measure(config.stateDir());
                report.line("| %d | %s | %,d | %d | %d | %.1f | %d |", day, entry.getKey(), sent, f.rssBytes() >> 20,
                        f.heapAfterGcBytes() >> 20, f.directoryBytes() / 1048576.0, f.openFiles());
            }
        }
    }
}

package io.crimecast.cli;

import io.crimecast.config.CrimecastConfig;
import io.crimecast.eval.ServedForecastAccuracy;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Layer;
import io.crimecast.grid.RegionSpec;
import io.crimecast.grid.Regions;
import io.crimecast.model.ModelBundle;
import io.crimecast.model.ModelKind;
import io.crimecast.model.NativeThreads;
import io.crimecast.ops.CrimecastMetrics;
import io.crimecast.ops.LocalKafkaBroker;
import io.crimecast.ops.OpsEndpoints;
import io.crimecast.app.ServingNode;
import io.crimecast.ops.TopicAdmin;
import io.crimecast.replay.BundledData;
import io.crimecast.replay.ColumnMapping;
import io.crimecast.replay.IncidentFileReader;
import io.crimecast.replay.IncidentPublisher;
import io.crimecast.topics.JsonSerde;
import io.crimecast.topics.Output;
import io.crimecast.topics.TopicNames;
import io.crimecast.topics.TopicReader;
import io.crimecast.train.CountMatrix;
import io.crimecast.train.ModelPublisher;
import io.crimecast.train.TrainSettings;
import io.crimecast.train.Trainer;
import io.crimecast.train.TrainingResult;
import org.apache.commons.io.file.PathUtils;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Everything on bundled real data: a local broker, the topics, a model trained and published, the streaming"
                + " app, a replay, hotspots as days close, and the accuracy of what was served.")
final class DemoCommand implements Callable<Integer> {
    /** Quick settings: the last two years before the replay; with 10 epochs at most, 10-20 s on two cores. */
    private static final Duration TRAINING_SPAN = Duration.ofDays(730);
    private static final int PATIENCE = 3;
    /** The street-level region served beside a bundled city: crime-type layers, the next day and week, 0.25 sq mi. */
    private static final Map<String, String> STREET_LEVEL = Map.of("philadelphia", "philadelphia-street");

    @Option(names = "--region", defaultValue = "philadelphia", paramLabel = "philadelphia|portland", description = "philadelphia or portland (default ${DEFAULT-VALUE})")
    String region;

    @Option(names = "--replay-days", defaultValue = "120", paramLabel = "N", description = "Replay the last N days of the bundled data (default ${DEFAULT-VALUE})")
    int replayDays;

    @Option(names = "--http-port", defaultValue = "0", paramLabel = "PORT", description = "Port of the map page, query API, metrics and health (default: a free one)")
    int httpPort;

    @Option(names = "--train-epochs", defaultValue = "10", paramLabel = "N", description = "At most this many training epochs (default ${DEFAULT-VALUE})")
    int trainEpochs;

    @Option(names = "--keep-running", description = "Stay up after the replay, serving the map page and query API (Ctrl-C stops)")
    boolean keepRunning;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        NativeThreads.limitUnlessConfigured();
        RegionSpec spec = Regions.load(region);
        Grid grid = new Grid(spec);
        Path work = Files.createTempDirectory("crimecast-demo-");
        Progress progress = Progress.toTerminal();
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0, work.resolve("broker"))) {
            progress.line("broker     Apache Kafka (KRaft) on %s, data in %s", broker.bootstrapServers(), work);
            TopicAdmin.createOrCheck(broker.bootstrapServers(), new Properties(), (short) 1);

            BundledData data = BundledData.forRegion(region);
            IncidentFileReader.ReadResult read = new IncidentFileReader(spec, ColumnMapping.forFormat(data.format(), null))
                    .read(List.of(data.copyTo(work)));
            List<IncidentFileReader.TimedIncident> all = read.incidents();
            Instant replayFrom = all.get(all.size() - 1).at().minus(Duration.ofDays(replayDays));
            List<IncidentFileReader.TimedIncident> replay = all.stream().filter(t -> !t.at().isBefore(replayFrom)).toList();
            progress.line("data       %s: %,d incidents in %s (%s); replaying the last %d days: %,d incidents",
                    region, all.size(), data.resource(), grid, replayDays, replay.size());

            Instant trainFrom = replayFrom.minus(TRAINING_SPAN);
            ModelBundle bundle = trainModel(grid, all.stream()
                    .filter(t -> !t.at().isBefore(trainFrom) && t.at().isBefore(replayFrom)).toList(), progress);
            ModelPublisher.publish(bundle, null, broker.bootstrapServers(), new Properties(), TopicNames.DEFAULT.modelWeights());
            progress.line("published  %s to %s", bundle.metadata().version(), TopicNames.DEFAULT.modelWeights());

            List<String> served = STREET_LEVEL.containsKey(region) ? List.of(region, STREET_LEVEL.get(region)) : List.of(region);
            CrimecastConfig config = CrimecastConfig.fromEnvironment(Map.of(
                    CrimecastConfig.ENV_BOOTSTRAP, broker.bootstrapServers(),
                    CrimecastConfig.ENV_REGIONS, String.join(",", served),
                    CrimecastConfig.ENV_STATE_DIR, work.resolve("state").toString(),
                    CrimecastConfig.ENV_APPLICATION_ID, "crimecast-demo",
                    CrimecastConfig.ENV_HTTP_PORT, Integer.toString(httpPort)));
            try (ServingNode node = new ServingNode(config);
                 HotspotPrinter printer = new HotspotPrinter(broker, served, progress)) {
                node.grids().forEach(g -> progress.line("region     %s; layers %s; hotspots: %s", g,
                        g.spec().layers().stream().map(Layer::name).toList(), g.spec().hotspot()));
                progress.line("serving    metrics %s   health %s %s", node.url(OpsEndpoints.METRICS),
                        node.url(OpsEndpoints.LIVE), node.url(OpsEndpoints.READY));
                printer.start();
                long sent = 0;
                try (IncidentPublisher publisher = new IncidentPublisher(new Properties(), broker.bootstrapServers(), TopicNames.DEFAULT.incidents())) {
                    for (String r : served) { // each region gets its own copy of the incidents
                        sent += publisher.publish(r, replay, 0, n -> progress.update("replay     %s: published %,d / %,d", r, n, replay.size()));
                    }
                }
                long published = sent;
                node.awaitHandled(published, n -> progress.update("replay     processed %,d / %,d", n, published));
                awaitSameDaysClosed(node, served);
                Thread.sleep(2000); // let the last transaction commit and the printer catch up
                printer.close();
                progress.line("replay     %,d incidents published and processed; the last day stays open until an incident past its end plus %s",
                        sent, spec.grace());
                printAccuracy(broker, region, progress);
                progress.line("done       in %.0f s", (System.nanoTime() - started) / 1e9);
                if (keepRunning) {
                    progress.line("dashboard  %s", node.url("/"));
                    progress.line("running    until Ctrl-C or SIGTERM (broker %s)", broker.bootstrapServers());
                    progress.line("stopping   on SIG%s", StopSignal.install().join());
                }
            }
        } finally {
            deleteQuietly(work);
        }
        return 0;
    }

    /** An LSTM on the days before the replay, with quick settings; published even if it loses, and said so. */
    private ModelBundle trainModel(Grid grid, List<IncidentFileReader.TimedIncident> history, Progress progress) {
        CountMatrix matrix = CountMatrix.fromIncidents(grid, history);
        // quick settings: one window, not a search
        TrainSettings settings = TrainSettings.defaults().withEpochs(trainEpochs, PATIENCE).withoutSearch();
        progress.line("training   %s on %d days %s..%s (validation: the last %.0f%%)", ModelKind.LSTM.cliName(), matrix.days(),
                matrix.firstDay(), matrix.lastDay(), settings.validationShare() * 100);
        TrainingResult result = Trainer.train(ModelKind.LSTM, matrix, settings, p -> progress.update(
                "training   epoch %d/%d  training RMSE %.3f  validation RMSE %.3f%s  %ds elapsed", p.epoch(), p.maxEpochs(), Math.sqrt(p.trainingLoss()),
                Math.sqrt(p.validationMse()), p.best() ? " (best)" : "", p.elapsed().toSeconds()));
        progress.line("trained    %s: %d epochs, %.1f s/epoch; validation RMSE %.3f vs best baseline (%s) %.3f: %s",
                result.forecaster().version(), result.trained().epochs(), result.trained().secondsPerEpoch(),
                result.validation().raw().rmse(), result.bestBaseline().version(), result.baselineValidation().raw().rmse(),
                result.beatsBestBaseline() ? "it wins" : "it loses (the demo serves it anyway)");
        return result.toBundle(grid);
    }

    /**
     * Validation has seen every incident, but the street-level region counts and closes its days behind the coarse one
     * (a later partition, larger closes): every region gets the same incidents, so they close the same days.
     */
    private static void awaitSameDaysClosed(ServingNode node, List<String> regions) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Long> closed = node.metrics().dayCloses().stream()
                    .collect(Collectors.toMap(CrimecastMetrics.DayCloses::region, CrimecastMetrics.DayCloses::count));
            if (regions.stream().map(r -> closed.getOrDefault(r, 0L)).distinct().count() == 1 && closed.getOrDefault(regions.get(0), 0L) > 0) {
                return;
            }
            Thread.sleep(200);
        }
    }

    /** The served next-day forecasts of {@code region}'s layer all against the counts that closed. */
    private static void printAccuracy(LocalKafkaBroker broker, String region, Progress progress) {
        Map<ServedForecastAccuracy.CellDay, Integer> actual = new HashMap<>();
        readAll(broker, TopicNames.DEFAULT.cellDailyCounts(), new JsonSerde<>(Output.CellDayCount.class).deserializer()).stream()
                .filter(c -> c.region().equals(region) && c.layer().equals(Layer.ALL.name()))
                .forEach(c -> actual.put(new ServedForecastAccuracy.CellDay(c.cell(), c.date()), c.count()));
        List<Output.CellForecast> forecasts = readAll(broker, TopicNames.DEFAULT.forecasts(), new JsonSerde<>(Output.CellForecast.class).deserializer())
                .stream().filter(f -> f.region().equals(region) && f.layer().equals(Layer.ALL.name()) && f.horizonDays() == 1).toList();
        ServedForecastAccuracy acc = ServedForecastAccuracy.of(forecasts.stream()
                .map(f -> new ServedForecastAccuracy.Served(f.cell(), f.periodStart(), f.expected())).toList(), actual);
        String models = forecasts.stream().map(Output.CellForecast::modelVersion).distinct().collect(Collectors.joining(", "));
        progress.line("accuracy   served forecasts (%s) vs what happened, %,d cell-days with 28 days of history: RMSE %.2f  MAE %.2f;"
                + " 28-day mean: RMSE %.2f  MAE %.2f", models, acc.cellDays(), acc.rmse(), acc.mae(), acc.baselineRmse(), acc.baselineMae());
    }

    private static <V> List<V> readAll(LocalKafkaBroker broker, String topic, Deserializer<V> values) {
        List<V> out = new ArrayList<>();
        TopicReader.readToEnd(broker.bootstrapServers(), new Properties(), topic, values, r -> out.add(r.value()));
        return out;
    }

    static Properties consumerProperties(LocalKafkaBroker broker) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "crimecast-demo-reader-" + System.nanoTime());
        return p;
    }

    private static void deleteQuietly(Path dir) {
        try {
            PathUtils.deleteDirectory(dir);
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Prints each layer's top hotspots for the next day as each day closes, and for the next week on Sundays: the
     * final ones (each day's provisional hotspots, sent at midnight, are on the topic too).
     */
    static final class HotspotPrinter implements AutoCloseable {
        private static final int SHOWN = 3;
        private static final Set<Integer> HORIZONS = Set.of(1, 7);
        private final KafkaConsumer<String, Output.Hotspots> consumer;
        private final List<String> regions;
        private final Progress progress;
        private final Thread thread;
        private volatile boolean running = true;

        HotspotPrinter(LocalKafkaBroker broker, List<String> regions, Progress progress) {
            this.consumer = new KafkaConsumer<>(consumerProperties(broker), new StringDeserializer(),
                    new JsonSerde<>(Output.Hotspots.class).deserializer());
            this.regions = regions;
            this.progress = progress;
            this.thread = new Thread(this::loop, "demo-hotspot-printer");
        }

        void start() {
            consumer.subscribe(List.of(TopicNames.DEFAULT.hotspots()));
            progress.line("%-10s  %-19s %-7s %4s  %-22s  %s", "from", "region", "layer", "days", "model",
                    "flagged area; top hotspots: cell at lat, lon, expected count, P(hotspot)");
            thread.start();
        }

        private void loop() {
            while (running) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    Output.Hotspots h = r.value();
                    if (!regions.contains(h.region()) || !HORIZONS.contains(h.horizonDays()) || h.status() != Output.Status.FINAL) {
                        continue;
                    }
                    String top = h.cells().stream().limit(SHOWN)
                            .map(c -> "#%d %.5f, %.5f %.1f p=%.2f".formatted(c.cell(), c.lat(), c.lon(), c.expected(), c.hotspotProbability()))
                            .collect(Collectors.joining("   "));
                    progress.line("%-10s  %-19s %-7s %4d  %-22s  %.2f km² (%.3f sq mi): %s", h.periodStart(), h.region(), h.layer(),
                            h.horizonDays(), h.modelVersion(), h.flaggedAreaKm2(), h.flaggedAreaSqMi(), top);
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (running) {
                running = false;
                thread.join();
                consumer.close();
            }
        }
    }
}

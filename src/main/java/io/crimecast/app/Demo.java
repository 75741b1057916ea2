package io.crimecast.app;

import io.crimecast.config.CrimecastConfig;
import io.crimecast.eval.ServedForecastAccuracy;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Layer;
import io.crimecast.grid.RegionSpec;
import io.crimecast.grid.Regions;
import io.crimecast.model.ModelBundle;
import io.crimecast.model.ModelKind;
import io.crimecast.ops.CrimecastMetrics;
import io.crimecast.ops.LocalKafkaBroker;
import io.crimecast.ops.OpsEndpoints;
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
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The demo on bundled real data, step by step: a local broker and the topics, an LSTM trained on the days before the
 * replay and published, the streaming app serving the city and its street-level region, the replay, hotspots as days
 * close, and how the served forecasts compared with what happened. It reports through {@link Report}; the CLI prints.
 */
public final class Demo {
    /** Quick settings: the last two years before the replay; with 10 epochs at most, 10-20 s on two cores. */
    private static final Duration TRAINING_SPAN = Duration.ofDays(730);
    private static final int PATIENCE = 3;
    /** The street-level region served beside a bundled city: crime-type layers, the next day and week, 0.25 sq mi. */
    private static final Map<String, String> STREET_LEVEL = Map.of("philadelphia", "philadelphia-street");

    public record Settings(String region, int replayDays, int httpPort, int trainEpochs) {
    }

    private final Settings settings;
    private final Report report;

    public Demo(Settings settings, Report report) {
        this.settings = settings;
        this.report = report;
    }

    /** Runs every step; {@code whileServing} runs after the replay, with the app still serving, given the map page's address. */
    public void run(Consumer<String> whileServing) throws Exception {
        long started = System.nanoTime();
        String region = settings.region();
        RegionSpec spec = Regions.load(region);
        Grid grid = new Grid(spec);
        Path work = Files.createTempDirectory("crimecast-demo-");
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0, work.resolve("broker"))) {
            report.line("broker     Apache Kafka (KRaft) on %s, data in %s", broker.bootstrapServers(), work);
            TopicAdmin.createOrCheck(broker.bootstrapServers(), new Properties(), (short) 1);

            BundledData data = BundledData.forRegion(region);
            List<IncidentFileReader.TimedIncident> all = new IncidentFileReader(spec, ColumnMapping.forFormat(data.format(), null))
                    .read(List.of(data.copyTo(work))).incidents();
            Instant replayFrom = all.get(all.size() - 1).at().minus(Duration.ofDays(settings.replayDays()));
            List<IncidentFileReader.TimedIncident> replay = all.stream().filter(t -> !t.at().isBefore(replayFrom)).toList();
            report.line("data       %s: %,d incidents in %s (%s); replaying the last %d days: %,d incidents",
                    region, all.size(), data.resource(), grid, settings.replayDays(), replay.size());

            Instant trainFrom = replayFrom.minus(TRAINING_SPAN);
            ModelBundle bundle = trainModel(grid, all.stream().filter(t -> !t.at().isBefore(trainFrom) && t.at().isBefore(replayFrom)).toList());
            ModelPublisher.publish(bundle, null, broker.bootstrapServers(), new Properties(), TopicNames.DEFAULT.modelWeights());
            report.line("published  %s to %s", bundle.metadata().version(), TopicNames.DEFAULT.modelWeights());

            List<String> served = STREET_LEVEL.containsKey(region) ? List.of(region, STREET_LEVEL.get(region)) : List.of(region);
            CrimecastConfig config = CrimecastConfig.fromEnvironment(Map.of(
                    CrimecastConfig.ENV_BOOTSTRAP, broker.bootstrapServers(),
                    CrimecastConfig.ENV_REGIONS, String.join(",", served),
                    CrimecastConfig.ENV_STATE_DIR, work.resolve("state").toString(),
                    CrimecastConfig.ENV_APPLICATION_ID, "crimecast-demo",
                    CrimecastConfig.ENV_HTTP_PORT, Integer.toString(settings.httpPort())));
            try (ServingNode node = new ServingNode(config);
                 HotspotFeed feed = new HotspotFeed(broker.bootstrapServers(), served, report)) {
                node.grids().forEach(g -> report.line("region     %s; layers %s; hotspots: %s", g,
                        g.spec().layers().stream().map(Layer::name).toList(), g.spec().hotspot()));
                report.line("serving    metrics %s   health %s %s", node.url(OpsEndpoints.METRICS),
                        node.url(OpsEndpoints.LIVE), node.url(OpsEndpoints.READY));
                feed.start();
                long sent = 0;
                try (IncidentPublisher publisher = new IncidentPublisher(new Properties(), broker.bootstrapServers(), TopicNames.DEFAULT.incidents())) {
                    for (String r : served) { // each region gets its own copy of the incidents
                        sent += publisher.publish(r, replay, 0, n -> report.update("replay     %s: published %,d / %,d", r, n, replay.size()));
                    }
                }
                long published = sent;
                node.awaitHandled(published, n -> report.update("replay     processed %,d / %,d", n, published));
                awaitSameDaysClosed(node, served);
                Thread.sleep(2000); // let the last transaction commit and the feed catch up
                feed.close();
                report.line("replay     %,d incidents published and processed; the last day stays open until an incident past its end plus %s",
                        sent, spec.grace());
                printAccuracy(broker, region);
                report.line("done       in %.0f s", (System.nanoTime() - started) / 1e9);
                whileServing.accept(node.url("/"));
            }
        } finally {
            try {
                PathUtils.deleteDirectory(work);
            } catch (IOException e) {
                report.line("could not delete %s: %s", work, e.getMessage());
            }
        }
    }

    /** An LSTM on the days before the replay, with quick settings; published even if it loses, and said so. */
    private ModelBundle trainModel(Grid grid, List<IncidentFileReader.TimedIncident> history) {
        CountMatrix matrix = CountMatrix.fromIncidents(grid, history);
        TrainSettings quick = TrainSettings.defaults().withEpochs(settings.trainEpochs(), PATIENCE).withoutSearch();
        report.line("training   %s on %d days %s..%s (validation: the last %.0f%%)", ModelKind.LSTM.cliName(), matrix.days(),
                matrix.firstDay(), matrix.lastDay(), quick.validationShare() * 100);
        TrainingResult result = Trainer.train(ModelKind.LSTM, matrix, quick, p -> report.update(
                "training   epoch %d/%d  training RMSE %.3f  validation RMSE %.3f%s  %ds elapsed", p.epoch(), p.maxEpochs(), Math.sqrt(p.trainingMse()),
                Math.sqrt(p.validationMse()), p.best() ? " (best)" : "", p.elapsed().toSeconds()));
        report.line("trained    %s: %d epochs, %.1f s/epoch; validation RMSE %.3f vs best baseline (%s) %.3f: %s",
                result.forecaster().version(), result.trained().epochs(), result.trained().secondsPerEpoch(),
                result.validation().raw().rmse(), result.bestBaseline().version(), result.baselineValidation().raw().rmse(),
                result.beatsBestBaseline() ? "it wins" : "it loses (the demo serves it anyway)");
        return result.toBundle(grid, Layer.ALL.name());
    }

    /**
     * Validation has seen every incident, but the street-level region counts and closes its days behind the coarse one
     * (a later partition, larger closes): every region gets the same incidents, so they close the same days.
     */
    private static void awaitSameDaysClosed(ServingNode node, List<String> regions) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Long> closed = node.metrics().dayCloses().stream()
                    .collect(Collectors.toMap(CrimecastMetrics.DayCloses::region, CrimecastMetrics.DayCloses::count, Long::sum));
            if (regions.stream().map(r -> closed.getOrDefault(r, 0L)).distinct().count() == 1 && closed.getOrDefault(regions.get(0), 0L) > 0) {
                return;
            }
            Thread.sleep(200);
        }
    }

    /** The served next-day forecasts of {@code region}'s layer all against the counts that closed. */
    private void printAccuracy(LocalKafkaBroker broker, String region) {
        Map<ServedForecastAccuracy.CellDay, Integer> actual = new HashMap<>();
        readAll(broker, TopicNames.DEFAULT.cellDailyCounts(), new JsonSerde<>(Output.CellDayCount.class).deserializer()).stream()
                .filter(c -> c.region().equals(region) && c.layer().equals(Layer.ALL.name()))
                .forEach(c -> actual.put(new ServedForecastAccuracy.CellDay(c.cell(), c.date()), c.count()));
        List<Output.CellForecast> forecasts = readAll(broker, TopicNames.DEFAULT.forecasts(), new JsonSerde<>(Output.CellForecast.class).deserializer())
                .stream().filter(f -> f.region().equals(region) && f.layer().equals(Layer.ALL.name()) && f.horizonDays() == 1).toList();
        ServedForecastAccuracy acc = ServedForecastAccuracy.of(forecasts.stream()
                .map(f -> new ServedForecastAccuracy.Served(f.cell(), f.periodStart(), f.expected())).toList(), actual);
        String models = forecasts.stream().map(Output.CellForecast::modelVersion).distinct().collect(Collectors.joining(", "));
        report.line("accuracy   served forecasts (%s) vs what happened, %,d cell-days with 28 days of history: RMSE %.2f  MAE %.2f;"
                + " 28-day mean: RMSE %.2f  MAE %.2f", models, acc.cellDays(), acc.rmse(), acc.mae(), acc.baselineRmse(), acc.baselineMae());
    }

    private static <V> List<V> readAll(LocalKafkaBroker broker, String topic, Deserializer<V> values) {
        List<V> out = new ArrayList<>();
        TopicReader.readToEnd(broker.bootstrapServers(), new Properties(), topic, values, r -> out.add(r.value()));
        return out;
    }
}

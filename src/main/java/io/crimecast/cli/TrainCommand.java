package io.crimecast.cli;

import io.crimecast.config.CrimecastConfig;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Layer;
import io.crimecast.grid.Regions;
import io.crimecast.eval.HotspotEvaluation;
import io.crimecast.metrics.EqualWidthBins;
import io.crimecast.model.ModelBundle;
import io.crimecast.model.MovingAverageForecaster;
import io.crimecast.model.SpatioBundle;
import io.crimecast.model.SpatioLstmForecaster;
import io.crimecast.train.HotspotSettings;
import io.crimecast.model.ModelKind;
import io.crimecast.model.NativeThreads;
import io.crimecast.ops.OpsEndpoints;
import io.crimecast.ops.OpsServer;
import io.crimecast.ops.TrainingMetrics;
import io.crimecast.topics.TopicNames;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.crimecast.model.CellNetwork;
import io.crimecast.train.CellNetworkTrainer;
import io.crimecast.train.CountMatrix;
import io.crimecast.train.CountTopicReader;
import io.crimecast.train.ModelPublisher;
import io.crimecast.train.TrainSettings;
import io.crimecast.train.Trainer;
import io.crimecast.train.TrainingResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train models on a region's daily counts and, with --publish, publish to model-weights (where running apps"
                + " swap them in) the count network with the lowest validation RMSE, the hotspot classifier and the per-cell network"
                + " (cell-mlp, the longer horizons), each only if it beats the best baseline on the validation days (RMSE for count"
                + " models, AUC for the hotspot classifier, mean PAI at the region's hotspot rule over 7 to 92 days for cell-mlp).")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--region", required = true, paramLabel = "R", description = "Region name or region file")
    String region;

    @Option(names = "--layer", defaultValue = "all", paramLabel = "LAYER",
            description = "The region's layer to learn and serve (default ${DEFAULT-VALUE}); each layer's bundle is published under its own key")
    String layer;

    @Option(names = "--model", defaultValue = "lstm", paramLabel = "lstm|gru|rnn|cnn-lstm|spatio-lstm|cell-mlp|all",
            description = "What to train (default ${DEFAULT-VALUE}); a comma list works too")
    String model;

    @Option(names = "--from", arity = "1..*", defaultValue = "topic", paramLabel = "topic|FILE",
            description = "'topic' (default): the cell-daily-counts topic read to its end; or incident files, read with --format")
    List<String> from;

    @ArgGroup(exclusive = false, heading = "Reading incident files (with --from FILES):%n")
    CsvMappingOptions mapping;

    @Option(names = "--publish", description = "Publish to model-weights if it beats the best baseline on validation")
    boolean publish;

    @Option(names = "--force", description = "With --publish: publish even if it does not beat the baseline")
    boolean force;

    @Option(names = "--bundle-out", paramLabel = "DIR",
            description = "Also write each bundle that may be published (whatever the publish rule says) to DIR, named by its key"
                    + " (REGION_LAYER_KIND.ccmb; REGION_KIND.ccmb for the layer all), signed when a signing key is set; `bench --model-bundle` serves such a file")
    Path bundleOut;

    @Mixin
    TrainingOptions training;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Serve training metrics on /metrics while training (host from " + CrimecastConfig.ENV_HTTP_HOST + ")")
    Integer httpPort;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final TrainingMetrics metrics = new TrainingMetrics(registry);

    private record Candidate(ModelBundle bundle, boolean beatsBaselines) {
    }

    /**
     * The daily Spatio-LSTM, trained on all but the last 15% of days and validated there beside the trailing-count
     * and kernel-density rankings; it beats them when its AUC is higher.
     */
    private Candidate trainHotspots(CountMatrix matrix, Progress progress) {
        HotspotSettings settings = training.hotspotSettings(HotspotSettings.daily());
        LocalDate validationFrom = matrix.lastDay().minusDays(Math.round(matrix.days() * settings.validationShare()));
        HotspotEvaluation.Comparison c = HotspotEvaluation.compare(matrix, validationFrom, matrix.lastDay(), settings, s -> progress.line("%s", s));
        metrics.holdOut(ModelKind.SPATIO_LSTM.cliName(), "auc", "model", c.network().row().auc());
        metrics.holdOut(ModelKind.SPATIO_LSTM.cliName(), "auc", "baseline", c.bestBaseline().auc());
        EqualWidthBins bins = EqualWidthBins.fit(matrix.slice(matrix.firstDay(), validationFrom).counts(), MovingAverageForecaster.DEFAULT_BINS);
        ModelBundle bundle = SpatioBundle.of(new SpatioLstmForecaster(c.trained().model(), bins), matrix.grid(), layer, matrix.firstDay(),
                validationFrom.minusDays(1), c.rows(), Instant.now());
        return new Candidate(bundle, c.networkWins());
    }

    /**
     * The per-cell network, trained on the whole history and validated on its last 92 days beside the trailing
     * counts; it beats them when its mean PAI over the horizons is higher.
     */
    private Candidate trainCellNetwork(CountMatrix matrix, Progress progress) {
        CellNetworkTrainer.Result r = CellNetworkTrainer.train(matrix, layer, training.cellNetworkSettings(), Instant.now());
        CellNetworkTrainer.Score best = r.bestBaseline();
        metrics.holdOut(ModelKind.CELL_MLP.cliName(), "pai", "model", r.network().meanPai());
        metrics.holdOut(ModelKind.CELL_MLP.cliName(), "pai", "baseline", best.meanPai());
        CellNetwork.Training t = r.training();
        progress.line("%s: %d samples, %d epochs (best %d), blend %s, %.1f s; validation PAI per horizon %s mean %.2f vs best baseline %s %s mean %.2f -> %s",
                r.bundle().metadata().version(), t.samples(), t.epochsRun(), t.bestEpoch(), t.blend(), t.seconds(), paiList(r.network()),
                r.network().meanPai(), best.name(), paiList(best), best.meanPai(), r.beatsBestBaseline() ? "beats it" : "does not beat it");
        return new Candidate(r.bundle(), r.beatsBestBaseline());
    }

    private static String paiList(CellNetworkTrainer.Score s) {
        return java.util.Arrays.stream(s.pai()).mapToObj(p -> String.format(java.util.Locale.ROOT, "%.2f", p))
                .collect(java.util.stream.Collectors.joining("/"));
    }

    /**
     * Writes the bundle with --bundle-out, then publishes when asked and the model beats the baselines (or --force); 1
     * when it was held back, else 0.
     */
    private int publishIfBetter(Candidate candidate, byte[] signingKey, CrimecastConfig config, Progress progress) throws Exception {
        if (bundleOut != null) {
            Files.createDirectories(bundleOut);
            Path file = bundleOut.resolve(candidate.bundle().key().replace('/', '_') + ".ccmb");
            Files.write(file, candidate.bundle().toBytes(signingKey));
            progress.line("wrote %s (%s)", file, candidate.bundle().metadata().version());
        }
        if (publish && (candidate.beatsBaselines() || force)) {
            var md = ModelPublisher.publish(candidate.bundle(), signingKey, config.bootstrapServers(), config.clientProperties(),
                    TopicNames.DEFAULT.modelWeights());
            progress.line("published %s to %s-%d@%d%s", candidate.bundle().metadata().version(), md.topic(), md.partition(), md.offset(),
                    signingKey == null ? " (unsigned)" : " (signed)");
        } else if (publish) {
            progress.line("not published: %s does not beat the best baseline on validation (--force publishes anyway)",
                    candidate.bundle().metadata().version());
            return 1;
        }
        return 0;
    }

    @Override
    public Integer call() throws Exception {
        CrimecastConfig config = kafka.config();
        NativeThreads.limitUnlessConfigured();
        try (OpsServer http = httpPort == null ? null : OpsServer.start(config.httpHost(), httpPort, registry, () -> true, () -> true)) {
            if (http != null) {
                System.out.println("training metrics on " + http.url(OpsEndpoints.METRICS));
            }
            return train(config);
        }
    }

    private TrainingResult trainCountNetwork(ModelKind kind, CountMatrix matrix, TrainSettings settings, Progress progress) {
        TrainingResult result = Trainer.train(kind, matrix, settings, p -> {
            metrics.epoch(kind.cliName(), p.epoch(), Math.sqrt(p.trainingMse()), Math.sqrt(p.validationMse()));
            progress.update("%s w%d epoch %d/%d  training RMSE %.3f  validation RMSE %.3f%s  elapsed %ds  left at most %ds", kind.cliName(),
                    p.window(), p.epoch(), p.maxEpochs(), Math.sqrt(p.trainingMse()), Math.sqrt(p.validationMse()), p.best() ? " *" : "",
                    p.elapsed().toSeconds(), p.estimatedLeft().toSeconds());
        });
        metrics.holdOut(kind.cliName(), "rmse", "model", result.validation().raw().rmse());
        metrics.holdOut(kind.cliName(), "rmse", "baseline", result.baselineValidation().raw().rmse());
        progress.line("%s: %s -> %s; %d epochs (best %d), %.2f s/epoch; validation RMSE %.3f vs best baseline %s %.3f -> %s",
                result.forecaster().version(), result.search().summary(), result.trained().settings().label(), result.trained().epochs(),
                result.trained().bestEpoch(), result.trained().secondsPerEpoch(), result.validation().raw().rmse(),
                result.bestBaseline().version(), result.baselineValidation().raw().rmse(),
                result.beatsBestBaseline() ? "beats it" : "does not beat it");
        return result;
    }

    private int train(CrimecastConfig config) throws Exception {
        Grid grid = new Grid(Regions.load(region));
        Layer learned = grid.spec().layer(layer);
        Progress progress = Progress.toTerminal();
        CountMatrix matrix;
        if (from.equals(List.of("topic"))) {
            matrix = CountTopicReader.read(grid, learned.name(), config.bootstrapServers(), config.clientProperties(), TopicNames.DEFAULT.cellDailyCounts());
            if (grid.spec().feedbackCorrection() != null) {
                progress.line("feedback correction not applied: the counts topic does not say which incidents were officer-initiated (train from files)");
            }
        } else {
            if (mapping == null) {
                throw new IllegalArgumentException("--from FILES needs --format (philadelphia, portland-nij or csv with column flags)");
            }
            matrix = Datasets.forTraining(grid, learned, mapping, from.stream().map(Path::of).toList(), progress);
        }
        progress.line("%s, layer %s: %d days %s..%s", grid, learned.name(), matrix.days(), matrix.firstDay(), matrix.lastDay());
        TrainSettings settings = training.countSettings();
        byte[] signingKey = config.modelSigningKeyBytes();
        int failures = 0;
        List<TrainingResult> networks = new ArrayList<>();
        for (ModelKind kind : ModelSelection.parse(model)) {
            switch (kind.role()) {
                case HOTSPOTS -> failures += publishIfBetter(trainHotspots(matrix, progress), signingKey, config, progress);
                case PERIODS -> {
                    if (matrix.days() < CellNetwork.MIN_HISTORY_DAYS) { // a young region: the other models still train
                        progress.line("cell-mlp not trained: it needs at least %d days of history, there are %d",
                                CellNetwork.MIN_HISTORY_DAYS, matrix.days());
                        failures++;
                    } else {
                        failures += publishIfBetter(trainCellNetwork(matrix, progress), signingKey, config, progress);
                    }
                }
                case COUNTS -> networks.add(trainCountNetwork(kind, matrix, settings, progress));
            }
        }
        if (!networks.isEmpty()) {
            // one count model serves a region: validation, never a test period, picks it among those trained
            TrainingResult chosen = networks.stream().min(Comparator.comparingDouble(r -> r.validation().raw().rmse())).orElseThrow();
            if (networks.size() > 1) {
                progress.line("validation picks %s (RMSE %.3f) among %d networks; only it may be published", chosen.forecaster().version(),
                        chosen.validation().raw().rmse(), networks.size());
            }
            failures += publishIfBetter(new Candidate(chosen.toBundle(grid, learned.name()), chosen.beatsBestBaseline()), signingKey, config, progress);
        }
        return failures == 0 ? 0 : 3;
    }
}

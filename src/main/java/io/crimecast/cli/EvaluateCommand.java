package io.crimecast.cli;

import io.crimecast.eval.CountEvaluation;
import io.crimecast.eval.EvaluationReport;
import io.crimecast.eval.EvaluationRow;
import io.crimecast.eval.HotspotEvaluation;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.model.ModelKind;
import io.crimecast.model.NativeThreads;
import io.crimecast.train.CountMatrix;
import io.crimecast.train.HotspotSettings;
import io.crimecast.train.TrainSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Train on the days before --test-from, test on the rest: every model beside the baselines, one table,"
                + " DIR/evaluation.json and DIR/evaluation.csv.")
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    CsvMappingOptions files;

    @Option(names = "--region", required = true, paramLabel = "R", description = "Region name or region file")
    String region;

    @Option(names = "--test-from", required = true, paramLabel = "YYYY-MM-DD", description = "First test day")
    LocalDate testFrom;

    @Option(names = "--test-to", paramLabel = "YYYY-MM-DD", description = "Last test day (default: the last day of the data)")
    LocalDate testTo;

    @Option(names = {"--models", "--model"}, defaultValue = "all", paramLabel = "all|m1,m2",
            description = "Networks to train: lstm, gru, rnn, cnn-lstm, spatio-lstm (default ${DEFAULT-VALUE}); baselines always run")
    String models;

    @Option(names = "--hotspot-step-days", defaultValue = "1", paramLabel = "1|30",
            description = "Days per step of the hotspot classifier: 1 (daily, 28 steps) or 30 (the paper's months, 6 steps); default ${DEFAULT-VALUE}")
    int hotspotStepDays;

    @Option(names = "--max-epochs", paramLabel = "N",
            description = "Upper bound on each network's epochs (default " + TrainSettings.DEFAULT_MAX_EPOCHS + " for count networks, "
                    + HotspotSettings.DEFAULT_MAX_EPOCHS + " for spatio-lstm; early stopping usually ends sooner)")
    Integer maxEpochs;

    @Option(names = "--out", defaultValue = "evaluation", paramLabel = "DIR", description = "Output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "FILES", description = "Incident files (.csv or .csv.gz)")
    List<Path> paths;

    @Override
    public Integer call() {
        Grid grid = new Grid(Regions.load(region));
        NativeThreads.limitUnlessConfigured();
        CountMatrix matrix = Datasets.fromFiles(grid, files, paths);
        LocalDate to = testTo != null ? testTo : matrix.lastDay();
        List<ModelKind> kinds = ModelSelection.parse(models);
        Progress progress = Progress.toTerminal();
        progress.line("%s: %d days %s..%s; test %s..%s", grid, matrix.days(), matrix.firstDay(), matrix.lastDay(), testFrom, to);

        List<EvaluationRow> rows = new ArrayList<>(CountEvaluation.run(matrix, testFrom, to,
                new LinkedHashSet<>(kinds),
                maxEpochs == null ? TrainSettings.defaults() : TrainSettings.defaults().withEpochs(maxEpochs, TrainSettings.defaults().patience()),
                p -> progress.update("%s epoch %d/%d  validation RMSE %.3f", p.kind().cliName(), p.epoch(), p.maxEpochs(), Math.sqrt(p.validationMse()))));
        if (kinds.contains(ModelKind.SPATIO_LSTM)) {
            HotspotSettings protocol = switch (hotspotStepDays) {
                case 1 -> HotspotSettings.daily();
                case 30 -> HotspotSettings.monthly();
                default -> throw new IllegalArgumentException("--hotspot-step-days must be 1 (daily) or 30 (monthly)");
            };
            HotspotSettings settings = maxEpochs == null ? protocol : protocol.withMaxEpochs(maxEpochs);
            rows.addAll(HotspotEvaluation.run(matrix, testFrom, to, settings, s -> progress.line("%s", s)));
        }
        EvaluationReport.print(rows, System.out);
        EvaluationReport.write(rows, out);
        progress.line("wrote %s and %s", out.resolve("evaluation.json"), out.resolve("evaluation.csv"));
        return 0;
    }
}

package io.crimecast.cli;

import io.crimecast.eval.EvaluationPage;
import io.crimecast.eval.EvaluationReport;
import io.crimecast.metrics.EvaluationRow;
import io.crimecast.eval.RollingEvaluation;
import io.crimecast.eval.TestPeriod;
import io.crimecast.forecast.Candidate;
import io.crimecast.model.CellNetwork;
import io.crimecast.forecast.CellNetworkCandidate;
import io.crimecast.forecast.Candidates;
import io.crimecast.forecast.NijEvaluation;
import io.crimecast.forecast.NijReport;
import io.crimecast.forecast.NijScore;
import io.crimecast.grid.Area;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.model.ModelKind;
import io.crimecast.model.NativeThreads;
import io.crimecast.replay.IncidentFileReader.TimedIncident;
import io.crimecast.train.CountMatrix;
import io.crimecast.train.HotspotSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Train on the days before each test period, test on it: every model beside the baselines, the network"
                + " validation selected, paired intervals against the best baseline, one table, DIR/evaluation.json and DIR/evaluation.csv."
                + " --protocol nij: the NIJ challenge's windows, horizons and flag budgets per layer, the per-cell network beside the naive maps.")
final class EvaluateCommand implements Callable<Integer> {
    enum Protocol { rolling, nij }

    @Option(names = "--protocol", defaultValue = "rolling", paramLabel = "rolling|nij",
            description = "rolling: whole-grid networks on test periods (default); nij: the NIJ challenge's protocol (PAI, PEI* per layer x horizon)")
    Protocol protocol;

    @Option(names = "--window-starts", split = ",", paramLabel = "YYYY-MM-DD",
            description = "nij: first days of the validation windows (default 2014-03-01,2015-03-01,2016-03-01)")
    List<LocalDate> windowStarts;

    @Option(names = "--days", split = ",", paramLabel = "N", description = "nij: horizons in days (default 7,14,31,61,92)")
    List<Integer> horizons;

    @Option(names = "--flag-area", split = ",", paramLabel = "AREA", description = "nij: flag budgets (default 0.25sqmi,0.75sqmi)")
    List<String> flagAreas;

    @Option(names = "--cell-loss", paramLabel = "LOG1P_MSE|POISSON",
            description = "nij: what cell-mlp is fitted to, log1p(count) by squared error or the count by Poisson deviance (default: the one chosen on the 2013 window, see README)")
    CellNetwork.Loss cellLoss;

    @Option(names = "--study-area", paramLabel = "AREA",
            description = "nij: the study area PAI divides by, e.g. 147.71sqmi (default: the area of the region's study-area cells)")
    String studyArea;
    @Mixin
    RegionFiles input;

    @Mixin
    TrainingOptions training;

    @Option(names = "--test-from", paramLabel = "YYYY-MM-DD", description = "First test day of a single test period (or use --origins)")
    LocalDate testFrom;

    @Option(names = "--test-to", paramLabel = "YYYY-MM-DD", description = "Last test day (default: the last day of the data)")
    LocalDate testTo;

    @Option(names = "--origins", paramLabel = "N",
            description = "Rolling origins: N consecutive test periods of --origin-step ending on --test-to, each trained only on the days before it")
    Integer origins;

    @Option(names = "--origin-step", paramLabel = "PERIOD", description = "Length of each rolling test period, ISO-8601 (e.g. P3M, P1Y)")
    Period originStep;

    @Option(names = {"--models", "--model"}, defaultValue = "all", paramLabel = "all|m1,m2",
            description = "Networks to train: lstm, gru, rnn, cnn-lstm, spatio-lstm (default ${DEFAULT-VALUE}); with --protocol nij all,"
                    + " " + CellNetworkCandidate.NAME + " or none; baselines always run")
    String models;

    @Option(names = "--hotspot-step-days", defaultValue = "1", paramLabel = "1|30",
            description = "Days per step of the hotspot classifier: 1 (daily, 28 steps) or 30 (the paper's months, 6 steps, levels over 24); default ${DEFAULT-VALUE}")
    int hotspotStepDays;

    @Option(names = "--hotspot-context-steps", paramLabel = "N",
            description = "Steps the Spatio-LSTM's long-run level inputs average over (default: the protocol's; equal to its steps: none)")
    Integer hotspotContextSteps;

    @Option(names = "--out", defaultValue = "evaluation", paramLabel = "DIR", description = "Output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write DIR/report.html: the tables and charts on one self-contained page")
    Path report;

    @Override
    public Integer call() {
        Grid grid = new Grid(Regions.load(input.region));
        NativeThreads.limitUnlessConfigured();
        if (protocol == Protocol.nij) {
            return nij(grid);
        }
        if (windowStarts != null || horizons != null || flagAreas != null || studyArea != null || cellLoss != null) {
            throw new IllegalArgumentException("--window-starts, --days, --flag-area, --study-area and --cell-loss are for --protocol nij");
        }
        CountMatrix matrix = Datasets.fromFiles(grid, input.files, input.paths);
        List<TestPeriod> periods = periods(testTo != null ? testTo : matrix.lastDay());
        List<ModelKind> kinds = ModelSelection.parse(models);
        Progress progress = Progress.toTerminal();
        progress.line("%s: %d days %s..%s; %d test period(s) %s..%s", grid, matrix.days(), matrix.firstDay(), matrix.lastDay(),
                periods.size(), periods.get(0).from(), periods.get(periods.size() - 1).to());

        RollingEvaluation.Result result = RollingEvaluation.run(matrix, periods, kinds, training.countSettings(),
                kinds.contains(ModelKind.SPATIO_LSTM) ? training.hotspotSettings(hotspotProtocol()) : null,
                p -> progress.update("%s w%d epoch %d/%d  validation RMSE %.3f", p.kind().cliName(), p.window(), p.epoch(), p.maxEpochs(),
                        Math.sqrt(p.validationMse())),
                s -> progress.line("%s", s));
        List<EvaluationRow> rows = result.rows();
        EvaluationReport.print(rows, System.out);
        EvaluationReport.write(rows, out);
        progress.line("wrote %s and %s", out.resolve("evaluation.json"), out.resolve("evaluation.csv"));
        if (report != null) {
            EvaluationPage.write(result, grid, report.resolve("report.html"));
            progress.line("wrote %s", report.resolve("report.html"));
        }
        return 0;
    }

    private int nij(Grid grid) {
        if (testFrom != null || testTo != null || origins != null || originStep != null) {
            throw new IllegalArgumentException("--protocol nij has its own windows (--window-starts); --test-from, --test-to, --origins"
                    + " and --origin-step are for --protocol rolling");
        }
        List<Candidate> candidates = new ArrayList<>(Candidates.STANDARD);
        Progress progress = Progress.toTerminal();
        switch (models.toLowerCase(Locale.ROOT)) {
            case "all", CellNetworkCandidate.NAME -> candidates.add(0, new CellNetworkCandidate(cellLoss == null ? training.cellNetworkSettings()
                    : training.cellNetworkSettings().withLoss(cellLoss),
                    t -> progress.line("%s trained: %,d samples (%,d validation), %d epochs (best %d), validation loss %.4f (a constant: %.4f),"
                                    + " blend %s (validation PAI %.2f), %.1f s", CellNetworkCandidate.NAME, t.samples(), t.validationSamples(), t.epochsRun(),
                            t.bestEpoch(), t.validationLoss(), t.constantLoss(), t.blend(), t.blendPai(), t.seconds())));
            case "none" -> { }
            default -> throw new IllegalArgumentException("--protocol nij takes --models all, " + CellNetworkCandidate.NAME + " or none, was " + models);
        }
        NijEvaluation.Protocol p = new NijEvaluation.Protocol(windowStarts != null ? windowStarts : NijEvaluation.WINDOWS,
                horizons != null ? horizons : NijEvaluation.HORIZONS, flagAreas != null ? flagAreas : NijEvaluation.FLAG_AREAS,
                studyArea == null ? null : Area.parse(studyArea));
        if (p.horizons().stream().anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("--days must be positive numbers of days, were " + p.horizons());
        }
        List<TimedIncident> incidents = input.files.reader(grid.spec()).read(input.paths).incidents();
        progress.line("%s: %,d incidents; NIJ protocol, windows %s, horizons %s, flag budgets %s; %s", grid, incidents.size(), p.windows(),
                p.horizons(), p.flagAreas(), candidates.stream().map(Candidate::name).toList());
        List<NijScore> scores = NijEvaluation.run(grid, incidents, p, candidates, s -> progress.line("%s", s));
        NijReport.print(scores, CellNetworkCandidate.NAME, System.out);
        NijReport.write(scores, out);
        progress.line("wrote %s", out.resolve("evaluation.json"));
        if (report != null) {
            NijReport.html(scores, CellNetworkCandidate.NAME, report.resolve("report.html"));
            progress.line("wrote %s", report.resolve("report.html"));
        }
        return 0;
    }

    private List<TestPeriod> periods(LocalDate to) {
        if (origins == null) {
            if (testFrom == null || originStep != null) {
                throw new IllegalArgumentException("give --test-from (one test period) or --origins N with --origin-step");
            }
            return List.of(new TestPeriod(testFrom, to));
        }
        if (testFrom != null || originStep == null) {
            throw new IllegalArgumentException("--origins needs --origin-step and no --test-from (the periods end on --test-to)");
        }
        return TestPeriod.rolling(to, origins, originStep);
    }

    private HotspotSettings hotspotProtocol() {
        HotspotSettings protocol = switch (hotspotStepDays) {
            case 1 -> HotspotSettings.daily();
            case 30 -> HotspotSettings.monthly();
            default -> throw new IllegalArgumentException("--hotspot-step-days must be 1 (daily) or 30 (monthly)");
        };
        return hotspotContextSteps == null ? protocol : protocol.withContextSteps(hotspotContextSteps);
    }
}

package io.crimecast.eval;

import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.model.ModelKind;
import io.crimecast.model.Normalisation;
import io.crimecast.replay.ColumnMapping;
import io.crimecast.replay.IncidentFileReader;
import io.crimecast.train.CountMatrix;
import io.crimecast.train.TrainSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Paper 000's protocol on the real data (not a test): train 2017-2020 (last 15% validation), test 2021.
 * Arguments are key=value: models=lstm,gru,rnn,cnn-lstm window=8 batch=64 epochs=40 patience=5 hidden=64
 * norm=TRAILING_RATIO seed=42 cache=target-a/philadelphia-counts.csv
 */
public final class PhiladelphiaBenchmark {
    private static final Path DATA = Path.of("/work/shared/data/philadelphia/incidents_part1_part2_monthly");

    public static void main(String[] args) throws IOException {
        Map<String, String> a = new LinkedHashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], kv[1]);
        }
        Grid grid = new Grid(Regions.load("philadelphia"));
        CountMatrix all = load(grid, Path.of(a.getOrDefault("cache", "target-a/philadelphia-counts.csv")))
                .slice(LocalDate.of(2017, 1, 1), LocalDate.of(2022, 1, 1));
        TrainSettings s = TrainSettings.defaults()
                .withWindow(Integer.parseInt(a.getOrDefault("window", "8")))
                .withBatchSize(Integer.parseInt(a.getOrDefault("batch", "64")))
                .withEpochs(Integer.parseInt(a.getOrDefault("epochs", "40")), Integer.parseInt(a.getOrDefault("patience", "5")))
                .withHidden(Integer.parseInt(a.getOrDefault("hidden", "64")))
                .withNormalisation(Normalisation.valueOf(a.getOrDefault("norm", "TRAILING_RATIO")))
                .withSeed(Long.parseLong(a.getOrDefault("seed", "42")));
        Set<ModelKind> models = new LinkedHashSet<>();
        for (String m : a.getOrDefault("models", "lstm,gru,rnn,cnn-lstm").split(",")) {
            if (!m.isBlank()) {
                models.add(ModelKind.fromCli(m));
            }
        }
        System.out.printf("%s, %d days x %d cells, %s%n", grid, all.days(), all.cells(), s);
        List<EvaluationRow> rows = CountEvaluation.run(all, LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), models, s,
                p -> System.out.printf("  %s epoch %d train MSE %.3f val MSE %.3f%s %.1fs%n", p.kind().cliName(), p.epoch(),
                        p.trainingLoss(), p.validationMse(), p.best() ? " *" : "", p.elapsed().toMillis() / 1000.0));
        System.out.printf("%-20s %7s %6s %6s | %6s %6s %6s | %6s %6s %6s | %7s %6s %8s%n", "model", "MSE", "RMSE", "MAE",
                "MSE10", "RMSE10", "MAE10", "MSE5", "RMSE5", "MAE5", "train s", "epochs", "s/epoch");
        for (EvaluationRow r : rows) {
            System.out.printf("%-20s %7.2f %6.3f %6.3f | %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f | %7s %6s %8s%n", r.name(),
                    r.mse(), r.rmse(), r.mae(), r.mseBins10(), r.rmseBins10(), r.maeBins10(), r.mseBins5(), r.rmseBins5(), r.maeBins5(),
                    r.trainSeconds() == null ? "" : "%.1f".formatted(r.trainSeconds()), r.epochs() == null ? "" : r.epochs(),
                    r.epochs() == null ? "" : "%.3f".formatted(r.trainSeconds() / r.epochs()));
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("peak RSS (VmHWM) %s, heap used now %d MB%n", peakRss(), (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    /** Reading 754k rows takes a while, so the counts are cached as CSV (first line: first day). */
    private static CountMatrix load(Grid grid, Path cache) throws IOException {
        if (Files.exists(cache)) {
            List<String> lines = Files.readAllLines(cache);
            int[][] counts = lines.stream().skip(1).map(l -> Arrays.stream(l.split(",")).mapToInt(Integer::parseInt).toArray()).toArray(int[][]::new);
            return new CountMatrix(grid, LocalDate.parse(lines.get(0)), counts);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(DATA)) {
            files = listing.filter(p -> p.getFileName().toString().matches("incidents_(201[7-9]|202[01])_\\d\\d\\.csv\\.gz|incidents_2022_01\\.csv\\.gz"))
                    .sorted().toList();
        }
        IncidentFileReader.ReadResult read = new IncidentFileReader(grid.spec(), ColumnMapping.PHILADELPHIA).read(files);
        CountMatrix matrix = CountMatrix.fromIncidents(grid, read.incidents());
        StringBuilder out = new StringBuilder(matrix.firstDay() + "\n");
        for (int[] day : matrix.counts()) {
            out.append(String.join(",", Arrays.stream(day).mapToObj(Integer::toString).toList())).append('\n');
        }
        Files.createDirectories(cache.toAbsolutePath().getParent());
        Files.writeString(cache, out);
        System.out.printf("read %d rows from %d files, %d incidents, skipped %s%n", read.rowsRead(), files.size(), read.incidents().size(), read.skipped());
        return matrix;
    }

    private static String peakRss() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .map(l -> l.replaceAll("\\s+", " ").substring(7)).findFirst().orElse("?");
    }
}

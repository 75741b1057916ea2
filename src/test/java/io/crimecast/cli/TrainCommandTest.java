package io.crimecast.cli;

import io.crimecast.grid.PortlandRegionFile;
import io.crimecast.replay.BundledData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `train --from FILES` on bundled real data: it trains, compares with the best baseline, and says so. */
class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsFromFilesAndComparesWithTheBestBaseline() {
        Path data = BundledData.forRegion("portland").copyTo(dir);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = CrimecastCli.commandLine().execute("train", "--region", "portland", "--model", "rnn",
                    "--from", data.toString(), "--format", "portland-nij", "--max-epochs", "2", "--hidden", "16", "--learning-rates", "0.001,0.01");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        original.println(out);
        assertThat(exit).isZero();
        assertThat(out).contains("portland: 7 x 8 cells").containsPattern("1826 days 2012-03-01\\.\\.2017-02-28");
        // windows 8 and 14 (default) x 16 units x two learning rates: four networks, the lowest validation RMSE kept
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("rnn-portland-\\S+: validation RMSE w8 16u lr0.001 ([0-9.]+), w8 16u lr0.01 ([0-9.]+), "
                + "w14 16u lr0.001 ([0-9.]+), w14 16u lr0.01 ([0-9.]+) -> (w\\d+ 16u lr[0-9.]+); "
                + "2 epochs \\(best [12]\\), [0-9.]+ s/epoch; validation RMSE ([0-9.]+) vs best baseline baseline-\\S+ [0-9.]+ -> (beats it|does not beat it)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        String[] labels = {"w8 16u lr0.001", "w8 16u lr0.01", "w14 16u lr0.001", "w14 16u lr0.01"};
        int best = 0;
        for (int i = 1; i < 4; i++) {
            best = Double.parseDouble(m.group(i + 1)) < Double.parseDouble(m.group(best + 1)) ? i : best;
        }
        assertThat(m.group(5)).as("the settings with the lowest validation RMSE").isEqualTo(labels[best]);
        assertThat(Double.parseDouble(m.group(6))).isEqualTo(Double.parseDouble(m.group(best + 1)));
    }

    @Test
    void searchesBatchSizesPatienceAndNormalisationsOnValidation() {
        Path data = BundledData.forRegion("portland").copyTo(dir);
        String out = run("train", "--region", "portland", "--model", "rnn", "--from", data.toString(), "--format", "portland-nij",
                "--max-epochs", "2", "--windows", "8", "--hidden", "8", "--batch-sizes", "32,64", "--patience", "1,2",
                "--normalisations", "TRAILING_RATIO,TRAILING_RESIDUAL");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("rnn-portland-\\S+: validation RMSE (.+?) -> (w8 8u [^;]+); .*validation RMSE ([0-9.]+) vs best baseline")
                .matcher(out);
        assertThat(m.find()).as(out).isTrue();
        java.util.Map<String, Double> rmse = new java.util.LinkedHashMap<>();
        for (String candidate : m.group(1).split(", ")) {
            int space = candidate.lastIndexOf(' ');
            rmse.put(candidate.substring(0, space), Double.parseDouble(candidate.substring(space + 1)));
        }
        // 2 batch sizes x 2 patiences x 2 normalisations, the window, units and rate fixed: eight networks
        assertThat(rmse.keySet()).containsExactly(
                "w8 8u lr0.001 b32 p1 TRAILING_RATIO", "w8 8u lr0.001 b32 p1 TRAILING_RESIDUAL",
                "w8 8u lr0.001 b32 p2 TRAILING_RATIO", "w8 8u lr0.001 b32 p2 TRAILING_RESIDUAL",
                "w8 8u lr0.001 b64 p1 TRAILING_RATIO", "w8 8u lr0.001 b64 p1 TRAILING_RESIDUAL",
                "w8 8u lr0.001 b64 p2 TRAILING_RATIO", "w8 8u lr0.001 b64 p2 TRAILING_RESIDUAL");
        double lowest = rmse.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertThat(rmse.get(m.group(2))).as("the chosen settings have the lowest validation RMSE").isEqualTo(lowest);
        assertThat(Double.parseDouble(m.group(3))).isCloseTo(lowest, org.assertj.core.api.Assertions.within(0.0015));
        assertThat(CrimecastCli.commandLine().execute("train", "--region", "portland", "--from", data.toString(), "--format", "portland-nij",
                "--normalisations", "Z_SCORE")).as("an unknown normalisation is a usage error").isEqualTo(2);
        assertThat(CrimecastCli.commandLine().execute("train", "--region", "portland", "--from", data.toString(), "--format", "portland-nij",
                "--batch-sizes", "0")).as("a batch of nothing").isNotZero();
    }

    @Test
    void trainsOneLayerOnTheIncidentsOfItsCategoriesOnly() throws Exception {
        Path data = BundledData.forRegion("portland").copyTo(dir);
        Path region = PortlandRegionFile.write(dir, 5000, "  - {name: burglary, categories: [BURGLARY]}", "  - {name: all}");
        String out = run("train", "--region", region.toString(), "--layer", "burglary", "--model", "rnn", "--from", data.toString(),
                "--format", "portland-nij", "--max-epochs", "1", "--windows", "8");
        assertThat(out).contains("layer burglary: 1826 days");
        String all = run("train", "--region", region.toString(), "--model", "rnn", "--from", data.toString(),
                "--format", "portland-nij", "--max-epochs", "1", "--windows", "8");
        assertThat(all).contains("layer all: 1826 days");
        java.util.regex.Pattern baseline = java.util.regex.Pattern.compile("vs best baseline baseline-\\S+ ([0-9.]+)");
        java.util.regex.Matcher b = baseline.matcher(out), a = baseline.matcher(all);
        assertThat(b.find() && a.find()).isTrue();
        assertThat(Double.parseDouble(b.group(1))).as("burglary is a small part of all calls: smaller errors")
                .isLessThan(Double.parseDouble(a.group(1)) / 2);
        assertThat(CrimecastCli.commandLine().execute("train", "--region", region.toString(), "--layer", "arson", "--from", data.toString(),
                "--format", "portland-nij")).isEqualTo(2);
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(CrimecastCli.commandLine().execute(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** `train --model cell-mlp` on the bundled Portland calls at 2 km: the publish rule's line and a bundle the stream can load. */
    @Test
    void trainsThePerCellNetworkAndWritesABundleTheStreamCanServe() throws Exception {
        Path data = BundledData.forRegion("portland").copyTo(dir);
        Path region = PortlandRegionFile.write(dir, 2000, "  - {name: street-crimes, categories: [STREET CRIMES]}", "  - {name: all}");
        Path bundles = dir.resolve("bundles");
        String out = run("train", "--region", region.toString(), "--layer", "street-crimes", "--model", "cell-mlp", "--from", data.toString(),
                "--format", "portland-nij", "--max-epochs", "2", "--bundle-out", bundles.toString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(cell-mlp-street-crimes-[0-9a-f]{8}): \\d+ samples, [12] epochs \\(best [12]\\), "
                + "blend (?:network only|0\\.\\d\\d network \\+ \\d\\.\\d\\d trailing-(?:365d|all)), [0-9.]+ s; "
                + "validation PAI per horizon ([0-9.]+/){4}[0-9.]+ mean ([0-9.]+) vs best baseline trailing-(28d|91d|365d|all) ([0-9.]+/){4}[0-9.]+ mean ([0-9.]+) "
                + "-> (beats it|does not beat it)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        boolean beats = Double.parseDouble(m.group(3)) > Double.parseDouble(m.group(6));
        assertThat(m.group(7)).isEqualTo(beats ? "beats it" : "does not beat it");

        Path file = bundles.resolve("portland_street-crimes_cell-mlp.ccmb");
        assertThat(out).contains("wrote " + file + " (" + m.group(1) + ")");
        io.crimecast.model.ModelBundle bundle = io.crimecast.model.ModelBundle.read(java.nio.file.Files.readAllBytes(file), null);
        assertThat(bundle.metadata().kind()).isEqualTo(io.crimecast.model.ModelKind.CELL_MLP);
        assertThat(bundle.metadata().layer()).isEqualTo("street-crimes");
        assertThat(bundle.metadata().version()).isEqualTo(m.group(1));
        assertThat(bundle.metadata().trainTo()).isEqualTo(java.time.LocalDate.of(2017, 2, 28));
        io.crimecast.grid.Grid grid = new io.crimecast.grid.Grid(io.crimecast.grid.Regions.load(region.toString()));
        io.crimecast.model.PeriodForecaster served = bundle.toPeriodForecaster(grid);
        int[][] days = new int[400][grid.cellCount()];
        days[399][grid.cellCount() / 2] = 3;
        var forecasts = served.forecast(grid, new io.crimecast.model.DayHistory(java.time.LocalDate.of(2017, 2, 28), days), java.util.List.of(7, 92));
        assertThat(forecasts).hasSize(2);
        assertThat(forecasts.get(1).expected()[grid.cellCount() / 2]).as("a quarter holds more than a week")
                .isGreaterThan(forecasts.get(0).expected()[grid.cellCount() / 2]);
        assertThat(forecasts.get(0).modelVersion()).isEqualTo(m.group(1));
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(io.crimecast.model.BundleException.class, () -> bundle.toForecaster(grid)).reason())
                .as("it forecasts periods, not the next day").isEqualTo(io.crimecast.model.BundleException.Reason.UNSUPPORTED_KIND);
    }

    /** A month of history is too short for cell-mlp: it says so and exits 3 (held back), as with `--model all` in a young region. */
    @Test
    void aShortHistoryHoldsThePerCellNetworkBackWithAReason() {
        CliRun run = CliRun.of("train", "--region", "philadelphia", "--model", "cell-mlp", "--from", "src/test/resources/data/incidents_2021_03.csv.gz",
                "--format", "philadelphia");
        assertThat(run.exit()).as(run.err()).isEqualTo(3);
        assertThat(run.out()).containsPattern("cell-mlp not trained: it needs at least 193 days of history, there are 3[12]\\b");
    }

    @Test
    void filesWithoutAFormatAreAClearError() {
        assertThat(CrimecastCli.commandLine().execute("train", "--region", "portland", "--from", "x.csv")).isEqualTo(2);
    }
}

package io.crimecast.eval;

import io.crimecast.grid.Grid;
import io.crimecast.grid.RegionSpec;
import io.crimecast.grid.Regions;
import io.crimecast.replay.ColumnMapping;
import io.crimecast.replay.IncidentFileReader;
import io.crimecast.train.CountMatrix;
import io.crimecast.train.HotspotSettings;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Measures the hotspot models on the real Portland NIJ data (not a test: minutes of training). Last 12 months as
 * test, top 5% of active cells as hotspots. Arguments: {@code monthly-600ft}, {@code daily-5km} or {@code all}
 * (default), then optionally steps, positive weight and max epochs.
 */
public final class PortlandHotspotBenchmark {
    private static final Path DATA = Path.of("/work/shared/data/portland/nij_target_categories_2012-2017/portland_sc_burg_toa_2012-03-01_2017-02-28.csv.gz");
    private static final LocalDate TEST_FROM = LocalDate.of(2016, 3, 1);
    private static final LocalDate TEST_TO = LocalDate.of(2017, 2, 28);
    private static final double SIX_HUNDRED_FEET = 182.88;

    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "all";
        if (!which.equals("daily-5km")) {
            run("monthly, 600 ft cells", withCellSize(Regions.load("portland"), SIX_HUNDRED_FEET), tuned(HotspotSettings.monthly(), args));
        }
        if (!which.equals("monthly-600ft")) {
            run("daily, 5 km cells", Regions.load("portland"), tuned(HotspotSettings.daily(), args));
        }
    }

    /** Optional overrides after the protocol name: steps, positive weight, max epochs, LSTM units. */
    private static HotspotSettings tuned(HotspotSettings s, String[] args) {
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : s.steps();
        double positiveWeight = args.length > 2 ? Double.parseDouble(args[2]) : s.positiveWeight();
        int maxEpochs = args.length > 3 ? Integer.parseInt(args[3]) : s.maxEpochs();
        int units = args.length > 4 ? Integer.parseInt(args[4]) : s.lstmUnits();
        return new HotspotSettings(s.stepDays(), steps, s.seed(), maxEpochs, s.patience(), s.batchSize(), units,
                s.learningRate(), positiveWeight, s.validationShare(), s.kdeBandwidthCells(), s.activeCellsOnly());
    }

    private static void run(String title, RegionSpec spec, HotspotSettings settings) {
        long started = System.nanoTime();
        Grid grid = new Grid(spec);
        IncidentFileReader.ReadResult read = new IncidentFileReader(spec, ColumnMapping.PORTLAND_NIJ).read(List.of(DATA));
        CountMatrix counts = CountMatrix.fromIncidents(grid, read.incidents());
        System.out.printf("== %s: %s, %d rows read, %d skipped, %d days from %s (%.0f s to load)%n", title, grid,
                read.rowsRead(), read.skippedTotal(), counts.days(), counts.firstDay(), (System.nanoTime() - started) / 1e9);
        System.out.println(settings);
        List<EvaluationRow> rows = HotspotEvaluation.run(counts, TEST_FROM, TEST_TO, settings, System.out::println);
        System.out.printf("%-22s %7s %7s %7s %7s %7s %7s %7s %7s %8s %6s%n",
                "model", "AUC", "PAI@1%", "PAI@5%", "PAI@10%", "hit@1%", "hit@5%", "PEI@5%", "RMSE", "train s", "epochs");
        for (EvaluationRow r : rows) {
            System.out.printf("%-22s %7.4f %7.2f %7.2f %7.2f %7.3f %7.3f %7.3f %7.3f %8s %6s%n", r.name(), r.auc(),
                    r.pai1(), r.pai5(), r.pai10(), r.hit1(), r.hit5(), r.pei5(), r.rmse(),
                    r.trainSeconds() == null ? "" : "%.0f".formatted(r.trainSeconds()), r.epochs() == null ? "" : r.epochs());
        }
        System.out.printf("(%.0f s in all)%n", (System.nanoTime() - started) / 1e9);
    }

    private static RegionSpec withCellSize(RegionSpec p, double cellSizeMeters) {
        return new RegionSpec(p.name(), p.crs(), p.bbox(), cellSizeMeters, p.timeZone(), p.grace(), p.hotspot(), p.retention(), p.earliest(), p.maxCells(), null, null);
    }
}

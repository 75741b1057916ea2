package io.crimecast.forecast;

import io.crimecast.grid.PortlandRegionFile;
import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.model.CellFeatures;
import io.crimecast.model.CellNetwork;
import io.crimecast.model.PeriodPai;
import io.crimecast.replay.BundledData;
import io.crimecast.replay.ColumnMapping;
import io.crimecast.replay.IncidentFileReader;
import io.crimecast.train.CountMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A real, short training of the per-cell network on Portland's calls (bundled) on a 1 km grid, before 1 March 2016. */
class CellNetworkTest {
    private static final LocalDate START = LocalDate.of(2016, 3, 1);
    private static CountMatrix history;

    @BeforeAll
    static void history(@TempDir Path dir) throws IOException {
        Path region = PortlandRegionFile.write(dir, 1000);
        Grid grid = new Grid(Regions.load(region.toString()));
        Path data = BundledData.forRegion("portland").copyTo(dir);
        history = IncidentSplit.before(grid, new IncidentFileReader(grid.spec(), ColumnMapping.PORTLAND_NIJ).read(List.of(data)).incidents(), START);
    }

    @Test
    void learnsWhatAConstantCannotAndTrainsOncePerHistory() {
        List<CellNetwork.Training> trainings = new ArrayList<>();
        CellNetworkCandidate candidate = new CellNetworkCandidate(CellNetwork.Settings.defaults(), trainings::add);
        double[] week = candidate.expected(history, 7);
        double[] quarter = candidate.expected(history, 92);
        assertThat(trainings).hasSize(1); // both horizons from one network

        CellNetwork.Training t = trainings.get(0);
        assertThat(t.samples()).isPositive();
        assertThat(t.bestEpoch()).isBetween(1, t.epochsRun());
        assertThat(t.validationLoss()).isLessThan(t.constantLoss());
        // the blend validation chose scores at least as well there as the trailing counts it could have been alone
        assertThat(t.blendPai()).isGreaterThanOrEqualTo(validationPai(CellFeatures.ALL_HISTORY)).isGreaterThanOrEqualTo(validationPai(365));

        double[] allHistory = TrailingCandidate.allHistory().expected(history, 7);
        int busiest = 0, empty = -1;
        for (int c = 0; c < allHistory.length; c++) {
            busiest = allHistory[c] > allHistory[busiest] ? c : busiest;
            empty = empty < 0 && allHistory[c] == 0 ? c : empty;
        }
        assertThat(empty).isNotNegative();
        assertThat(week[busiest]).isGreaterThan(week[empty]);
        assertThat(quarter[busiest]).isGreaterThan(week[busiest]); // a longer period, more incidents
        // and it ranks like the history does: its 20 best cells hold most of the 20 busiest cells' past incidents
        assertThat(captured(allHistory, week)).isGreaterThan(0.5);
    }

    /** Mean PAI over the network's horizons, on its validation period, of the trailing count over {@code lookbackDays} alone. */
    private static double validationPai(int lookbackDays) {
        int[][] days = history.counts();
        int cut = CellNetwork.validationOrigin(days.length);
        CellFeatures features = CellFeatures.at(history.grid(), days, history.firstDay(), cut);
        return java.util.Arrays.stream(CellNetwork.HORIZONS).mapToDouble(h -> PeriodPai.of(history.grid(),
                java.util.stream.IntStream.range(0, history.cells()).mapToDouble(c -> features.trailingCount(c, lookbackDays, h)).toArray(),
                days, cut, cut + h)).average().orElseThrow();
    }

    /** The past incidents of {@code forecast}'s top 20 cells, as a share of those of the 20 busiest. */
    private static double captured(double[] past, double[] forecast) {
        double best = java.util.Arrays.stream(past).boxed().sorted(java.util.Comparator.reverseOrder()).limit(20).mapToDouble(Double::doubleValue).sum();
        double got = java.util.stream.IntStream.range(0, past.length).boxed()
                .sorted((a, b) -> Double.compare(forecast[b], forecast[a])).limit(20).mapToDouble(c -> past[c]).sum();
        return got / best;
    }
}

package io.crimecast.eval;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the forecasts a running topology served compare with what then happened, beside the 28-day mean of the same
 * counts, over the cell-days where both can be computed.
 */
public record ServedForecastAccuracy(int cellDays, double rmse, double mae, double baselineRmse, double baselineMae) {
    private static final int BASELINE_DAYS = 28;

    /** A served forecast: cell, day and expected count. */
    public record Served(int cell, LocalDate date, double expected) {
    }

    /**
     * {@code served} in topic order: a later forecast of the same cell-day (the final one after a provisional one)
     * replaces the earlier. {@code actual} maps (cell, day) to the closed count; only days with 28 closed days before
     * them are scored.
     */
    public static ServedForecastAccuracy of(List<Served> served, Map<CellDay, Integer> actual) {
        Map<CellDay, Served> last = new LinkedHashMap<>();
        served.forEach(f -> last.put(new CellDay(f.cell(), f.date()), f));
        double se = 0, ae = 0, bse = 0, bae = 0;
        int n = 0;
        for (Served f : last.values()) {
            Integer truth = actual.get(new CellDay(f.cell(), f.date()));
            Double baseline = trailingMean(actual, f.cell(), f.date());
            if (truth == null || baseline == null) {
                continue;
            }
            se += sq(f.expected() - truth);
            ae += Math.abs(f.expected() - truth);
            bse += sq(baseline - truth);
            bae += Math.abs(baseline - truth);
            n++;
        }
        return n == 0 ? new ServedForecastAccuracy(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                : new ServedForecastAccuracy(n, Math.sqrt(se / n), ae / n, Math.sqrt(bse / n), bae / n);
    }

    public record CellDay(int cell, LocalDate date) {
    }

    private static Double trailingMean(Map<CellDay, Integer> actual, int cell, LocalDate date) {
        double sum = 0;
        for (int d = 1; d <= BASELINE_DAYS; d++) {
            Integer c = actual.get(new CellDay(cell, date.minusDays(d)));
            if (c == null) {
                return null;
            }
            sum += c;
        }
        return sum / BASELINE_DAYS;
    }

    private static double sq(double x) {
        return x * x;
    }
}

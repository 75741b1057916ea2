package io.crimecast.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How long the flags stay put: the distinct cells ever flagged, the mean and median run of consecutive flagged days
 * (a run still going on the last day counts as long as it got), and the day-to-day turnover (1 − the Jaccard
 * overlap of consecutive days' flagged cells, averaged over the period: 0 the same cells every day, 1 all new).
 */
public record Persistence(int distinctCells, double meanRunDays, double medianRunDays, double meanTurnover) {

    public static Persistence of(Flags flags, int cells) {
        List<Integer> runs = runLengths(flags, cells);
        double turnover = 0;
        for (int d = 1; d < flags.byDay().size(); d++) {
            turnover += 1 - FlagSets.jaccard(flags.byDay().get(d - 1), flags.byDay().get(d));
        }
        int pairs = flags.byDay().size() - 1;
        int distinct = (int) Arrays.stream(flags.flaggedDays(cells)).filter(days -> days > 0).count();
        return new Persistence(distinct, runs.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN), median(runs),
                pairs < 1 ? Double.NaN : turnover / pairs);
    }

    static List<Integer> runLengths(Flags flags, int cells) {
        int[] current = new int[cells];
        List<Integer> runs = new ArrayList<>();
        for (int[] day : flags.byDay()) {
            boolean[] today = new boolean[cells];
            for (int c : day) {
                today[c] = true;
            }
            for (int c = 0; c < cells; c++) {
                if (today[c]) {
                    current[c]++;
                } else if (current[c] > 0) {
                    runs.add(current[c]);
                    current[c] = 0;
                }
            }
        }
        for (int run : current) {
            if (run > 0) {
                runs.add(run);
            }
        }
        return runs;
    }

    private static double median(List<Integer> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}

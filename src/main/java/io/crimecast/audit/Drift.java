package io.crimecast.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How far a feedback run's flags drift from the plain run's over the same days: the mean daily Jaccard overlap per
 * week from the period's first day (1: the same cells), the first week it falls below one half (null: never), the
 * share of the feedback run's flagged cell-days in cells the plain run never flagged in the whole period
 * ("self-made" flags), and the feedback run's own persistence (feedback makes flags stick).
 */
public record Drift(double rate, double weight, List<Double> weeklyJaccard, Integer weeksToHalf, double selfMadeShare,
                    Persistence persistence) {

    public static Drift of(Feedback feedback, Flags plain, Flags fed, int cells) {
        List<Double> weekly = new ArrayList<>();
        for (int start = 0; start < plain.byDay().size(); start += 7) {
            int end = Math.min(start + 7, plain.byDay().size());
            double sum = 0;
            for (int d = start; d < end; d++) {
                sum += FlagSets.jaccard(plain.byDay().get(d), fed.byDay().get(d));
            }
            weekly.add(sum / (end - start));
        }
        Integer weeksToHalf = null;
        for (int w = 0; w < weekly.size(); w++) {
            if (weekly.get(w) < 0.5) {
                weeksToHalf = w + 1;
                break;
            }
        }
        Set<Integer> everPlain = new HashSet<>();
        plain.byDay().forEach(day -> Arrays.stream(day).forEach(everPlain::add));
        long fedCellDays = 0;
        long selfMade = 0;
        for (int[] day : fed.byDay()) {
            fedCellDays += day.length;
            selfMade += Arrays.stream(day).filter(c -> !everPlain.contains(c)).count();
        }
        return new Drift(feedback.rate(), feedback.weight(), weekly, weeksToHalf,
                fedCellDays == 0 ? Double.NaN : (double) selfMade / fedCellDays, Persistence.of(fed, cells));
    }
}

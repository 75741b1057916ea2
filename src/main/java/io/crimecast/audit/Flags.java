package io.crimecast.audit;

import java.time.LocalDate;
import java.util.List;

/** The cells flagged on each day from {@code from}, one array a day, best first. */
public record Flags(LocalDate from, List<int[]> byDay) {

    /** How many days each cell was flagged. */
    public int[] flaggedDays(int cells) {
        int[] days = new int[cells];
        for (int[] day : byDay) {
            for (int c : day) {
                days[c]++;
            }
        }
        return days;
    }
}

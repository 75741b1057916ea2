package io.crimecast.forecast;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One map scored by the NIJ challenge's rules: a model or baseline, a layer, a horizon, a flag budget and a
 * validation window ({@code window} its first day, or "mean" for the mean over the windows, with {@code windows}
 * the number of windows that had incidents). Counts are null on mean rows.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NijScore(String model, String layer, int horizonDays, String window, String flagArea, Integer flaggedCells,
                       Double hits, Double incidents, Double bestHits, double pai, double pei, Integer windows) {
    public static final String MEAN = "mean";
}

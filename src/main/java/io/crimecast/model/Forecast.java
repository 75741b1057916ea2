package io.crimecast.model;

import java.time.LocalDate;

/** The next day's forecast for every cell of a region, indexed by cell id. */
public record Forecast(LocalDate date, String modelVersion, double[] expected, int[] bin,
                       double[] hotspotProbability, boolean[] hotspot) {
}

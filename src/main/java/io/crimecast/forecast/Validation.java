package io.crimecast.forecast;

import java.time.LocalDate;
import java.util.List;

/** How each candidate did on the validation windows of one horizon (latest window first), and the one chosen. */
public record Validation(int horizonDays, List<LocalDate> windowStarts, List<CandidateScore> scores, String chosen) {
}

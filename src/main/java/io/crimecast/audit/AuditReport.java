package io.crimecast.audit;

import java.time.LocalDate;
import java.util.List;

/**
 * What audit.json holds: the plain replay's concentration, persistence and districts, and each feedback run's drift;
 * {@code officerInitiated} is how many of the period's incidents the files mark officer-initiated.
 */
public record AuditReport(String region, List<String> categories, LocalDate from, LocalDate to, int lookbackDays,
                          int budgetCells, double budgetSqMi, int studyCells, long seed, long officerInitiated,
                          Concentration concentration,
                          Persistence persistence, List<DistrictShare> districts, List<Drift> feedback) {
}

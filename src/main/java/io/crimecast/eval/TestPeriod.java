package io.crimecast.eval;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/** The days {@code from..to} (inclusive) scored at one origin; everything before {@code from} may be trained on. */
public record TestPeriod(LocalDate from, LocalDate to) {

    public TestPeriod {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("test period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** {@code origins} consecutive periods of length {@code step}, the last one ending on {@code lastDay}, oldest first. */
    public static List<TestPeriod> rolling(LocalDate lastDay, int origins, Period step) {
        if (origins < 1 || step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("need at least one origin and a positive step");
        }
        LocalDate end = lastDay.plusDays(1);
        List<TestPeriod> periods = new ArrayList<>();
        for (int i = origins; i >= 1; i--) {
            periods.add(new TestPeriod(end.minus(step.multipliedBy(i)), end.minus(step.multipliedBy(i - 1)).minusDays(1)));
        }
        return periods;
    }

    public int days() {
        return (int) (to.toEpochDay() - from.toEpochDay() + 1);
    }
}

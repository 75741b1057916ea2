package io.crimecast.eval;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ServedForecastAccuracyTest {
    private static final LocalDate DAY = LocalDate.of(2019, 4, 1);

    @Test
    void theLastForecastOfACellDayIsScoredOnceBesideThe28DayMean() {
        Map<ServedForecastAccuracy.CellDay, Integer> actual = new HashMap<>();
        for (int d = 1; d <= 28; d++) {
            actual.put(new ServedForecastAccuracy.CellDay(0, DAY.minusDays(d)), d % 2 == 0 ? 2 : 0); // mean 1
        }
        actual.put(new ServedForecastAccuracy.CellDay(0, DAY), 4);

        ServedForecastAccuracy acc = ServedForecastAccuracy.of(List.of(
                new ServedForecastAccuracy.Served(0, DAY, 9.0),   // provisional, replaced
                new ServedForecastAccuracy.Served(0, DAY, 3.0),   // final
                new ServedForecastAccuracy.Served(0, DAY.minusDays(27), 1.0)), actual); // too little history: not scored

        assertThat(acc.cellDays()).isEqualTo(1);
        assertThat(acc.mae()).isCloseTo(1.0, within(1e-12));
        assertThat(acc.rmse()).isCloseTo(1.0, within(1e-12));
        assertThat(acc.baselineMae()).isCloseTo(3.0, within(1e-12));
    }
}

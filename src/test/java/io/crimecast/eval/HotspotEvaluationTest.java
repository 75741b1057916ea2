package io.crimecast.eval;

import io.crimecast.metrics.EvaluationRow;
import io.crimecast.grid.HotspotRule;
import io.crimecast.model.HotspotScorer;
import io.crimecast.model.HotspotTestGrids;
import io.crimecast.train.CountMatrix;
import io.crimecast.train.HotspotSettings;
import io.crimecast.train.HotspotSyntheticCounts;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HotspotEvaluationTest {
    private static final LocalDate FIRST = LocalDate.of(2020, 1, 1);
    private final CountMatrix counts = HotspotSyntheticCounts.matrix(HotspotTestGrids.grid(5, 6, HotspotRule.topPercent(20)), FIRST, 100, 3);

    @Test
    void comparesTheSpatioLstmWithBothBaselinesOnTheHoldOut() {
        HotspotSettings settings = new HotspotSettings(3, 4, 4, 7, 3, 2, 64, 8, 1e-2, 2, 0.2, 1, true);
        List<String> log = new ArrayList<>();

        List<EvaluationRow> rows = HotspotEvaluation.run(counts, FIRST.plusDays(70), counts.lastDay(), settings, log::add);

        assertThat(rows).extracting(EvaluationRow::name).containsExactly("trailing-count-4", "kde-4-bw1.0", "spatio-lstm");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo("hotspot");
            assertThat(r.auc()).isBetween(0.0, 1.0);
            assertThat(r.ranking().pai1()).isPositive();
            assertThat(r.ranking().pei10()).isBetween(0.0, 1.0);
            assertThat(r.rmse()).isPositive();
            assertThat(r.bins10()).isNull();
        });
        // busy cells stay busy, so counting them is nearly perfect
        assertThat(rows.get(0).auc()).isGreaterThan(0.9);
        assertThat(rows.get(2).fit().epochs()).isBetween(1, 3);
        assertThat(rows.get(0).fit()).as("a baseline has no training").isNull();
        assertThat(log.get(0)).contains("test steps 23..32");
    }

    @Test
    void addsTheYearAndTwoYearTrailingCountsWhenTheHistoryHoldsThem() {
        HotspotSettings monthly = HotspotSettings.monthly();
        assertThat(HotspotEvaluation.baselines(monthly, 36)).extracting(HotspotScorer::name)
                .containsExactly("trailing-count-6", "trailing-count-12", "trailing-count-24", "kde-6-bw1.0");
        assertThat(HotspotEvaluation.baselines(monthly, 23)).extracting(HotspotScorer::name)
                .containsExactly("trailing-count-6", "trailing-count-12", "kde-6-bw1.0");
        assertThat(HotspotEvaluation.baselines(HotspotSettings.daily(), 400)).extracting(HotspotScorer::name)
                .containsExactly("trailing-count-28", "trailing-count-365", "kde-28-bw1.0");
    }

    @Test
    void refusesATestStartWithLessHistoryThanTheNetworksContext() {
        HotspotSettings settings = new HotspotSettings(3, 4, 30, 7, 3, 2, 64, 8, 1e-2, 2, 0.2, 1, true);

        assertThatThrownBy(() -> HotspotEvaluation.run(counts, FIRST.plusDays(70), counts.lastDay(), settings, line -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reads 30 steps of 3 days before 2020-03-11, the data has 23");
    }
}

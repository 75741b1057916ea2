package io.crimecast.eval;

import io.crimecast.metrics.BaselineComparison;
import io.crimecast.train.CountScore;
import io.crimecast.metrics.EvaluationRow;
import io.crimecast.metrics.CountMetrics;
import io.crimecast.model.ModelKind;
import io.crimecast.train.TestMatrices;
import io.crimecast.train.TrainSettings;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RollingEvaluationTest {
    private static final TrainSettings TINY = TrainSettings.defaults().withHidden(8).withBatchSize(32).withEpochs(1, 1);

    @Test
    void everyOriginTrainsBeforeItsPeriodAndTheSummaryPoolsThem() {
        LocalDate lastDay = TestMatrices.START.plusDays(159);
        List<TestPeriod> periods = TestPeriod.rolling(lastDay, 2, Period.ofDays(14));
        List<String> log = new ArrayList<>();

        RollingEvaluation.Result result = RollingEvaluation.run(TestMatrices.matrix(200), periods, List.of(ModelKind.RNN, ModelKind.LSTM), TINY,
                null, p -> { }, log::add);
        List<EvaluationRow> rows = result.rows();
        // the report's details agree with the rows: every cell's squared RMSE averages to the row's MSE
        assertThat(result.perOrigin()).hasSize(periods.size());
        result.perOrigin().forEach(origin -> origin.forEach(s -> {
            assertThat(s.predictedPerDay()).hasSize(s.row().testDays());
            assertThat(s.actualPerDay()).containsExactly(origin.get(0).actualPerDay());
            assertThat(java.util.Arrays.stream(s.cellRmse()).map(r -> r * r).average().orElseThrow())
                    .isCloseTo(s.row().mse(), org.assertj.core.api.Assertions.within(1e-9));
        }));

        List<EvaluationRow> first = rows.stream().filter(r -> periods.get(0).from().toString().equals(r.origin())).toList();
        assertThat(first).extracting(EvaluationRow::name).containsExactly("baseline-last", "baseline-mean7", "baseline-mean28",
                "baseline-weekday4", "rnn", "lstm", "selected");
        assertThat(first).allSatisfy(r -> assertThat(r.testDays()).isEqualTo(14));
        EvaluationRow selected = first.get(6);
        EvaluationRow picked = selected.fit().picked().startsWith("rnn") ? first.get(4) : first.get(5);
        // validation alone decided: the pick has the lower validation RMSE, and the selected row is its test score
        assertThat(picked.fit().validationRmse()).isEqualTo(Math.min(first.get(4).fit().validationRmse(), first.get(5).fit().validationRmse()));
        assertThat(selected.rmse()).isEqualTo(picked.rmse());
        assertThat(picked.fit().window()).isIn(TrainSettings.DEFAULT_WINDOWS);
        assertThat(first.get(4).versus()).isNotNull();
        assertThat(first.get(0).versus()).isNull();
        assertThat(log).anyMatch(l -> l.contains("validation RMSE w8") && l.contains("w14"));

        List<EvaluationRow> summary = rows.stream().filter(EvaluationRow::isSummary).toList();
        assertThat(summary).hasSize(7);
        EvaluationRow rnn = summary.get(4);
        List<EvaluationRow> rnnPerOrigin = rows.stream().filter(r -> r.name().equals("rnn") && !r.isSummary()).toList();
        assertThat(rnn.testDays()).isEqualTo(28);
        assertThat(rnn.mse()).isCloseTo((rnnPerOrigin.get(0).mse() + rnnPerOrigin.get(1).mse()) / 2, within(1e-12));
        assertThat(rnn.rmse()).isCloseTo(Math.sqrt(rnn.mse()), within(1e-12));
        assertThat(rnn.spread().min()).isEqualTo(Math.min(rnnPerOrigin.get(0).rmse(), rnnPerOrigin.get(1).rmse()));
        assertThat(rnn.versus().origins()).isEqualTo(2);
        assertThat(rnn.versus().low()).isLessThanOrEqualTo(rnn.versus().high());
    }

    @Test
    void aNetworkBetterOnEveryDayBeatsTheBaselineOnEveryOrigin() {
        CountEvaluation.Scored model = scored("m", 1.0);
        CountEvaluation.Scored base = scored("b", 3.0);
        BaselineComparison c = RollingEvaluation.compare(List.of(model, model), List.of(base, base), "b");
        assertThat(c.metric()).isEqualTo(BaselineComparison.Metric.MSE);
        assertThat(c.difference()).isEqualTo(-2.0);
        assertThat(c.low()).isEqualTo(-2.0);
        assertThat(c.high()).isEqualTo(-2.0);
        assertThat(c.beats()).isTrue();
        assertThat(c.winShare()).isEqualTo(1.0);
    }

    @Test
    void aRankingBetterOnThreeDaysInFourBeatsTheBaselineOnAuc() {
        // the model ranks the hotspot first on days 1-3 of every 4, the baseline on day 4: every 7-day block holds
        // at least five of the model's days, so every resample's pooled AUC difference is positive
        boolean[] modelGood = new boolean[28];
        for (int d = 0; d < 28; d++) {
            modelGood[d] = d % 4 != 3;
        }
        BaselineComparison c = RollingEvaluation.compareHotspots(List.of(ranking("spatio-lstm", modelGood, true)),
                List.of(ranking("trailing", modelGood, false)), 1);

        // pooled over days, a ranking right on g of g + b days has AUC g / (g + b): 0.75 against 0.25
        assertThat(c.metric()).isEqualTo(BaselineComparison.Metric.AUC);
        assertThat(c.baseline()).isEqualTo("trailing");
        assertThat(c.difference()).isCloseTo(0.5, within(1e-12));
        assertThat(c.low()).isPositive();
        assertThat(c.high()).isLessThanOrEqualTo(1.0);
        assertThat(c.beats()).isTrue();
        assertThat(c.winShare()).isEqualTo(1.0);
    }

    @Test
    void rankingsEachRightOnHalfTheWeeksTieAndTheIntervalSpansZero() {
        // the model is right in weeks 1 and 3, the baseline in weeks 2 and 4: the same AUC on the data, and a
        // resample drawing more of one's weeks favours it, so the interval reaches both sides of zero
        boolean[] modelGood = new boolean[28];
        for (int d = 0; d < 28; d++) {
            modelGood[d] = (d / 7) % 2 == 0;
        }
        BaselineComparison c = RollingEvaluation.compareHotspots(List.of(ranking("spatio-lstm", modelGood, true)),
                List.of(ranking("trailing", modelGood, false)), 1);

        assertThat(c.difference()).isCloseTo(0.0, within(1e-12));
        assertThat(c.low()).isNegative();
        assertThat(c.high()).isPositive();
        assertThat(c.beats()).isFalse();
        assertThat(c.winShare()).isZero();
    }

    /**
     * 28 daily steps of 10 cells, cell 0 the hotspot. On a day the ranking is right it scores the hotspot 1 and the
     * others 0, otherwise the reverse; {@code follows} says whether it is right on the days of {@code good} or the others.
     */
    private static HotspotEvaluation.Scored ranking(String name, boolean[] good, boolean follows) {
        HotspotTally tally = new HotspotTally();
        boolean[] hotspot = new boolean[10];
        hotspot[0] = true;
        double[] actual = new double[10];
        actual[0] = 3;
        for (boolean g : good) {
            boolean right = g == follows;
            double[] score = new double[10];
            for (int c = 0; c < 10; c++) {
                score[c] = (c == 0) == right ? 1 : 0;
            }
            tally.add(score, hotspot, actual, score);
        }
        return new HotspotEvaluation.Scored(tally.row(name, null, null, null).withOrigin("2021-01-01", good.length), tally);
    }

    private static CountEvaluation.Scored scored(String name, double dailyMse) {
        double[] days = new double[10];
        Arrays.fill(days, dailyMse);
        EvaluationRow row = new CountScore(new CountMetrics(dailyMse, Math.sqrt(dailyMse), 1), null, new CountMetrics(0, 0, 0),
                new CountMetrics(0, 0, 0)).toRow(name, null);
        return new CountEvaluation.Scored(row, days, new double[10], new double[10], new double[0]);
    }
}

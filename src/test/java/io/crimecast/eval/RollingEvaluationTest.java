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
        assertThat(c.mseDifference()).isEqualTo(-2.0);
        assertThat(c.low()).isEqualTo(-2.0);
        assertThat(c.high()).isEqualTo(-2.0);
        assertThat(c.beats()).isTrue();
        assertThat(c.winShare()).isEqualTo(1.0);
    }

    private static CountEvaluation.Scored scored(String name, double dailyMse) {
        double[] days = new double[10];
        Arrays.fill(days, dailyMse);
        EvaluationRow row = new CountScore(new CountMetrics(dailyMse, Math.sqrt(dailyMse), 1), null, new CountMetrics(0, 0, 0),
                new CountMetrics(0, 0, 0)).toRow(name, null);
        return new CountEvaluation.Scored(row, days, new double[10], new double[10], new double[0]);
    }
}

package io.crimecast.eval;

import io.crimecast.grid.Grid;
import io.crimecast.metrics.BaselineComparison;
import io.crimecast.metrics.EvaluationRow;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** `evaluate --report`: the evaluation's tables and charts on one self-contained HTML page. */
public final class EvaluationPage {
    private EvaluationPage() {
    }

    /**
     * The same tables as an HTML page, with the RMSE of each count model per test period, the whole grid's predicted
     * and actual count per day, each cell's error on the grid, and hit rate against the cells flagged for each ranking.
     */
    public static void write(RollingEvaluation.Result result, Grid grid, Path file) {
        List<EvaluationRow> rows = result.rows();
        HtmlReport page = new HtmlReport();
        List<EvaluationRow> count = rows.stream().filter(r -> r.kind().equals("count")).toList();
        List<EvaluationRow> hotspot = rows.stream().filter(r -> r.kind().equals("hotspot")).toList();
        if (!count.isEmpty()) {
            page.heading("Count forecasters").table(EvaluationReport.COUNT_TABLE.stream().map(EvaluationReport.Column::name).toList(), EvaluationReport.cells(count, EvaluationReport.COUNT_TABLE));
            List<String> origins = count.stream().filter(r -> !r.isSummary()).map(EvaluationRow::origin).distinct().toList();
            page.lineChart("RMSE per test period (first test day)", "RMSE", origins, count.stream().filter(r -> !r.isSummary())
                    .map(EvaluationRow::name).distinct().map(name -> new HtmlReport.Series(name, count.stream()
                            .filter(r -> !r.isSummary() && r.name().equals(name))
                            .map(r -> new double[]{origins.indexOf(r.origin()), r.rmse()}).toList())).toList());
        }
        if (!hotspot.isEmpty()) {
            page.heading("Hotspot rankings").table(EvaluationReport.HOTSPOT_TABLE.stream().map(EvaluationReport.Column::name).toList(), EvaluationReport.cells(hotspot, EvaluationReport.HOTSPOT_TABLE));
            boolean pooled = hotspot.stream().anyMatch(EvaluationRow::isSummary);
            List<EvaluationRow> shown = hotspot.stream().filter(r -> r.isSummary() == pooled).toList();
            EvaluationRow first = shown.get(0);
            List<String> areas = first.flagged() == null ? List.of("1%", "5%", "10%")
                    : first.flagged().stream().map(f -> "%d cells (%.1f%%)".formatted(f.cells(), f.share() * 100)).toList();
            page.lineChart("Hit rate against the cells flagged" + (pooled ? " (pooled over the origins)" : ""), "hit rate", areas,
                    shown.stream().map(r -> new HtmlReport.Series(r.name() + (pooled ? "" : " " + r.origin()), List.of(
                            new double[]{0, r.ranking().hit1()}, new double[]{1, r.ranking().hit5()}, new double[]{2, r.ranking().hit10()}))).toList());
        }
        perDayAndPerCell(result, grid, page);
        page.write(file, "CrimeCast evaluation");
    }

    /** The network validation selected (else the first model) beside the best baseline: per test day, and per cell. */
    private static void perDayAndPerCell(RollingEvaluation.Result result, Grid grid, HtmlReport page) {
        if (result.perOrigin().isEmpty() || result.perOrigin().get(0).isEmpty()) {
            return;
        }
        List<CountEvaluation.Scored> first = result.perOrigin().get(0);
        String model = first.stream().map(s -> s.row().name()).filter(EvaluationRow.SELECTED::equals).findFirst()
                .orElse(first.get(first.size() - 1).row().name());
        // the baseline each network was compared with: the strongest over all test days
        String baseline = result.rows().stream().map(EvaluationRow::versus).filter(Objects::nonNull)
                .filter(v -> v.metric() == BaselineComparison.Metric.MSE).map(BaselineComparison::baseline)
                .findFirst().orElse(first.get(0).row().name());
        List<String> days = new ArrayList<>();
        List<double[]> actual = new ArrayList<>();
        List<double[]> predicted = new ArrayList<>();
        List<double[]> base = new ArrayList<>();
        double[] cellMse = new double[grid.cellCount()];
        int testDays = 0;
        for (List<CountEvaluation.Scored> origin : result.perOrigin()) {
            CountEvaluation.Scored m = find(origin, model);
            CountEvaluation.Scored b = find(origin, baseline);
            LocalDate from = LocalDate.parse(m.row().origin());
            for (int d = 0; d < m.predictedPerDay().length; d++) {
                int x = days.size();
                days.add(from.plusDays(d).toString());
                actual.add(new double[]{x, m.actualPerDay()[d]});
                predicted.add(new double[]{x, m.predictedPerDay()[d]});
                base.add(new double[]{x, b.predictedPerDay()[d]});
            }
            for (int c = 0; c < cellMse.length; c++) {
                cellMse[c] += m.cellRmse()[c] * m.cellRmse()[c] * m.predictedPerDay().length;
            }
            testDays += m.predictedPerDay().length;
        }
        page.heading("Per day and per cell");
        page.lineChart("Incidents per day over the whole grid: what happened, " + model + " and " + baseline, "incidents", days,
                List.of(new HtmlReport.Series("actual", actual), new HtmlReport.Series(model, predicted), new HtmlReport.Series(baseline, base)));
        for (int c = 0; c < cellMse.length; c++) {
            cellMse[c] = Math.sqrt(cellMse[c] / testDays);
        }
        page.cellMap("RMSE of " + model + " per cell over the test days, on the grid (north up)", grid.rows(), grid.cols(), cellMse);
    }

    private static CountEvaluation.Scored find(List<CountEvaluation.Scored> origin, String name) {
        return origin.stream().filter(s -> s.row().name().equals(name)).findFirst().orElseThrow();
    }
}

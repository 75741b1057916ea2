package io.crimecast.eval;

import io.crimecast.metrics.CountMetrics;
import io.crimecast.metrics.EvaluationRow;
import io.crimecast.metrics.EvaluationRow.NetworkFit;
import io.crimecast.metrics.EvaluationRow.RankingScores;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.crimecast.topics.JsonSerde;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The evaluation tables: printed (count and hotspot rows apart), and written as evaluation.json and evaluation.csv. */
public final class EvaluationReport {
    record Column(String name, Function<EvaluationRow, Object> value) {
    }

    private static final List<Column> CSV = List.of(
            new Column("name", EvaluationRow::name), new Column("kind", EvaluationRow::kind),
            new Column("mse", EvaluationRow::mse), new Column("rmse", EvaluationRow::rmse), new Column("mae", EvaluationRow::mae),
            new Column("mse_bins10", r -> errors(r.bins10(), CountMetrics::mse)), new Column("rmse_bins10", r -> errors(r.bins10(), CountMetrics::rmse)),
            new Column("mae_bins10", r -> errors(r.bins10(), CountMetrics::mae)),
            new Column("mse_bins5", r -> errors(r.bins5(), CountMetrics::mse)), new Column("rmse_bins5", r -> errors(r.bins5(), CountMetrics::rmse)),
            new Column("mae_bins5", r -> errors(r.bins5(), CountMetrics::mae)),
            new Column("auc", r -> ranking(r, RankingScores::auc)), new Column("hit1", r -> ranking(r, RankingScores::hit1)), new Column("hit5", r -> ranking(r, RankingScores::hit5)),
            new Column("hit10", r -> ranking(r, RankingScores::hit10)), new Column("pai1", r -> ranking(r, RankingScores::pai1)), new Column("pai5", r -> ranking(r, RankingScores::pai5)),
            new Column("pai10", r -> ranking(r, RankingScores::pai10)), new Column("pei1", r -> ranking(r, RankingScores::pei1)), new Column("pei5", r -> ranking(r, RankingScores::pei5)),
            new Column("pei10", r -> ranking(r, RankingScores::pei10)), new Column("train_seconds", r -> fit(r, NetworkFit::trainSeconds)),
            new Column("epochs", r -> fit(r, NetworkFit::epochs)),
            new Column("origin", EvaluationRow::origin), new Column("test_days", EvaluationRow::testDays),
            new Column("mse_active", r -> r.active() == null ? null : r.active().mse()),
            new Column("rmse_active", r -> r.active() == null ? null : r.active().rmse()),
            new Column("mae_active", r -> r.active() == null ? null : r.active().mae()),
            new Column("pai1_label", r -> paiLabel(r, 0)), new Column("pai5_label", r -> paiLabel(r, 1)),
            new Column("pai10_label", r -> paiLabel(r, 2)),
            new Column("window", r -> fit(r, NetworkFit::window)), new Column("validation_rmse", r -> fit(r, NetworkFit::validationRmse)),
            new Column("picked", r -> fit(r, NetworkFit::picked)), new Column("settings", r -> fit(r, NetworkFit::settings)),
            new Column("spread_metric", r -> r.spread() == null ? null : r.spread().metric()),
            new Column("spread_min", r -> r.spread() == null ? null : r.spread().min()),
            new Column("spread_max", r -> r.spread() == null ? null : r.spread().max()),
            new Column("spread_sd", r -> r.spread() == null ? null : r.spread().sd()),
            new Column("versus", r -> r.versus() == null ? null : r.versus().baseline()),
            new Column("versus_metric", r -> r.versus() == null ? null : r.versus().metric()),
            new Column("diff", r -> r.versus() == null ? null : r.versus().difference()),
            new Column("diff_low", r -> r.versus() == null ? null : r.versus().low()),
            new Column("diff_high", r -> r.versus() == null ? null : r.versus().high()),
            new Column("win_share", r -> r.versus() == null ? null : r.versus().winShare()));

    static final List<Column> COUNT_TABLE = List.of(
            new Column("name", EvaluationRow::name), new Column("origin", EvaluationRow::origin),
            new Column("rmse", EvaluationRow::rmse), new Column("mae", EvaluationRow::mae),
            new Column("rmse_active", r -> errors(r.active(), CountMetrics::rmse)), new Column("mae_active", r -> errors(r.active(), CountMetrics::mae)),
            new Column("rmse_bins10", r -> errors(r.bins10(), CountMetrics::rmse)), new Column("rmse_bins5", r -> errors(r.bins5(), CountMetrics::rmse)),
            new Column("rmse_min..max", r -> r.spread() == null ? null : "%.3f..%.3f".formatted(r.spread().min(), r.spread().max())),
            new Column("window", r -> r.fit() == null ? null : r.fit().picked() != null ? r.fit().picked() : r.fit().window()),
            new Column("val_rmse", r -> fit(r, NetworkFit::validationRmse)), new Column("epochs", r -> fit(r, NetworkFit::epochs)),
            new Column("train_s", r -> fit(r, NetworkFit::trainSeconds)),
            new Column("mse_diff_vs_best_baseline[95%]", r -> versus(r, "%+.3f [%+.3f, %+.3f]%s")),
            new Column("origins_won", EvaluationReport::originsWon));

    static final List<Column> HOTSPOT_TABLE = List.of(
            new Column("name", EvaluationRow::name), new Column("origin", EvaluationRow::origin),
            new Column("auc", r -> ranking(r, RankingScores::auc)),
            new Column("auc_min..max", r -> r.spread() == null ? null : "%.4f..%.4f".formatted(r.spread().min(), r.spread().max())),
            new Column("pai_1%", r -> pai(r, 0, r.ranking().pai1())), new Column("pai_5%", r -> pai(r, 1, r.ranking().pai5())),
            new Column("pai_10%", r -> pai(r, 2, r.ranking().pai10())), new Column("hit5", r -> ranking(r, RankingScores::hit5)),
            new Column("pei5", r -> ranking(r, RankingScores::pei5)), new Column("rmse", EvaluationRow::rmse),
            new Column("epochs", r -> fit(r, NetworkFit::epochs)), new Column("train_s", r -> fit(r, NetworkFit::trainSeconds)),
            new Column("auc_diff_vs_best_baseline[95%]", r -> versus(r, "%+.4f [%+.4f, %+.4f]%s")),
            new Column("origins_won", EvaluationReport::originsWon));

    private EvaluationReport() {
    }

    public static void print(List<EvaluationRow> rows, PrintStream out) {
        printTable(rows.stream().filter(r -> r.kind().equals("count")).toList(), COUNT_TABLE, out);
        printTable(rows.stream().filter(r -> r.kind().equals("hotspot")).toList(), HOTSPOT_TABLE, out);
    }

    private static void printTable(List<EvaluationRow> rows, List<Column> columns, PrintStream out) {
        if (rows.isEmpty()) {
            return;
        }
        List<List<String>> cells = rows.stream().map(r -> columns.stream().map(c -> format(c.value().apply(r))).toList()).toList();
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            int column = i;
            widths[i] = Math.max(columns.get(i).name().length(), cells.stream().mapToInt(row -> row.get(column).length()).max().orElse(0));
        }
        out.println(line(columns.stream().map(Column::name).toList(), widths));
        cells.forEach(row -> out.println(line(row, widths)));
        out.println();
    }

    public static void write(List<EvaluationRow> rows, Path dir) {
        try {
            Files.createDirectories(dir);
            JsonSerde.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("evaluation.json").toFile(), rows);
            StringBuilder csv = new StringBuilder(CSV.stream().map(Column::name).collect(Collectors.joining(","))).append('\n');
            for (EvaluationRow row : rows) {
                csv.append(CSV.stream().map(c -> format(c.value().apply(row))).collect(Collectors.joining(","))).append('\n');
            }
            Files.writeString(dir.resolve("evaluation.csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evaluation to " + dir, e);
        }
    }

    static List<List<String>> cells(List<EvaluationRow> rows, List<Column> columns) {
        return rows.stream().map(r -> columns.stream().map(c -> format(c.value().apply(r))).toList()).toList();
    }

    private static Object errors(CountMetrics m, Function<CountMetrics, Double> figure) {
        return m == null ? null : figure.apply(m);
    }

    private static Object ranking(EvaluationRow r, Function<RankingScores, Double> figure) {
        return r.ranking() == null ? null : figure.apply(r.ranking());
    }

    private static Object fit(EvaluationRow r, Function<NetworkFit, ?> figure) {
        return r.fit() == null ? null : figure.apply(r.fit());
    }

    /** The difference from the best baseline, its interval, and "beats" only when the interval excludes zero. */
    private static String versus(EvaluationRow r, String format) {
        return r.versus() == null ? null
                : format.formatted(r.versus().difference(), r.versus().low(), r.versus().high(), r.versus().beats() ? " beats" : "");
    }

    private static String originsWon(EvaluationRow r) {
        return r.versus() == null ? null : "%.0f%% of %d".formatted(r.versus().winShare() * 100, r.versus().origins());
    }

    private static String paiLabel(EvaluationRow r, int area) {
        return r.flagged() == null ? null : r.flagged().get(area).label();
    }

    /** "4.12 @1cell(3.8%)": the value with what was really flagged. */
    private static String pai(EvaluationRow r, int area, Double value) {
        return r.flagged() == null ? format(value) : "%.2f @%s".formatted(value, paiLabel(r, area).substring("pai@".length()));
    }

    static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.4f", d);
        }
        return v.toString();
    }

    private static String line(List<String> values, int[] widths) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            s.append(String.format("%-" + widths[i] + "s", values.get(i))).append(i + 1 < values.size() ? "  " : "");
        }
        return s.toString().stripTrailing();
    }
}

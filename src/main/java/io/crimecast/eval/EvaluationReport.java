package io.crimecast.eval;

import io.crimecast.metrics.EvaluationRow;
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
    private record Column(String name, Function<EvaluationRow, Object> value) {
    }

    private static final List<Column> CSV = List.of(
            new Column("name", EvaluationRow::name), new Column("kind", EvaluationRow::kind),
            new Column("mse", EvaluationRow::mse), new Column("rmse", EvaluationRow::rmse), new Column("mae", EvaluationRow::mae),
            new Column("mse_bins10", EvaluationRow::mseBins10), new Column("rmse_bins10", EvaluationRow::rmseBins10),
            new Column("mae_bins10", EvaluationRow::maeBins10),
            new Column("mse_bins5", EvaluationRow::mseBins5), new Column("rmse_bins5", EvaluationRow::rmseBins5),
            new Column("mae_bins5", EvaluationRow::maeBins5),
            new Column("auc", EvaluationRow::auc), new Column("hit1", EvaluationRow::hit1), new Column("hit5", EvaluationRow::hit5),
            new Column("hit10", EvaluationRow::hit10), new Column("pai1", EvaluationRow::pai1), new Column("pai5", EvaluationRow::pai5),
            new Column("pai10", EvaluationRow::pai10), new Column("pei1", EvaluationRow::pei1), new Column("pei5", EvaluationRow::pei5),
            new Column("pei10", EvaluationRow::pei10), new Column("train_seconds", EvaluationRow::trainSeconds),
            new Column("epochs", EvaluationRow::epochs),
            new Column("origin", EvaluationRow::origin), new Column("test_days", EvaluationRow::testDays),
            new Column("mse_active", r -> r.active() == null ? null : r.active().mse()),
            new Column("rmse_active", r -> r.active() == null ? null : r.active().rmse()),
            new Column("mae_active", r -> r.active() == null ? null : r.active().mae()),
            new Column("pai1_label", r -> paiLabel(r, 0)), new Column("pai5_label", r -> paiLabel(r, 1)),
            new Column("pai10_label", r -> paiLabel(r, 2)),
            new Column("window", EvaluationRow::window), new Column("validation_rmse", EvaluationRow::validationRmse),
            new Column("picked", EvaluationRow::picked),
            new Column("spread_metric", r -> r.spread() == null ? null : r.spread().metric()),
            new Column("spread_min", r -> r.spread() == null ? null : r.spread().min()),
            new Column("spread_max", r -> r.spread() == null ? null : r.spread().max()),
            new Column("spread_sd", r -> r.spread() == null ? null : r.spread().sd()),
            new Column("versus", r -> r.versus() == null ? null : r.versus().baseline()),
            new Column("mse_diff", r -> r.versus() == null ? null : r.versus().mseDifference()),
            new Column("mse_diff_low", r -> r.versus() == null ? null : r.versus().low()),
            new Column("mse_diff_high", r -> r.versus() == null ? null : r.versus().high()),
            new Column("win_share", r -> r.versus() == null ? null : r.versus().winShare()));

    private static final List<Column> COUNT_TABLE = List.of(
            new Column("name", EvaluationRow::name), new Column("origin", EvaluationRow::origin),
            new Column("rmse", EvaluationRow::rmse), new Column("mae", EvaluationRow::mae),
            new Column("rmse_active", r -> r.active().rmse()), new Column("mae_active", r -> r.active().mae()),
            new Column("rmse_bins10", EvaluationRow::rmseBins10), new Column("rmse_bins5", EvaluationRow::rmseBins5),
            new Column("rmse_min..max", r -> r.spread() == null ? null : "%.3f..%.3f".formatted(r.spread().min(), r.spread().max())),
            new Column("window", r -> r.picked() != null ? r.picked() : r.window()),
            new Column("val_rmse", EvaluationRow::validationRmse), new Column("epochs", EvaluationRow::epochs),
            new Column("train_s", EvaluationRow::trainSeconds),
            new Column("mse_diff_vs_best_baseline[95%]", r -> r.versus() == null ? null : "%+.3f [%+.3f, %+.3f]%s".formatted(
                    r.versus().mseDifference(), r.versus().low(), r.versus().high(), r.versus().beats() ? " beats" : "")),
            new Column("origins_won", r -> r.versus() == null ? null : "%.0f%% of %d".formatted(r.versus().winShare() * 100, r.versus().origins())));

    private static final List<Column> HOTSPOT_TABLE = List.of(
            new Column("name", EvaluationRow::name), new Column("origin", EvaluationRow::origin),
            new Column("auc", EvaluationRow::auc),
            new Column("auc_min..max", r -> r.spread() == null ? null : "%.4f..%.4f".formatted(r.spread().min(), r.spread().max())),
            new Column("pai_1%", r -> pai(r, 0, r.pai1())), new Column("pai_5%", r -> pai(r, 1, r.pai5())),
            new Column("pai_10%", r -> pai(r, 2, r.pai10())), new Column("hit5", EvaluationRow::hit5),
            new Column("pei5", EvaluationRow::pei5), new Column("rmse", EvaluationRow::rmse),
            new Column("epochs", EvaluationRow::epochs), new Column("train_s", EvaluationRow::trainSeconds));

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

    private static String paiLabel(EvaluationRow r, int area) {
        return r.flagged() == null ? null : r.flagged().get(area).label();
    }

    /** "4.12 @1cell(3.8%)": the value with what was really flagged. */
    private static String pai(EvaluationRow r, int area, Double value) {
        return r.flagged() == null ? format(value) : "%.2f @%s".formatted(value, paiLabel(r, area).substring("pai@".length()));
    }

    private static String format(Object v) {
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

package io.crimecast.eval;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.crimecast.stream.JsonSerde;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The evaluation table: printed, and written as evaluation.json and evaluation.csv. */
public final class EvaluationReport {
    private record Column(String name, Function<EvaluationRow, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
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
            new Column("epochs", EvaluationRow::epochs));

    private EvaluationReport() {
    }

    public static void print(List<EvaluationRow> rows, PrintStream out) {
        out.println(COLUMNS.stream().map(c -> pad(c.name(), c)).collect(Collectors.joining(" ")));
        for (EvaluationRow row : rows) {
            out.println(COLUMNS.stream().map(c -> pad(format(c.value().apply(row)), c)).collect(Collectors.joining(" ")));
        }
    }

    public static void write(List<EvaluationRow> rows, Path dir) {
        try {
            Files.createDirectories(dir);
            JsonSerde.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("evaluation.json").toFile(), rows);
            StringBuilder csv = new StringBuilder(COLUMNS.stream().map(Column::name).collect(Collectors.joining(","))).append('\n');
            for (EvaluationRow row : rows) {
                csv.append(COLUMNS.stream().map(c -> format(c.value().apply(row))).collect(Collectors.joining(","))).append('\n');
            }
            Files.writeString(dir.resolve("evaluation.csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evaluation to " + dir, e);
        }
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

    private static String pad(String s, Column c) {
        int width = c.name().equals("name") ? 26 : Math.max(c.name().length(), 7);
        return String.format("%-" + width + "s", s);
    }
}

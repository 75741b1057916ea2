package io.crimecast.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML page (no scripts, no outside files): tables and SVG line charts, for `evaluate --report`.
 * Escapes every text it is given.
 */
public final class HtmlReport {
    private static final String[] COLOURS = {"#1b6ca8", "#d1495b", "#edae49", "#00798c", "#6a4c93", "#30638e", "#8d6a9f", "#3d9970",
            "#ff851b", "#111111"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 320;
    private static final int MARGIN = 48;

    private final StringBuilder body = new StringBuilder();

    /** One line of a chart: (x, y) points in order; NaN y values are left out. */
    public record Series(String name, List<double[]> points) {
    }

    public HtmlReport heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    public HtmlReport table(List<String> header, List<List<String>> rows) {
        body.append("<table><tr>");
        header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
        body.append("</tr>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            row.forEach(v -> body.append("<td>").append(escape(v)).append("</td>"));
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** A line chart with its own axes scaled to the data; the x labels are the given ones, at x = 0, 1, 2, ... */
    public HtmlReport lineChart(String title, String yLabel, List<String> xLabels, List<Series> series) {
        double maxY = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[1]).filter(Double::isFinite).max().orElse(1);
        double top = maxY <= 0 ? 1 : maxY * 1.1;
        double maxX = Math.max(1, xLabels.size() - 1);
        StringBuilder svg = new StringBuilder("<figure><figcaption>").append(escape(title)).append("</figcaption>\n")
                .append("<svg width=\"").append(WIDTH + 200).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\">\n");
        int plotW = WIDTH - 2 * MARGIN;
        int plotH = HEIGHT - 2 * MARGIN;
        svg.append(line(MARGIN, HEIGHT - MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN)).append(line(MARGIN, MARGIN, MARGIN, HEIGHT - MARGIN));
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            double y = HEIGHT - MARGIN - plotH * i / 4.0;
            svg.append(text(MARGIN - 6, y + 4, "end", format(v)));
        }
        svg.append(text(12, MARGIN - 14, "start", yLabel));
        int every = Math.max(1, (int) Math.ceil(xLabels.size() / 8.0)); // at most about 8 labels
        for (int i = 0; i < xLabels.size(); i += every) {
            svg.append(text(MARGIN + plotW * i / maxX, HEIGHT - MARGIN + 18, "middle", xLabels.get(i)));
        }
        for (int s = 0; s < series.size(); s++) {
            String colour = COLOURS[s % COLOURS.length];
            StringBuilder path = new StringBuilder();
            for (double[] p : series.get(s).points()) {
                if (!Double.isFinite(p[1])) {
                    continue;
                }
                double x = MARGIN + plotW * p[0] / maxX;
                double y = HEIGHT - MARGIN - plotH * p[1] / top;
                path.append(path.isEmpty() ? "M" : " L").append(format(x)).append(' ').append(format(y));
                svg.append("<circle cx=\"").append(format(x)).append("\" cy=\"").append(format(y)).append("\" r=\"3\" fill=\"")
                        .append(colour).append("\"/>");
            }
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\"/>\n");
            svg.append("<rect x=\"").append(WIDTH + 4).append("\" y=\"").append(MARGIN + 16 * s - 9).append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(colour).append("\"/>").append(text(WIDTH + 18, MARGIN + 16 * s, "start", series.get(s).name()));
        }
        body.append(svg).append("</svg></figure>\n");
        return this;
    }

    /**
     * Grid cells as squares, row 0 at the bottom as on the map, shaded by value (darker is larger), with the scale.
     * Cells of value 0 are the white background, so a fine grid's page grows with the cells that hold something.
     */
    public HtmlReport cellMap(String title, int rows, int cols, double[] values) {
        double max = java.util.Arrays.stream(values).filter(Double::isFinite).max().orElse(1);
        int size = Math.max(2, Math.min(24, 480 / Math.max(rows, cols)));
        StringBuilder svg = new StringBuilder("<figure><figcaption>").append(escape(title)).append("</figcaption>\n<svg width=\"")
                .append(cols * size + 160).append("\" height=\"").append(rows * size + 4).append("\" role=\"img\">\n")
                .append("<rect x=\"0\" y=\"0\" width=\"").append(cols * size).append("\" height=\"").append(rows * size)
                .append("\" fill=\"#fff\" stroke=\"#999\"/>\n");
        for (int c = 0; c < values.length; c++) {
            if (values[c] == 0) {
                continue;
            }
            int row = c / cols;
            int col = c % cols;
            double share = max > 0 && Double.isFinite(values[c]) ? values[c] / max : 0;
            int shade = (int) Math.round(255 * (1 - share));
            svg.append("<rect x=\"").append(col * size).append("\" y=\"").append((rows - 1 - row) * size).append("\" width=\"").append(size)
                    .append("\" height=\"").append(size).append("\" fill=\"rgb(255,").append(shade).append(',').append(shade)
                    .append(")\" stroke=\"#ddd\"><title>cell ").append(c).append(": ").append(format(values[c])).append("</title></rect>");
        }
        svg.append(text(cols * size + 8, 14, "start", "white 0, red " + format(max)));
        body.append(svg).append("</svg></figure>\n");
        return this;
    }

    public void write(Path file, String title) {
        String page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>\n"
                + "<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}"
                + "td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px;text-align:right}th{background:#f2f2f2}"
                + "figure{margin:1em 0}figcaption{font-weight:bold;margin-bottom:4px}svg text{font-size:11px}</style>\n"
                + "</head><body>\n<h1>" + escape(title) + "</h1>\n" + body + "</body></html>\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, page);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file, e);
        }
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#888\"/>".formatted(format(x1), format(y1), format(x2), format(y2));
    }

    private static String text(double x, double y, String anchor, String text) {
        return "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\">%s</text>".formatted(format(x), format(y), anchor, escape(text));
    }

    public static String format(double v) {
        return Math.abs(v) >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package io.crimecast.forecast;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.crimecast.eval.HtmlReport;
import io.crimecast.topics.JsonSerde;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The NIJ protocol's table (per flag budget: layer x horizon rows, a column per model, mean PAI and PEI* over the
 * windows), the target for the network (mean PAI over layers x horizons at least 1.2x the best trailing-count
 * baseline's, and no layer x horizon below it), and evaluation.json.
 */
public final class NijReport {
    static final double TARGET_RATIO = 1.2;
    private static final String TRAILING = "trailing-";

    private NijReport() {
    }

    /**
     * How the network did against the best trailing-count baseline of each layer x horizon, over one budget, and how far
     * hindsight could go: the best possible map's mean PAI, and in how many layer x horizons even it stays below the
     * target's multiple of the best trailing count (there the target is out of any forecast's reach).
     */
    public record Target(String flagArea, double networkMeanPai, double bestTrailingMeanPai, int cellsBelow, int cellsCompared,
                         double bestPossibleMeanPai, int cellsOutOfReach) {
        public double ratio() {
            return networkMeanPai / bestTrailingMeanPai;
        }

        public double bestPossibleRatio() {
            return bestPossibleMeanPai / bestTrailingMeanPai;
        }

        public boolean met() {
            return ratio() >= TARGET_RATIO && cellsBelow == 0;
        }
    }

    public static void print(List<NijScore> scores, String network, PrintStream out) {
        List<NijScore> means = scores.stream().filter(s -> s.window().equals(NijScore.MEAN)).toList();
        List<String> models = means.stream().map(NijScore::model).distinct().toList();
        for (String flagArea : means.stream().map(NijScore::flagArea).distinct().toList()) {
            out.printf("%nflag budget %s: mean PAI (PEI*) over the windows%n", flagArea);
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-16s %4s", "layer", "days"));
            models.forEach(m -> header.append(String.format(Locale.ROOT, " %16s", m)));
            out.println(header);
            for (NijScore first : means.stream().filter(s -> s.flagArea().equals(flagArea) && s.model().equals(models.get(0))).toList()) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-16s %4d", first.layer(), first.horizonDays()));
                for (String m : models) {
                    NijScore s = find(means, m, first.layer(), first.horizonDays(), flagArea).orElseThrow();
                    line.append(String.format(Locale.ROOT, " %8.1f (%.2f)", s.pai(), s.pei()));
                }
                out.println(line);
            }
            if (models.contains(network)) {
                Target t = target(scores, network, flagArea);
                out.printf(Locale.ROOT, "%s: mean PAI %.2f over %d layer x horizon, best trailing-count baseline %.2f (x%.2f, target x%.1f);"
                                + " below it in %d of %d; target %s%n", network, t.networkMeanPai(), t.cellsCompared(), t.bestTrailingMeanPai(),
                        t.ratio(), TARGET_RATIO, t.cellsBelow(), t.cellsCompared(), t.met() ? "met" : "not met");
                out.printf(Locale.ROOT, "%s (hindsight): mean PAI %.2f (x%.2f of the best trailing count); below x%.1f of it in %d of %d%n",
                        NijEvaluation.BEST_POSSIBLE, t.bestPossibleMeanPai(), t.bestPossibleRatio(), TARGET_RATIO, t.cellsOutOfReach(), t.cellsCompared());
            }
        }
    }

    /** The network against, in each layer x horizon, the trailing-count baseline with the highest mean PAI there. */
    public static Target target(List<NijScore> scores, String network, String flagArea) {
        List<NijScore> means = scores.stream().filter(s -> s.window().equals(NijScore.MEAN) && s.flagArea().equals(flagArea)).toList();
        double net = 0, trailing = 0, hindsight = 0;
        int below = 0, outOfReach = 0, n = 0;
        for (NijScore s : means.stream().filter(s -> s.model().equals(network) && !Double.isNaN(s.pai())).toList()) {
            double best = highestPai(means, s, b -> b.startsWith(TRAILING));
            if (Double.isNaN(best)) {
                continue;
            }
            double possible = highestPai(means, s, NijEvaluation.BEST_POSSIBLE::equals);
            net += s.pai();
            trailing += best;
            hindsight += possible;
            below += s.pai() < best ? 1 : 0;
            outOfReach += possible < TARGET_RATIO * best ? 1 : 0;
            n++;
        }
        return new Target(flagArea, net / n, trailing / n, below, n, hindsight / n, outOfReach);
    }

    /** The highest mean PAI among the models named so in the layer x horizon of {@code row}; NaN if none scored. */
    private static double highestPai(List<NijScore> means, NijScore row, Predicate<String> model) {
        return means.stream().filter(b -> model.test(b.model()) && b.layer().equals(row.layer()) && b.horizonDays() == row.horizonDays()
                && !Double.isNaN(b.pai())).mapToDouble(NijScore::pai).max().orElse(Double.NaN);
    }

    public static void write(List<NijScore> scores, Path dir) {
        try {
            Files.createDirectories(dir);
            JsonSerde.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("evaluation.json").toFile(), scores);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("evaluation.json") + ": " + e.getMessage(), e);
        }
    }

    /** Mean PAI by horizon, a chart per layer and flag budget with a line per model, and the target check, as an HTML page. */
    public static void html(List<NijScore> scores, String network, Path file) {
        HtmlReport page = new HtmlReport();
        List<NijScore> means = scores.stream().filter(s -> NijScore.MEAN.equals(s.window())).toList();
        for (String flagArea : means.stream().map(NijScore::flagArea).distinct().toList()) {
            page.heading("Flag budget " + flagArea);
            if (means.stream().anyMatch(s -> s.model().equals(network))) {
                Target t = target(scores, network, flagArea);
                page.paragraph("Target (mean PAI at least %.1fx the best trailing-count baseline of each layer x horizon, below it nowhere): %s;"
                        .formatted(TARGET_RATIO, t.met() ? "met" : "not met") + " %s mean PAI %.1f against %.1f (x%.2f), below it in %d of %d."
                        .formatted(network, t.networkMeanPai(), t.bestTrailingMeanPai(), t.ratio(), t.cellsBelow(), t.cellsCompared())
                        + " With hindsight (%s, the cells with the most incidents) mean PAI %.1f (x%.2f); below %.1fx the best trailing count in %d of %d."
                        .formatted(NijEvaluation.BEST_POSSIBLE, t.bestPossibleMeanPai(), t.bestPossibleRatio(), TARGET_RATIO, t.cellsOutOfReach(), t.cellsCompared()));
            }
            for (String layer : means.stream().map(NijScore::layer).distinct().toList()) {
                List<Integer> horizons = means.stream().filter(s -> s.layer().equals(layer)).map(NijScore::horizonDays).distinct().sorted().toList();
                page.lineChart("%s: mean PAI by horizon, %s".formatted(layer, flagArea), "PAI",
                        horizons.stream().map(h -> h + " days").toList(),
                        means.stream().map(NijScore::model).distinct().map(model -> new HtmlReport.Series(model, horizons.stream()
                                .map(h -> new double[]{horizons.indexOf(h), find(means, model, layer, h, flagArea).map(NijScore::pai).orElse(Double.NaN)})
                                .toList())).toList());
            }
        }
        page.write(file, "CrimeCast: the NIJ protocol");
    }

    private static Optional<NijScore> find(List<NijScore> means, String model, String layer, int horizon, String flagArea) {
        return means.stream().filter(s -> s.model().equals(model) && s.layer().equals(layer) && s.horizonDays() == horizon
                && s.flagArea().equals(flagArea)).findFirst();
    }
}

package io.crimecast.audit;

import io.crimecast.eval.HtmlReport;
import io.crimecast.grid.Grid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** audit.html: the audit's figures as tables, each feedback run's weekly overlap with the plain run, and where the flags fell. */
public final class AuditPage {
    private AuditPage() {
    }

    public static void write(Audit.Result result, Grid grid, Path file) {
        AuditReport r = result.report();
        HtmlReport page = new HtmlReport();
        page.paragraph("%s, %s, %s to %s: each day the best %d cells (%s sq mi of %d study cells) by the last %d days' counts."
                .formatted(r.region(), r.categories().isEmpty() ? "all incidents" : String.join(", ", r.categories()), r.from(), r.to(),
                        r.budgetCells(), HtmlReport.format(r.budgetSqMi()), r.studyCells(), r.lookbackDays()));
        Concentration c = r.concentration();
        page.heading("Concentration").table(List.of("Gini of flagged days", "top 1% of cells hold", "top 10% hold", "incidents in flagged cells",
                        "their share of the area", "PAI"),
                List.of(List.of(f(c.gini()), pct(c.top1PercentShare()), pct(c.top10PercentShare()), pct(c.incidentShare()),
                        pct(c.areaShare()), f(c.pai()))));
        Persistence p = r.persistence();
        page.heading("Persistence").table(List.of("distinct cells flagged", "mean run (days)", "median run (days)", "daily turnover"),
                List.of(List.of(Integer.toString(p.distinctCells()), f(p.meanRunDays()), f(p.medianRunDays()), pct(p.meanTurnover()))));
        if (!r.districts().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (DistrictShare d : r.districts()) {
                rows.add(List.of(d.district(), Integer.toString(d.cells()), pct(d.flaggedShare()), pct(d.incidentShare()), pct(d.cellShare()),
                        d.incidentShare() > 0 ? f(d.flaggedShare() / d.incidentShare()) : "-"));
            }
            page.heading("Districts").table(List.of("district", "cells", "flagged cell-days", "incidents", "cells (share)",
                    "flags per share of incidents"), rows);
        }
        page.heading("Feedback").paragraph("Patrols in flagged cells discover extra incidents (Poisson, rate x the cell's forecast), counted"
                + " back; the corrected runs keep each officer-initiated incident found in a flagged cell with the weight's probability."
                + " 1 = the same cells as without feedback.");
        List<HtmlReport.Series> series = new ArrayList<>();
        int weeks = 0;
        for (Drift d : r.feedback()) {
            List<double[]> points = new ArrayList<>();
            for (int w = 0; w < d.weeklyJaccard().size(); w++) {
                points.add(new double[]{w, d.weeklyJaccard().get(w)});
            }
            weeks = Math.max(weeks, points.size());
            series.add(new HtmlReport.Series("+%s%%, weight %s".formatted(HtmlReport.format(100 * d.rate()), HtmlReport.format(d.weight())), points));
        }
        List<String> weekLabels = new ArrayList<>();
        for (int w = 1; w <= weeks; w++) {
            weekLabels.add("w" + w);
        }
        page.lineChart("Mean daily Jaccard overlap with the plain run, by week", "overlap", weekLabels, series);
        double[] flagged = new double[grid.cellCount()];
        for (int cell = 0; cell < flagged.length; cell++) {
            flagged[cell] = result.flaggedDays()[cell];
        }
        page.cellMap("Days each cell was flagged (plain run)", grid.rows(), grid.cols(), flagged);
        page.write(file, "CrimeCast audit");
    }

    private static String f(double v) {
        return HtmlReport.format(v);
    }

    private static String pct(double share) {
        return HtmlReport.format(100 * share) + "%";
    }
}

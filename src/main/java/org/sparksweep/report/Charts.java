package org.sparksweep.report;

import static org.sparksweep.report.Html.num;
import static org.sparksweep.report.Html.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sparksweep.report.SweepReport.ObjectiveAxis;
import org.sparksweep.report.SweepReport.ParamAxis;
import org.sparksweep.trial.Direction;
import org.sparksweep.store.Columns;

/**
 * The report's charts as inline SVG drawn here, so the report needs no chart library and no
 * network: objective over trial order with the running best, parallel coordinates, one marginal
 * plot per hyperparameter, and the Pareto front of two objectives. Every label and tooltip goes
 * through {@link Html#text}.
 */
final class Charts {
    private static final String[] RAMP = {"#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"};
    private static final String FAILED = "#c0392b";
    private static final String INACTIVE = "(inactive)";

    private Charts() {}

    /** Objective of every completed trial in trial order, failures marked on the axis, and the best so far as a step line. */
    static String objectiveOverTrials(SweepReport report) {
        ObjectiveAxis obj = report.objective();
        int w = 760, h = 320, left = 64, right = 16, top = 16, bottom = 44;
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (Map<String, Object> r : report.rows()) {
            xs.add(SweepReport.number(r, Columns.TRIAL_INDEX));
            ys.add(SweepReport.number(r, obj.column()));
        }
        AxisScale x = AxisScale.fit(xs, left, w - right, false);
        AxisScale y = AxisScale.fit(ys, h - bottom, top, true);
        StringBuilder sb = svg("objective-chart", w, h, "objective over trial order with the running best");
        axes(sb, x, y, left, w - right, top, h - bottom, "trial index", obj.label());
        StringBuilder best = new StringBuilder();
        Double bestSoFar = null;
        for (Map<String, Object> r : report.rows()) {
            Double xi = SweepReport.number(r, Columns.TRIAL_INDEX);
            if (xi == null) continue;
            Double v = SweepReport.number(r, obj.column());
            if (v == null || !"COMPLETED".equals(r.get(Columns.STATUS))) {
                double cx = x.at(xi), cy = h - bottom - 6;
                sb.append("<path class=\"failed-trial\" stroke=\"").append(FAILED).append("\" d=\"M").append(num(cx - 3)).append(' ').append(num(cy - 3))
                        .append("l6 6m0 -6l-6 6\"><title>").append(text(tooltip(r, obj))).append("</title></path>\n");
                continue;
            }
            sb.append("<circle class=\"trial\" r=\"3\" cx=\"").append(num(x.at(xi))).append("\" cy=\"").append(num(y.at(v)))
                    .append("\" fill=\"#3b528b\" fill-opacity=\"0.6\"><title>").append(text(tooltip(r, obj))).append("</title></circle>\n");
            if (bestSoFar == null || obj.direction().better(v, bestSoFar)) {
                bestSoFar = v;
                if (best.length() == 0) best.append('M').append(num(x.at(xi))).append(' ').append(num(y.at(v)));
                else best.append(" H").append(num(x.at(xi))).append(" V").append(num(y.at(v)));
            }
        }
        if (bestSoFar != null) {
            best.append(" H").append(num(x.at(x.hi())));
            sb.append("<path class=\"running-best\" fill=\"none\" stroke=\"#e67e22\" stroke-width=\"2\" d=\"").append(best)
                    .append("\"><title>best so far</title></path>\n");
        }
        legendLine(sb, w - right - 230, top + 4);
        return sb.append("</svg>\n").toString();
    }

    /** One vertical axis per hyperparameter and one for the objective; each trial a line coloured by its objective. */
    static String parallelCoordinates(SweepReport report) {
        ObjectiveAxis obj = report.objective();
        List<ParamAxis> params = report.params();
        int axes = params.size() + 1;
        int gap = 150, left = 60, top = 28, axisHeight = 240, w = left * 2 + gap * (axes - 1), h = top + axisHeight + 60;
        double y0 = top + axisHeight, y1 = top;
        List<Axis> built = new ArrayList<>();
        for (ParamAxis p : params) built.add(Axis.of(p.column(), p.name(), p.numeric(), report.rows(), y0, y1));
        built.add(Axis.of(obj.column(), obj.label(), true, report.rows(), y0, y1));
        StringBuilder sb = svg("parallel-coordinates", w, h, "parallel coordinates of the hyperparameters, coloured by objective");
        AxisScale colour = colourScale(report);
        List<Map<String, Object>> ordered = new ArrayList<>(report.rows());
        // failures first (underneath), then completed trials from worst to best, so the best lines are on top
        ordered.sort(Comparator.comparingDouble(r -> goodness(colour, obj, r)));
        for (Map<String, Object> r : ordered) {
            boolean ok = "COMPLETED".equals(r.get(Columns.STATUS)) && SweepReport.number(r, obj.column()) != null;
            StringBuilder d = new StringBuilder();
            for (int i = 0; i < built.size(); i++) {
                Double py = built.get(i).y(r.get(built.get(i).column));
                if (py == null) continue;
                d.append(d.length() == 0 ? "M" : " L").append(num(left + i * gap)).append(' ').append(num(py));
            }
            if (d.length() == 0) continue;
            String stroke = ok ? colour(goodness(colour, obj, r)) : "#bbbbbb";
            sb.append("<path class=\"").append(ok ? "pc-line" : "pc-line pc-failed").append("\" fill=\"none\" stroke=\"").append(stroke)
                    .append("\" stroke-opacity=\"").append(ok ? "0.75" : "0.5").append("\" d=\"").append(d).append("\"><title>")
                    .append(text(tooltip(r, obj))).append("</title></path>\n");
        }
        for (int i = 0; i < built.size(); i++) built.get(i).draw(sb, left + i * gap, y0, y1);
        return sb.append("</svg>\n").toString();
    }

    /** Numbers with at most this many values (a grid's layers, widths) are plotted per value, like categories. */
    static final int MAX_VALUES_AS_CATEGORIES = 8;

    /** How the objective varies with one hyperparameter: a scatter for numbers, boxes with the points per value otherwise. */
    static String marginal(SweepReport report, ParamAxis p) {
        ObjectiveAxis obj = report.objective();
        int w = 360, h = 260, left = 56, right = 12, top = 24, bottom = 46;
        List<Map<String, Object>> done = report.completed();
        List<Double> ys = new ArrayList<>();
        for (Map<String, Object> r : done) ys.add(SweepReport.number(r, obj.column()));
        AxisScale y = AxisScale.fit(ys, h - bottom, top, true);
        AxisScale colour = colourScale(report);
        StringBuilder sb = svg("marginal-" + p.name(), w, h, obj.label() + " by " + p.name());
        sb.append("<text x=\"").append(w / 2).append("\" y=\"14\" text-anchor=\"middle\" class=\"chart-title\">")
                .append(text(p.name())).append("</text>\n");
        List<String> values = categories(done, p.column());
        if (p.numeric() && values.size() > MAX_VALUES_AS_CATEGORIES) {
            List<Double> xs = new ArrayList<>();
            for (Map<String, Object> r : done) xs.add(SweepReport.number(r, p.column()));
            AxisScale x = AxisScale.fit(xs, left, w - right, true);
            axes(sb, x, y, left, w - right, top, h - bottom, p.name(), obj.label());
            for (Map<String, Object> r : done) {
                Double xv = SweepReport.number(r, p.column()), yv = SweepReport.number(r, obj.column());
                if (xv == null || yv == null) continue;
                sb.append("<circle class=\"marginal-point\" r=\"3\" cx=\"").append(num(x.at(xv))).append("\" cy=\"").append(num(y.at(yv)))
                        .append("\" fill=\"").append(colour(goodness(colour, obj, r))).append("\" stroke=\"#333\" stroke-width=\"0.3\"><title>")
                        .append(text(tooltip(r, obj))).append("</title></circle>\n");
            }
            return sb.append("</svg>\n").toString();
        }
        double band = (double) (w - left - right) / Math.max(1, values.size());
        axisY(sb, y, left, top, h - bottom, obj.label());
        sb.append("<line x1=\"").append(left).append("\" x2=\"").append(w - right).append("\" y1=\"").append(h - bottom).append("\" y2=\"")
                .append(h - bottom).append("\" stroke=\"#666\"/>\n");
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            double cx = left + band * (i + 0.5);
            List<Double> group = new ArrayList<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> r : done) {
                if (!value.equals(category(r.get(p.column())))) continue;
                Double yv = SweepReport.number(r, obj.column());
                if (yv == null) continue;
                group.add(yv);
                rows.add(r);
            }
            group.sort(null);
            if (!group.isEmpty()) {
                double q1 = quantile(group, 0.25), med = quantile(group, 0.5), q3 = quantile(group, 0.75);
                double bw = Math.min(40, band * 0.6);
                sb.append("<g class=\"box\"><title>").append(text(p.name() + "=" + value + ": " + group.size() + " trials, median "
                        + Html.display(med))).append("</title>");
                sb.append("<line stroke=\"#666\" x1=\"").append(num(cx)).append("\" x2=\"").append(num(cx)).append("\" y1=\"")
                        .append(num(y.at(group.get(0)))).append("\" y2=\"").append(num(y.at(group.get(group.size() - 1)))).append("\"/>");
                sb.append("<rect fill=\"#eeeeee\" stroke=\"#666\" x=\"").append(num(cx - bw / 2)).append("\" width=\"").append(num(bw))
                        .append("\" y=\"").append(num(Math.min(y.at(q1), y.at(q3)))).append("\" height=\"")
                        .append(num(Math.abs(y.at(q1) - y.at(q3)))).append("\"/>");
                sb.append("<line stroke=\"#222\" stroke-width=\"2\" x1=\"").append(num(cx - bw / 2)).append("\" x2=\"").append(num(cx + bw / 2))
                        .append("\" y1=\"").append(num(y.at(med))).append("\" y2=\"").append(num(y.at(med))).append("\"/></g>\n");
            }
            for (Map<String, Object> r : rows) {
                double jitter = (jitter(r) - 0.5) * Math.min(30, band * 0.5);
                sb.append("<circle class=\"marginal-point\" r=\"2.5\" cx=\"").append(num(cx + jitter)).append("\" cy=\"")
                        .append(num(y.at(SweepReport.number(r, obj.column())))).append("\" fill=\"").append(colour(goodness(colour, obj, r)))
                        .append("\" stroke=\"#333\" stroke-width=\"0.3\"><title>").append(text(tooltip(r, obj))).append("</title></circle>\n");
            }
            sb.append("<text class=\"tick\" x=\"").append(num(cx)).append("\" y=\"").append(h - bottom + 16).append("\" text-anchor=\"middle\">")
                    .append(text(shorten(value, (int) Math.max(4, band / 7)))).append("<title>").append(text(value)).append("</title></text>\n");
        }
        sb.append("<text x=\"").append((left + w - right) / 2).append("\" y=\"").append(h - 6).append("\" text-anchor=\"middle\">")
                .append(text(p.name())).append("</text>\n");
        return sb.append("</svg>\n").toString();
    }

    /** The first two objectives against each other, the non-dominated trials joined as the front. */
    static String paretoFront(SweepReport report) {
        ObjectiveAxis a = report.objectives().get(0), b = report.objectives().get(1);
        int w = 520, h = 360, left = 64, right = 16, top = 16, bottom = 44;
        List<Map<String, Object>> done = new ArrayList<>();
        for (Map<String, Object> r : report.completed()) {
            if (SweepReport.number(r, a.column()) != null && SweepReport.number(r, b.column()) != null) done.add(r);
        }
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (Map<String, Object> r : done) {
            xs.add(SweepReport.number(r, a.column()));
            ys.add(SweepReport.number(r, b.column()));
        }
        AxisScale x = AxisScale.fit(xs, left, w - right, false), y = AxisScale.fit(ys, h - bottom, top, false);
        StringBuilder sb = svg("pareto-front", w, h, "Pareto front of " + a.label() + " and " + b.label());
        axes(sb, x, y, left, w - right, top, h - bottom, a.label() + " (" + a.direction().label() + ")", b.label() + " (" + b.direction().label() + ")");
        List<Map<String, Object>> front = ParetoFront.of(done, a, b);
        for (Map<String, Object> r : done) {
            boolean onFront = front.contains(r);
            sb.append("<circle class=\"").append(onFront ? "pareto-point" : "dominated-point").append("\" r=\"").append(onFront ? "4" : "3")
                    .append("\" cx=\"").append(num(x.at(SweepReport.number(r, a.column())))).append("\" cy=\"")
                    .append(num(y.at(SweepReport.number(r, b.column())))).append("\" fill=\"").append(onFront ? "#e67e22" : "#9aa5b1")
                    .append("\"><title>").append(text(tooltip(r, a) + "  " + b.label() + "=" + Html.display(r.get(b.column()))))
                    .append("</title></circle>\n");
        }
        StringBuilder d = new StringBuilder();
        for (Map<String, Object> r : front) {
            d.append(d.length() == 0 ? "M" : " L").append(num(x.at(SweepReport.number(r, a.column())))).append(' ')
                    .append(num(y.at(SweepReport.number(r, b.column()))));
        }
        if (d.length() > 0) sb.append("<path class=\"pareto-line\" fill=\"none\" stroke=\"#e67e22\" d=\"").append(d).append("\"/>\n");
        return sb.append("</svg>\n").toString();
    }

    /** The objective's colour legend: worst to best. */
    static String colourLegend(SweepReport report) {
        AxisScale s = colourScale(report);
        ObjectiveAxis obj = report.objective();
        StringBuilder sb = new StringBuilder("<svg class=\"legend\" width=\"300\" height=\"34\" role=\"img\" aria-label=\"colour legend\">");
        sb.append("<defs><linearGradient id=\"ramp\">");
        for (int i = 0; i < RAMP.length; i++) {
            sb.append("<stop offset=\"").append(i * 100 / (RAMP.length - 1)).append("%\" stop-color=\"").append(RAMP[i]).append("\"/>");
        }
        sb.append("</linearGradient></defs><rect x=\"0\" y=\"0\" width=\"300\" height=\"12\" fill=\"url(#ramp)\"/>");
        String worst = Html.display(obj.direction() == Direction.MAXIMIZE ? s.lo() : s.hi());
        String best = Html.display(obj.direction() == Direction.MAXIMIZE ? s.hi() : s.lo());
        sb.append("<text x=\"0\" y=\"28\">").append(text("worst " + obj.label() + " " + worst)).append("</text>");
        sb.append("<text x=\"300\" y=\"28\" text-anchor=\"end\">").append(text("best " + best)).append("</text></svg>");
        return sb.toString();
    }

    private static AxisScale colourScale(SweepReport report) {
        List<Double> v = new ArrayList<>();
        for (Map<String, Object> r : report.completed()) v.add(SweepReport.number(r, report.objective().column()));
        return AxisScale.fit(v, 0, 1, true);
    }

    /** 0 = worst completed trial, 1 = best; failures below 0 so they sort first. */
    private static double goodness(AxisScale s, ObjectiveAxis obj, Map<String, Object> r) {
        Double v = SweepReport.number(r, obj.column());
        if (v == null || !"COMPLETED".equals(r.get(Columns.STATUS))) return -1;
        double t = Math.max(0, Math.min(1, s.at(v)));
        return obj.direction() == Direction.MAXIMIZE ? t : 1 - t;
    }

    static String colour(double t) {
        t = Math.max(0, Math.min(1, t));
        double pos = t * (RAMP.length - 1);
        int i = Math.min(RAMP.length - 2, (int) Math.floor(pos));
        double f = pos - i;
        int a = Integer.parseInt(RAMP[i].substring(1), 16), b = Integer.parseInt(RAMP[i + 1].substring(1), 16);
        int r = (int) Math.round(((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f);
        int bl = (int) Math.round((a & 255) * (1 - f) + (b & 255) * f);
        return String.format("#%02x%02x%02x", r, g, bl);
    }

    private static StringBuilder svg(String id, int w, int h, String label) {
        return new StringBuilder("<svg class=\"chart\" id=\"").append(text(id)).append("\" width=\"").append(w)
                .append("\" height=\"").append(h).append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" role=\"img\" aria-label=\"")
                .append(text(label)).append("\">\n");
    }

    private static void axes(StringBuilder sb, AxisScale x, AxisScale y, int x0, int x1, int y0, int y1, String xLabel, String yLabel) {
        axisY(sb, y, x0, y0, y1, yLabel);
        sb.append("<line x1=\"").append(x0).append("\" x2=\"").append(x1).append("\" y1=\"").append(y1).append("\" y2=\"").append(y1)
                .append("\" stroke=\"#666\"/>\n");
        for (double t : x.ticks()) {
            double px = x.at(t);
            sb.append("<line x1=\"").append(num(px)).append("\" x2=\"").append(num(px)).append("\" y1=\"").append(y1).append("\" y2=\"")
                    .append(y1 + 4).append("\" stroke=\"#666\"/><text class=\"tick\" x=\"").append(num(px)).append("\" y=\"").append(y1 + 16)
                    .append("\" text-anchor=\"middle\">").append(text(AxisScale.label(t))).append("</text>\n");
        }
        sb.append("<text x=\"").append((x0 + x1) / 2).append("\" y=\"").append(y1 + 34).append("\" text-anchor=\"middle\">")
                .append(text(xLabel + (x.log() ? " (log scale)" : ""))).append("</text>\n");
    }

    private static void axisY(StringBuilder sb, AxisScale y, int x0, int y0, int y1, String label) {
        sb.append("<line x1=\"").append(x0).append("\" x2=\"").append(x0).append("\" y1=\"").append(y0).append("\" y2=\"").append(y1)
                .append("\" stroke=\"#666\"/>\n");
        for (double t : y.ticks()) {
            double py = y.at(t);
            sb.append("<line x1=\"").append(x0 - 4).append("\" x2=\"").append(x0).append("\" y1=\"").append(num(py)).append("\" y2=\"")
                    .append(num(py)).append("\" stroke=\"#666\"/><text class=\"tick\" x=\"").append(x0 - 6).append("\" y=\"").append(num(py + 4))
                    .append("\" text-anchor=\"end\">").append(text(AxisScale.label(t))).append("</text>\n");
        }
        sb.append("<text transform=\"translate(14,").append((y0 + y1) / 2).append(") rotate(-90)\" text-anchor=\"middle\">")
                .append(text(label + (y.log() ? " (log scale)" : ""))).append("</text>\n");
    }

    private static void legendLine(StringBuilder sb, int x, int y) {
        sb.append("<g class=\"chart-legend\"><circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"3\" fill=\"#3b528b\"/>")
                .append("<text x=\"").append(x + 8).append("\" y=\"").append(y + 4).append("\">trial</text>")
                .append("<line x1=\"").append(x + 50).append("\" x2=\"").append(x + 70).append("\" y1=\"").append(y).append("\" y2=\"").append(y)
                .append("\" stroke=\"#e67e22\" stroke-width=\"2\"/><text x=\"").append(x + 76).append("\" y=\"").append(y + 4)
                .append("\">best so far</text><path stroke=\"").append(FAILED).append("\" d=\"M").append(x + 160).append(' ').append(y - 3)
                .append("l6 6m0 -6l-6 6\"/><text x=\"").append(x + 172).append("\" y=\"").append(y + 4).append("\">failed</text></g>\n");
    }

    private static String tooltip(Map<String, Object> r, ObjectiveAxis obj) {
        StringBuilder sb = new StringBuilder("trial ").append(r.get(Columns.TRIAL_ID)).append(" #").append(r.get(Columns.TRIAL_INDEX))
                .append(' ').append(r.get(Columns.STATUS));
        if (r.get(obj.column()) != null) sb.append("  ").append(obj.label()).append('=').append(Html.display(r.get(obj.column())));
        r.forEach((k, v) -> {
            if (k.startsWith(Columns.PARAM_PREFIX) && v != null) sb.append("  ").append(k.substring(Columns.PARAM_PREFIX.length())).append('=').append(Html.display(v));
        });
        Object error = r.get(Columns.ERROR);
        if (error != null) sb.append("\n").append(shorten(String.valueOf(error), 300));
        return sb.toString();
    }

    /** The distinct values of a column as labels, numbers in numeric order, inactive last. */
    static List<String> categories(List<Map<String, Object>> rows, String column) {
        TreeMap<Double, String> numbers = new TreeMap<>();
        TreeSet<String> others = new TreeSet<>();
        boolean inactive = false;
        for (Map<String, Object> r : rows) {
            Object v = r.get(column);
            if (v == null) inactive = true;
            else if (v instanceof Number n) numbers.put(n.doubleValue(), category(v));
            else others.add(category(v));
        }
        List<String> out = new ArrayList<>(numbers.values());
        out.addAll(others);
        if (inactive) out.add(INACTIVE);
        return out;
    }

    static String category(Object v) {
        return v == null ? INACTIVE : Html.display(v);
    }

    private static double quantile(List<Double> sorted, double q) {
        double pos = q * (sorted.size() - 1);
        int i = (int) Math.floor(pos);
        return i + 1 < sorted.size() ? sorted.get(i) + (sorted.get(i + 1) - sorted.get(i)) * (pos - i) : sorted.get(i);
    }

    private static double jitter(Map<String, Object> r) {
        return Math.floorMod(String.valueOf(r.get(Columns.TRIAL_ID)).hashCode() * 2654435761L, 1000L) / 1000.0;
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "…";
    }

    /** One vertical axis of the parallel coordinates: a scale for numbers, evenly spaced values otherwise, inactive below. */
    private record Axis(String column, String label, AxisScale scale, List<String> values, double y0, double y1) {
        static Axis of(String column, String label, boolean numeric, List<Map<String, Object>> rows, double y0, double y1) {
            if (numeric) {
                List<Double> v = new ArrayList<>();
                for (Map<String, Object> r : rows) v.add(SweepReport.number(r, column));
                return new Axis(column, label, AxisScale.fit(v, y0, y1, true), null, y0, y1);
            }
            List<String> values = categories(rows, column);
            values.remove(INACTIVE);
            return new Axis(column, label, null, values, y0, y1);
        }

        Double y(Object v) {
            if (v == null) return y0 + 18; // inactive parameter (or no objective): below the axis
            if (scale != null) return v instanceof Number n && Double.isFinite(n.doubleValue()) ? scale.at(n.doubleValue()) : y0 + 18;
            int i = values.indexOf(category(v));
            return values.size() == 1 ? (y0 + y1) / 2 : y0 + (y1 - y0) * i / (values.size() - 1);
        }

        void draw(StringBuilder sb, double x, double y0, double y1) {
            sb.append("<g class=\"pc-axis\"><line x1=\"").append(num(x)).append("\" x2=\"").append(num(x)).append("\" y1=\"").append(num(y0))
                    .append("\" y2=\"").append(num(y1)).append("\" stroke=\"#333\"/>");
            sb.append("<text class=\"axis-name\" x=\"").append(num(x)).append("\" y=\"").append(num(y1 - 10)).append("\" text-anchor=\"middle\">")
                    .append(text(label)).append("</text>");
            if (scale != null) {
                for (double t : scale.ticks()) {
                    sb.append("<text class=\"tick\" x=\"").append(num(x - 5)).append("\" y=\"").append(num(scale.at(t) + 4))
                            .append("\" text-anchor=\"end\">").append(text(AxisScale.label(t))).append("</text>");
                }
            } else {
                for (String v : values) {
                    sb.append("<text class=\"tick\" x=\"").append(num(x - 5)).append("\" y=\"").append(num(y(v) + 4))
                            .append("\" text-anchor=\"end\">").append(text(shorten(v, 14))).append("<title>").append(text(v)).append("</title></text>");
                }
            }
            sb.append("<text class=\"tick inactive\" x=\"").append(num(x - 5)).append("\" y=\"").append(num(y0 + 22))
                    .append("\" text-anchor=\"end\">–</text></g>\n");
        }
    }
}

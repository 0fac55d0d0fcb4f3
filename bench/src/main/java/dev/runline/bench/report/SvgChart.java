package dev.runline.bench.report;

import dev.runline.bench.endtoend.EndToEndScenario;
import dev.runline.bench.gateway.GatewayScenario;
import dev.runline.bench.load.Percentiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run as one SVG (written by hand: two bar charts do not need a charting library): on the left the
 * latency percentiles at each fixed rate on a log scale, on the right each throughput as a share of its
 * limit, with the absolute figures in the labels.
 */
public final class SvgChart {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 560;
    private static final int PLOT_TOP = 70;
    private static final int PLOT_BOTTOM = 440;
    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#e15759"};
    private static final String[] PERCENTILES = {"p50", "p99", "p99.9"};
    /** A ratio target as the summary writes it, drawn as a tick on its bar. */
    private static final Pattern TARGET = Pattern.compile("≥ (\\d+)%");

    private record LatencyGroup(String label, Percentiles latency) {}

    private SvgChart() {}

    public static String render(String title, GatewayScenario.Result gateway, EndToEndScenario.Result endToEnd,
            List<Summary> summary) {
        List<LatencyGroup> groups = new ArrayList<>();
        if (gateway != null) {
            gateway.steps().stream().filter(s -> s.load().mode().equals("fixed-rate")).forEach(s -> groups.add(new LatencyGroup(
                    s.target() + " " + s.run() + "|" + fmt("%.0f/s", s.load().offeredRate()), s.load().latency())));
        }
        if (endToEnd != null) {
            groups.add(new LatencyGroup("e2e sent→ack|" + endToEnd.rate() + "/s", endToEnd.load().latency()));
            groups.add(new LatencyGroup("e2e ack→stored|" + endToEnd.rate() + "/s", endToEnd.ackToStored()));
        }
        StringBuilder svg = new StringBuilder(fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(text(20, 28, 18, "start", title));
        latency(svg, groups, 70, 600);
        ratios(svg, summary.stream().filter(r -> r.ratio() != null).toList(), 720, 1260);
        return svg.append("</svg>\n").toString();
    }

    /** Grouped bars of p50/p99/p99.9, log10 scale from 0.1 ms to the next power of ten above the largest. */
    private static void latency(StringBuilder svg, List<LatencyGroup> groups, int left, int right) {
        svg.append(text(left, 55, 14, "start", "Latency at fixed arrival rates (ms, log scale; from the intended send time)"));
        double top = groups.stream().mapToDouble(g -> g.latency().p999()).max().orElse(1);
        int decades = (int) Math.ceil(Math.log10(Math.max(top, 1) / 0.1));
        for (int d = 0; d <= decades; d++) {
            double y = PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * d / (double) decades;
            svg.append(fmt("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", left, y, right, y));
            svg.append(text(left - 6, y + 4, 11, "end", trim(0.1 * Math.pow(10, d))));
        }
        if (groups.isEmpty()) {
            svg.append(text((left + right) / 2, (PLOT_TOP + PLOT_BOTTOM) / 2, 12, "middle", "no fixed-rate step ran"));
            return;
        }
        double groupWidth = (right - left) / (double) groups.size();
        double barWidth = Math.min(28, groupWidth / 4);
        for (int g = 0; g < groups.size(); g++) {
            Percentiles p = groups.get(g).latency();
            double[] values = {p.p50(), p.p99(), p.p999()};
            double x0 = left + g * groupWidth + (groupWidth - 3 * barWidth) / 2;
            for (int i = 0; i < 3; i++) {
                double scaled = Math.log10(Math.max(values[i], 0.1) / 0.1) / decades;
                double y = PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * scaled;
                svg.append(fmt("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s ms</title></rect>%n",
                        x0 + i * barWidth, y, barWidth - 2, PLOT_BOTTOM - y, COLOURS[i], PERCENTILES[i], trim(values[i])));
                svg.append(text(x0 + i * barWidth + barWidth / 2, y - 3, 9, "middle", trim(values[i])));
            }
            String[] label = groups.get(g).label().split("\\|");
            double centre = left + g * groupWidth + groupWidth / 2;
            svg.append(text(centre, PLOT_BOTTOM + 16, 11, "middle", label[0]));
            svg.append(text(centre, PLOT_BOTTOM + 30, 11, "middle", label[1]));
        }
        for (int i = 0; i < 3; i++) {
            svg.append(fmt("<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n", left + i * 80, PLOT_BOTTOM + 50, COLOURS[i]));
            svg.append(text(left + i * 80 + 16, PLOT_BOTTOM + 60, 12, "start", PERCENTILES[i]));
        }
    }

    /** One horizontal bar per Runline ÷ limit ratio (green: target met), the limit's 100% line, target ticks. */
    private static void ratios(StringBuilder svg, List<Summary> rows, int left, int right) {
        svg.append(text(left, 55, 14, "start", "Throughput: Runline as a share of the machine's limit"));
        double full = (right - left) * 0.8;
        double x100 = left + full;
        svg.append(fmt("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>%n",
                x100, PLOT_TOP, x100, PLOT_BOTTOM));
        svg.append(text(x100, PLOT_TOP - 4, 11, "middle", "limit = 100%"));
        double rowHeight = Math.min(70, (PLOT_BOTTOM - PLOT_TOP - 10) / (double) Math.max(rows.size(), 1));
        for (int r = 0; r < rows.size(); r++) {
            Summary row = rows.get(r);
            double y = PLOT_TOP + 10 + r * rowHeight;
            double width = full * Math.min(row.ratio(), 1.2);
            String colour = row.met() == null ? "#9c9c9c" : row.met() ? "#59a14f" : "#e15759";
            svg.append(text(left, y + 11, 11, "start", row.measure()));
            svg.append(fmt("<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>%n", left, y + 16, width, colour));
            svg.append(text(left + width + 4, y + 28, 11, "start", Tables.percent(row.ratio())));
            Matcher target = TARGET.matcher(row.target() == null ? "" : row.target());
            if (target.matches()) {
                double x = left + full * Integer.parseInt(target.group(1)) / 100.0;
                svg.append(fmt("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\" stroke-width=\"2\"/>%n",
                        x, y + 12, x, y + 36));
            }
            svg.append(text(left, y + 46, 10, "start", row.runline() + " ÷ " + row.limit()
                    + (row.target() == null ? "" : "   target " + row.target())));
        }
    }

    private static String text(double x, double y, int size, String anchor, String content) {
        return fmt("<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\">%s</text>%n", x, y, size, anchor,
                content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    }

    private static String trim(double value) {
        return value >= 100 ? fmt("%.0f", value) : value >= 10 ? fmt("%.1f", value) : fmt("%.2f", value);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}

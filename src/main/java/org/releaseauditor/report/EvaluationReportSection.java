package org.releaseauditor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.releaseauditor.core.i18n.Messages;

/**
 * The evaluation lane's part of a run in the report (issue 16): per attack the attack, control and
 * random-guess rates with their intervals, the residual risk with its interval, the plain-language
 * reading and the notes, all in the report's language (rebuilt from the message keys and arguments
 * the result stores), and one chart of the rates with interval whiskers. Self-contained, so that it
 * can move (for example onto a verdict page) without the rest of the report.
 */
public final class EvaluationReportSection {

    /** The attack subtrees of the result JSON, in the order shown. */
    static final String[] ATTACK_PATHS = {"singlingOut.univariate", "singlingOut.multivariate", "linkability",
        "inference"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 300;

    private EvaluationReportSection() {
    }

    /** A share with its confidence interval. */
    public record Interval(double value, double low, double high) {
    }

    /**
     * One attack as shown.
     *
     * @param path       the attack's path in the result JSON (e.g. {@code linkability})
     * @param name       display name in the report's language
     * @param attacks    attacks on the original
     * @param successes  successes on the original
     * @param attack     attack rate
     * @param control    control rate, or null without a control set
     * @param baseline   random-guess rate
     * @param residual   residual risk, or null without a control set
     * @param measurable whether the residual risk's interval lies above zero (null without one)
     * @param setup      what the attack was configured with, as one line
     * @param reading    the plain-language reading
     * @param notes      the attack's notes
     */
    public record Attack(String path, String name, int attacks, String successes, Interval attack, Interval control,
            Interval baseline, Interval residual, Boolean measurable, String setup, String reading,
            List<String> notes) {
        public Attack {
            notes = List.copyOf(notes);
        }
    }

    /**
     * The section.
     *
     * @param confidenceLevel level of the intervals
     * @param controlRows     rows of the control set, or null without one
     * @param attacks         the attacks that ran
     * @param notes           notes on the whole evaluation
     */
    public record Model(double confidenceLevel, Integer controlRows, List<Attack> attacks, List<String> notes) {
        public Model {
            attacks = List.copyOf(attacks);
            notes = List.copyOf(notes);
        }
    }

    /** The section of an evaluation result, or null for a result of another lane. */
    public static Model of(JsonNode result, Locale locale) {
        if (result == null || !"evaluation".equals(result.path("lane").asText())) {
            return null;
        }
        List<Attack> attacks = new ArrayList<>();
        for (String path : ATTACK_PATHS) {
            JsonNode a = result.at("/" + path.replace('.', '/'));
            if (a.isMissingNode() || !a.isObject()) {
                continue;
            }
            JsonNode risk = a.path("residualRisk");
            attacks.add(new Attack(path, Messages.get(locale, "evaluation.attack." + path), a.path("attacks").asInt(),
                    count(a.path("successes")), interval(a.path("attackRate")), interval(a.path("controlRate")),
                    interval(a.path("baselineRate")), interval(risk),
                    risk.isObject() ? risk.path("measurable").asBoolean() : null, setup(a.path("setup"), locale),
                    reading(a, locale), notes(a.path("notes"), locale)));
        }
        JsonNode control = result.path("controlRows");
        return new Model(result.path("confidenceLevel").asDouble(0.95), control.isNumber() ? control.asInt() : null,
                attacks, notes(result.path("notes"), locale));
    }

    /**
     * The result without the attack subtrees and the notes, for the report's generic list of
     * numbers (the section shows every number of the attacks with its explanation, and the notes).
     */
    public static JsonNode withoutAttacks(JsonNode result) {
        if (result == null || !result.isObject()) {
            return result;
        }
        ObjectNode copy = ((ObjectNode) result).deepCopy();
        copy.remove(List.of("singlingOut", "linkability", "inference", "notes"));
        return copy;
    }

    private static Interval interval(JsonNode n) {
        if (n == null || !n.isObject() || !n.path("value").isNumber()) {
            return null;
        }
        return new Interval(n.path("value").asDouble(), n.path("low").asDouble(), n.path("high").asDouble());
    }

    private static String count(JsonNode n) {
        if (!n.isNumber()) {
            return "-";
        }
        return n.isIntegralNumber() ? Long.toString(n.asLong()) : String.format(Locale.ROOT, "%.1f", n.asDouble());
    }

    /** A JSON argument as the Java value the message pattern expects. */
    private static Object arg(JsonNode n) {
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        return n.asText();
    }

    private static Object[] args(JsonNode array) {
        List<Object> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(e -> out.add(arg(e)));
        }
        return out.toArray();
    }

    /** The reading in {@code locale} from its key and arguments; the stored text when they are missing. */
    static String reading(JsonNode attack, Locale locale) {
        String key = attack.path("readingKey").asText(null);
        if (key == null || !Messages.has(key)) {
            return attack.path("reading").asText("");
        }
        String text = Messages.get(locale, key, args(attack.path("readingArgs")));
        String conclusion = attack.path("readingConclusionKey").asText(null);
        return conclusion == null || !Messages.has(conclusion) ? text : text + " " + Messages.get(locale, conclusion);
    }

    private static List<String> notes(JsonNode notes, Locale locale) {
        List<String> out = new ArrayList<>();
        if (notes == null || !notes.isArray()) {
            return out;
        }
        for (JsonNode n : notes) {
            String key = n.path("key").asText("");
            // results recorded before the notes kept their arguments show the stored (English) text
            boolean localisable = Messages.has(key) && (n.has("args") || Messages.get(locale, key).indexOf('{') < 0);
            out.add(localisable ? Messages.get(locale, key, args(n.path("args"))) : n.path("text").asText(""));
        }
        return out;
    }

    private static String setup(JsonNode s, Locale locale) {
        if (s.has("columnsPerPredicate")) {
            return Messages.get(locale, "report.evaluation.setup.singlingOut", s.path("columnsPerPredicate").asLong(),
                    s.path("predicates").asLong(), s.path("attempts").asLong());
        }
        if (s.has("auxA")) {
            return Messages.get(locale, "report.evaluation.setup.linkability", join(s.path("auxA")),
                    join(s.path("auxB")), s.path("neighbours").asLong());
        }
        if (s.has("secret")) {
            return Messages.get(locale, s.path("numericSecret").asBoolean() ? "report.evaluation.setup.inferenceNumeric"
                    : "report.evaluation.setup.inference", join(s.path("aux")), s.path("secret").asText(),
                    s.path("tolerance").asDouble() * 100);
        }
        return "";
    }

    private static String join(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return String.join(", ", out);
    }

    /** A share in percent with one decimal in the report's language. */
    static String pct(double share, Locale locale) {
        return String.format(locale, "%.1f %%", share * 100);
    }

    /** {@code 28.8 % (24.8 – 32.7 %)}, or the "not available" text. */
    static String interval(Interval i, Locale locale, String missingKey) {
        if (i == null) {
            return Messages.get(locale, missingKey);
        }
        return String.format(locale, "%.1f %% (%.1f \u2013 %.1f %%)", i.value() * 100, i.low() * 100, i.high() * 100);
    }

    /** Writes the section into the report's XHTML. */
    static void write(StringBuilder sb, Model m, Locale locale) throws IOException {
        String level = String.format(locale, "%.0f", m.confidenceLevel() * 100);
        sb.append("<h3>").append(HtmlReportWriter.esc(Messages.get(locale, "report.evaluation.title")))
                .append("</h3>\n<p class=\"expl\">")
                .append(HtmlReportWriter.esc(Messages.get(locale, "report.evaluation.expl", level)))
                .append("</p>\n<table>\n<tr>");
        for (String h : List.of("attack", "attacks", "attackRate", "controlRate", "baselineRate", "residualRisk")) {
            sb.append("<th>").append(HtmlReportWriter.esc(Messages.get(locale, "report.evaluation.col." + h)))
                    .append("</th>");
        }
        sb.append("</tr>\n");
        for (Attack a : m.attacks()) {
            boolean bold = Boolean.TRUE.equals(a.measurable());
            sb.append("<tr><td>").append(HtmlReportWriter.esc(a.name())).append("</td><td class=\"num\">")
                    .append(a.attacks()).append(" / ").append(HtmlReportWriter.esc(a.successes()))
                    .append("</td><td class=\"num\">")
                    .append(HtmlReportWriter.esc(interval(a.attack(), locale, "report.evaluation.none")))
                    .append("</td><td class=\"num\">")
                    .append(HtmlReportWriter.esc(interval(a.control(), locale, "report.evaluation.noControl")))
                    .append("</td><td class=\"num\">")
                    .append(HtmlReportWriter.esc(interval(a.baseline(), locale, "report.evaluation.none")))
                    .append("</td><td class=\"num\">").append(bold ? "<b>" : "")
                    .append(HtmlReportWriter.esc(interval(a.residual(), locale, "report.evaluation.noControl")))
                    .append(bold ? "</b>" : "").append("</td></tr>\n");
        }
        sb.append("</table>\n<p class=\"expl\">")
                .append(HtmlReportWriter.esc(Messages.get(locale, "report.evaluation.legend", level)))
                .append("</p>\n");
        if (!m.attacks().isEmpty()) {
            sb.append("<p><img alt=\"").append(HtmlReportWriter.esc(Messages.get(locale, "report.evaluation.chart.title")))
                    .append("\" src=\"data:image/png;base64,").append(chartPng(m, locale)).append("\"/></p>\n");
        }
        for (Attack a : m.attacks()) {
            sb.append("<h3>").append(HtmlReportWriter.esc(a.name())).append("</h3>\n<p>")
                    .append(HtmlReportWriter.esc(a.reading())).append("</p>\n<p class=\"expl\">")
                    .append(HtmlReportWriter.esc(a.setup())).append("</p>\n");
            for (String n : a.notes()) {
                sb.append("<p class=\"note\">").append(HtmlReportWriter.esc(n)).append("</p>\n");
            }
        }
        for (String n : m.notes()) {
            sb.append("<p class=\"note\">").append(HtmlReportWriter.esc(n)).append("</p>\n");
        }
    }

    /**
     * The attack, control and baseline rates per attack as bars with their interval (the Wilson
     * interval is symmetric about its centre, so a bar ± the half-width is the interval).
     */
    static JFreeChart chart(Model m, Locale locale) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        String attack = Messages.get(locale, "report.evaluation.chart.attack");
        String control = Messages.get(locale, "report.evaluation.chart.control");
        String baseline = Messages.get(locale, "report.evaluation.chart.baseline");
        for (Attack a : m.attacks()) {
            add(data, a.attack(), attack, a.name());
            if (a.control() != null) {
                add(data, a.control(), control, a.name());
            }
            add(data, a.baseline(), baseline, a.name());
        }
        CategoryAxis x = new CategoryAxis(null);
        x.setMaximumCategoryLabelLines(2);
        NumberAxis y = new NumberAxis(Messages.get(locale, "report.evaluation.chart.y"));
        y.setNumberFormatOverride(java.text.NumberFormat.getPercentInstance(locale));
        y.setAutoRangeIncludesZero(true);
        StatisticalBarRenderer r = new StatisticalBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        r.setErrorIndicatorPaint(Color.DARK_GRAY);
        r.setErrorIndicatorStroke(new BasicStroke(1.2f));
        r.setSeriesPaint(0, new Color(0xc6, 0x28, 0x28));
        r.setSeriesPaint(1, new Color(0x2f, 0x6f, 0xb3));
        r.setSeriesPaint(2, new Color(0x9e, 0x9e, 0x9e));
        if (m.attacks().stream().allMatch(a -> a.control() == null)) {
            r.setSeriesPaint(1, new Color(0x9e, 0x9e, 0x9e));
        }
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        plot.setBackgroundPaint(new Color(0xF7, 0xF7, 0xF7));
        plot.setRangeGridlinePaint(new Color(0xd0, 0xd0, 0xd0));
        JFreeChart chart = new JFreeChart(Messages.get(locale, "report.evaluation.chart.title"),
                new Font("DejaVu Sans", Font.BOLD, 13), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static void add(DefaultStatisticalCategoryDataset data, Interval i, String series, String category) {
        data.add(i.value(), (i.high() - i.low()) / 2, series, category);
    }

    private static String chartPng(Model m, Locale locale) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        return Base64.getEncoder().encodeToString(ChartUtils.encodeAsPNG(chart(m, locale).createBufferedImage(WIDTH,
                HEIGHT)));
    }
}

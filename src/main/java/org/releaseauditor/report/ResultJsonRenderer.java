package org.releaseauditor.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.PolicyEvaluator;

/**
 * Renders any lane's result JSON generically: every scalar becomes a {@link ReportModel.MetricRow}
 * with a one-line explanation from the dictionary in the audit bundle ({@code metric.<path>},
 * where array indexes and per-attribute keys may be {@code *}); arrays of objects or arrays
 * become tables; known series become charts. Sections named in {@link #RECORD_VALUE_KEYS} hold
 * record values and are hidden unless the auditor asks for them.
 */
public final class ResultJsonRenderer {

    /** Result keys whose content may contain record values (QI values of the riskiest classes). */
    public static final Set<String> RECORD_VALUE_KEYS = Set.of("riskiestClasses", "riskiestRecords",
            "sampleRecords", "examples");

    /** Result keys that are drawn as charts: key → {x field, y field, line?}. */
    private static final Map<String, String[]> CHARTS = Map.of(
            "histogram", new String[] {"0", "1", "bar"},
            "riskDistribution", new String[] {"upTo", "fraction", "bar"},
            "unicity", new String[] {"points", "fraction", "line"});

    private final Locale locale;
    private final boolean includeRecords;
    private ResultLabels labels;
    private JsonNode root;
    private final List<ReportModel.MetricRow> rows = new ArrayList<>();
    private final List<ReportModel.MetricTable> tables = new ArrayList<>();
    private final List<ReportModel.ChartSpec> charts = new ArrayList<>();
    private final List<String> hidden = new ArrayList<>();

    public ResultJsonRenderer(Locale locale, boolean includeRecords) {
        this.locale = locale;
        this.includeRecords = includeRecords;
    }

    /** Renders a result; call once per instance. */
    public ResultJsonRenderer render(JsonNode result) {
        labels = result.isObject() && (result.has("lane") || result.has("kind") || result.has("schemaVersion"))
                ? new ResultLabels(result, locale) : null;
        root = result;
        walk(result, "");
        return this;
    }

    public List<ReportModel.MetricRow> rows() {
        return rows;
    }

    public List<ReportModel.MetricTable> tables() {
        return tables;
    }

    public List<ReportModel.ChartSpec> charts() {
        return charts;
    }

    public List<String> hiddenNotes() {
        return hidden;
    }

    private void walk(JsonNode node, String path) {
        String last = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        if (RECORD_VALUE_KEYS.contains(last) && !includeRecords) {
            int n = node.isContainerNode() ? node.size() : 1;
            hidden.add(Messages.get(locale, "report.hiddenRecords", path, n));
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
            }
        } else if (node.isArray()) {
            boolean allScalar = true;
            for (JsonNode c : node) {
                allScalar &= !c.isContainerNode();
            }
            if (allScalar) {
                List<String> vals = new ArrayList<>();
                node.forEach(c -> vals.add(scalar(c)));
                rows.add(new ReportModel.MetricRow(path, label(path), "[" + String.join(", ", vals) + "]",
                        explain(path), org.releaseauditor.core.verdict.VerdictStatus.NOT_JUDGED));
            } else {
                table(node, path);
            }
            if (CHARTS.containsKey(last)) {
                chart(node, path, CHARTS.get(last));
            }
        } else {
            rows.add(new ReportModel.MetricRow(path, label(path), value(path, node), explain(path),
                    org.releaseauditor.core.verdict.VerdictStatus.NOT_JUDGED));
        }
    }

    private void table(JsonNode array, String path) {
        Set<String> cols = new LinkedHashSet<>();
        for (JsonNode c : array) {
            if (c.isObject()) {
                c.fieldNames().forEachRemaining(cols::add);
            } else if (c.isArray()) {
                for (int i = 0; i < c.size(); i++) {
                    cols.add(Integer.toString(i));
                }
            } else {
                cols.add("value");
            }
        }
        List<String> colList = new ArrayList<>(cols);
        List<List<String>> body = new ArrayList<>();
        for (JsonNode c : array) {
            List<String> r = new ArrayList<>();
            for (String col : colList) {
                JsonNode v = c.isObject() ? c.get(col) : c.isArray() ? c.get(Integer.parseInt(col))
                        : "value".equals(col) ? c : null;
                r.add(v == null ? "" : v.isContainerNode() ? v.toString() : scalar(v));
            }
            body.add(r);
        }
        String header = Messages.get(locale, "metric.columns." + generalise(path));
        List<String> shown = colList;
        JsonNode qiNames = matrixNames(path);
        if (qiNames != null && qiNames.size() == colList.size()) {
            // a pair matrix: headed by the names of its rows and columns (the quasi-identifiers)
            List<String> cs = new ArrayList<>();
            cs.add("");
            qiNames.forEach(n -> cs.add(n.asText()));
            for (int i = 0; i < body.size(); i++) {
                List<String> r = new ArrayList<>();
                r.add(i < qiNames.size() ? qiNames.get(i).asText() : Integer.toString(i + 1));
                JsonNode rowNode = array.get(i);
                for (int j = 0; j < colList.size(); j++) {
                    JsonNode v = rowNode.isArray() ? rowNode.get(j) : null;
                    r.add(v == null ? "" : value(path, v));
                }
                body.set(i, r);
            }
            tables.add(new ReportModel.MetricTable(path, label(path), explain(path), cs, body, null, body.size()));
            return;
        }
        if (!header.startsWith("metric.columns.")) {
            List<String> names = List.of(header.split("\\s*,\\s*"));
            if (names.size() == colList.size()) {
                shown = names;
            }
        }
        tables.add(new ReportModel.MetricTable(path, label(path), explain(path), shown, body, null, body.size()));
    }

    private void chart(JsonNode array, String path, String[] spec) {
        List<String> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (JsonNode c : array) {
            JsonNode x = c.isArray() ? c.get(Integer.parseInt(spec[0])) : c.get(spec[0]);
            JsonNode y = c.isArray() ? c.get(Integer.parseInt(spec[1])) : c.get(spec[1]);
            if (x != null && y != null && y.isNumber()) {
                xs.add(scalar(x));
                ys.add(y.asDouble());
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        String key = generalise(path);
        charts.add(new ReportModel.ChartSpec(path, Messages.get(locale, "chart." + key + ".title"),
                Messages.get(locale, "chart." + key + ".x"), Messages.get(locale, "chart." + key + ".y"),
                "line".equals(spec[2]), xs, ys));
    }

    private static String scalar(JsonNode n) {
        if (n == null || n.isNull()) {
            return "-";
        }
        if (n.isNumber()) {
            return PolicyEvaluator.format(n.asDouble());
        }
        return n.asText();
    }

    /** For a matrix of pairs ({@code pairUniqueness.shares}): the names of its rows and columns. */
    private JsonNode matrixNames(String path) {
        if (root == null || !path.endsWith(".shares") && !path.equals("shares")) {
            return null;
        }
        String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
        JsonNode p = root;
        for (String seg : parent.isEmpty() ? new String[0] : parent.split("\\.")) {
            p = p.isArray() && seg.matches("\\d+") ? p.get(Integer.parseInt(seg)) : p.get(seg);
            if (p == null) {
                return null;
            }
        }
        JsonNode a = p.get("attributes");
        return a != null && a.isArray() ? a : null;
    }

    /** The catalogue label of a path with display names ("Unicity with 4 known points"), else the path. */
    String label(String path) {
        if (labels == null) {
            return path;
        }
        org.releaseauditor.core.catalogue.MetricEntry e = labels.entry(path);
        return e.known() ? labels.label(path) : path;
    }

    /** A scalar in its unit and the reader's language (99.9 %, 2,602), else as stored. */
    private String value(String path, JsonNode n) {
        if (labels != null && n != null && n.isNumber()) {
            org.releaseauditor.core.catalogue.MetricEntry e = labels.entry(path);
            if (e.isMetric()) {
                return org.releaseauditor.core.catalogue.MetricFormat.format(n.asDouble(), e.unit(), locale);
            }
        }
        return scalar(n);
    }

    /** The path with array indexes replaced by {@code *}. */
    static String generalise(String path) {
        return path.replaceAll("(^|\\.)\\d+(?=\\.|$)", "$1*");
    }

    /** The one-line explanation of a metric path, trying more general keys in turn. */
    String explain(String path) {
        if (labels != null && labels.entry(path).known()) {
            return labels.text(path);
        }
        String g = generalise(path);
        List<String> candidates = new ArrayList<>();
        candidates.add(g);
        String[] seg = g.split("\\.");
        if (seg.length >= 3) {
            // per-attribute maps: lDiversity.<attr>.distinct -> lDiversity.*.distinct
            String[] copy = seg.clone();
            copy[1] = "*";
            candidates.add(String.join(".", copy));
        }
        if (seg.length >= 2) {
            candidates.add("*." + seg[seg.length - 1]);
        }
        for (String c : candidates) {
            String key = "metric." + c;
            if (Messages.has(key)) {
                return Messages.get(locale, key);
            }
        }
        return Messages.get(locale, "metric.generic", g);
    }
}

package org.releaseauditor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.releaseauditor.core.aggregate.AggregateReport;
import org.releaseauditor.core.aggregate.AggregateSummary;
import org.releaseauditor.core.aggregate.AuditedCell;
import org.releaseauditor.core.aggregate.DisclosedGroup;
import org.releaseauditor.core.aggregate.RecoveredCell;
import org.releaseauditor.core.aggregate.RecoveryResult;
import org.releaseauditor.core.aggregate.ReleaseResult;
import org.releaseauditor.core.aggregate.SeriesDecrease;
import org.releaseauditor.core.aggregate.TableRuleResult;
import org.releaseauditor.core.aggregate.UnsafeCell;
import org.releaseauditor.core.error.AuditException;

/**
 * Writes an {@link AggregateReport} as JSON (schema {@code aggregates-v1}, documented in
 * {@code src/docs/schema/aggregates-v1.md}) or as text. Non-finite numbers (an unbounded audit
 * interval, a missing minimum) are written as JSON {@code null}.
 */
public final class AggregateReportWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AggregateReportWriter() {
    }

    public static String json(AggregateReport r) throws AuditException {
        try {
            return MAPPER.writeValueAsString(tree(r));
        } catch (JsonProcessingException e) {
            throw new AuditException(e, "aggregate.error.lp", e.getClass().getSimpleName());
        }
    }

    /** The report as a Jackson tree. */
    public static ObjectNode tree(AggregateReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", 1);
        root.put("lane", "aggregates");
        root.put("release", r.release());
        ObjectNode rules = root.putObject("rules");
        if (r.threshold() == null) {
            rules.putNull("threshold");
        } else {
            ObjectNode th = rules.putObject("threshold");
            num(th, "value", r.threshold().threshold());
            th.put("operator", r.threshold().operator().symbol());
            th.put("zeroUnsafe", r.threshold().zeroUnsafe());
        }
        if (r.dominance() != null) {
            ObjectNode d = rules.putObject("dominance");
            d.put("n", r.dominanceN());
            num(d, "k", r.dominanceK());
            d.put("operator", r.dominance().boundary().symbol());
        } else {
            rules.putNull("dominance");
        }
        num(rules, "pPercent", r.pPercent());
        if (r.pq() == null) {
            rules.putNull("pq");
        } else {
            rules.putObject("pq").put("p", r.pq().p()).put("q", r.pq().q());
        }
        rules.put("zeroMagnitudeUnsafe", r.rules().zeroMagnitudeUnsafe());
        num(rules, "width", r.width());
        strings(rules.putArray("extrapolatedTables"), r.extrapolated());
        ArrayNode tables = root.putArray("tables");
        for (TableRuleResult t : r.tables()) {
            ObjectNode o = tables.addObject();
            o.put("name", t.table());
            o.put("cells", t.cells());
            o.put("suppressed", t.suppressed());
            num(o, "minCount", t.minCount());
            o.put("extrapolated", t.extrapolated());
            o.put("zeroCells", t.zeroCells());
            o.put("zeroMagnitudeCells", t.zeroMagnitudeCells());
            num(o, "maxTop1Share", t.maxTop1Share());
            num(o, "maxTop2Share", t.maxTop2Share());
            num(o, "minPRatio", t.minPRatio());
            ArrayNode unsafe = o.putArray("unsafe");
            for (UnsafeCell u : t.unsafe()) {
                ObjectNode c = unsafe.addObject();
                c.put("index", u.index());
                strings(c.putArray("cell"), u.cell());
                strings(c.putArray("rules"), u.rules());
                num(c, "count", u.count());
                c.put("detail", u.detail());
            }
        }
        if (r.groupBy() == null) {
            root.putNull("groupDisclosure");
        } else {
            ObjectNode g = root.putObject("groupDisclosure");
            strings(g.putArray("dims"), r.groupDims());
            g.put("by", r.groupBy());
            ArrayNode groups = g.putArray("groups");
            for (DisclosedGroup d : r.groups()) {
                ObjectNode o = groups.addObject();
                o.put("table", d.table());
                strings(o.putArray("group"), d.group());
                o.put("category", d.category());
                num(o, "members", d.members());
                num(o, "inCategory", d.inCategory());
                num(o, "outside", d.outside());
                o.put("hasSuppressed", d.hasSuppressed());
            }
        }
        ArrayNode diff = root.putArray("differencing");
        for (RecoveredCell c : r.differencing()) {
            ObjectNode o = diff.addObject();
            o.put("table", c.table());
            strings(o.putArray("cell"), c.cell());
            num(o, "low", c.low());
            num(o, "high", c.high());
            o.put("exact", c.exact());
            o.put("kind", c.kind());
            o.put("derivation", c.derivation());
        }
        if (r.audit() == null) {
            root.putNull("audit");
        } else {
            ArrayNode audit = root.putArray("audit");
            for (AuditedCell c : r.audit()) {
                ObjectNode o = audit.addObject();
                o.put("table", c.table());
                o.put("index", c.index());
                strings(o.putArray("cell"), c.cell());
                num(o, "low", c.low());
                num(o, "high", c.high());
                num(o, "width", c.width());
                num(o, "required", c.required());
                o.put("exposed", c.exposed());
                o.put("feasible", c.feasible());
                o.put("exposure", c.exposure().name().toLowerCase(java.util.Locale.ROOT));
                o.put("explanation", c.explain(java.util.Locale.ENGLISH));
            }
        }
        ObjectNode prot = root.putObject("protection");
        num(prot, "absolute", r.protection().absolute());
        num(prot, "percent", r.protection().percent());
        RecoveryResult rec = r.recovery();
        if (rec == null) {
            root.putNull("recovery");
        } else {
            ObjectNode o = root.putObject("recovery");
            num(o, "accuracy", rec.accuracy());
            num(o, "withinDayAccuracy", rec.withinDayAccuracy());
            o.put("topK", rec.topK());
            num(o, "topKUniqueness", rec.topKUniqueness());
            num(o, "topKReidentified", rec.topKReidentified());
            o.put("users", rec.users());
            o.put("slots", rec.slots());
            o.put("days", rec.days());
            o.put("areas", rec.areas());
            o.put("distance", rec.distance());
            o.put("observedPoints", rec.observedPoints());
            o.put("tie", rec.tie());
            o.put("ties", rec.ties());
            o.put("tieBreaks", rec.tieBreaks());
            o.put("rangeExact", rec.rangeExact());
            num(o, "accuracyMin", rec.accuracyMin());
            num(o, "accuracyMax", rec.accuracyMax());
            num(o, "withinDayMin", rec.withinDayMin());
            num(o, "withinDayMax", rec.withinDayMax());
            num(o, "accuracyLowerBound", rec.accuracyLowerBound());
            num(o, "accuracyUpperBound", rec.accuracyUpperBound());
        }
        if (!r.releases().isEmpty()) {
            ArrayNode rels = root.putArray("releases");
            for (ReleaseResult rel : r.releases()) {
                ObjectNode o = rels.addObject();
                o.put("name", rel.name());
                ArrayNode ts = o.putArray("tables");
                for (TableRuleResult t : rel.tables()) {
                    ObjectNode to = ts.addObject();
                    to.put("name", t.table());
                    num(to, "minCount", t.minCount());
                    to.put("unsafe", t.unsafe().size());
                }
                summary(o.putObject("aggregates"), rel.summary());
            }
        }
        ArrayNode dec = root.putArray("seriesDecreases");
        for (SeriesDecrease d : r.seriesDecreases()) {
            ObjectNode o = dec.addObject();
            o.put("table", d.table());
            strings(o.putArray("cell"), d.cell());
            o.put("previous", d.previous());
            o.put("next", d.next());
            num(o, "before", d.before());
            num(o, "after", d.after());
        }
        summary(root.putObject("aggregates"), r.summary());
        return root;
    }

    private static void summary(ObjectNode m, AggregateSummary s) {
        m.put("tables", s.tables());
        m.put("cells", s.cells());
        m.put("suppressedCells", s.suppressedCells());
        m.put("unsafeCells", s.unsafeCells());
        if (s.exposedCells() < 0) {
            m.putNull("exposedCells");
        } else {
            m.put("exposedCells", s.exposedCells());
        }
        m.put("recoverableCells", s.recoverableCells());
        m.put("disclosedGroups", s.disclosedGroups());
        ObjectNode min = m.putObject("minCount");
        for (Map.Entry<String, Double> e : s.minCount().entrySet()) {
            num(min, e.getKey(), e.getValue());
        }
        m.put("releases", s.releases());
        count(m, "zeroCells", s.zeroCells());
        count(m, "zeroMagnitudeCells", s.zeroMagnitudeCells());
        num(m, "maxTop1Share", s.maxTop1Share());
        num(m, "maxTop2Share", s.maxTop2Share());
        num(m, "minPRatio", s.minPRatio());
        count(m, "seriesDecreases", s.seriesDecreases());
    }

    /** A count, or null when negative (not measured). */
    private static void count(ObjectNode o, String field, long v) {
        if (v < 0) {
            o.putNull(field);
        } else {
            o.put(field, v);
        }
    }

    private static void num(ObjectNode o, String field, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(field);
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            o.put(field, (long) v);
        } else {
            o.put(field, v);
        }
    }

    private static void strings(ArrayNode a, List<String> values) {
        for (String v : values) {
            a.add(v);
        }
    }

    /** A terminal summary (findings first, details after). */
    public static String text(AggregateReport r) {
        StringBuilder sb = new StringBuilder();
        AggregateSummary s = r.summary();
        sb.append("Aggregates audit of ").append(r.release()).append(": ").append(s.tables()).append(" table(s), ")
                .append(s.cells()).append(" cells, ").append(s.suppressedCells()).append(" suppressed\n");
        if (r.threshold() != null) {
            sb.append("Threshold rule: unsafe if ").append(r.threshold().describe()).append('\n');
        }
        if (r.dominance() != null) {
            sb.append("Dominance rule: unsafe if ").append(r.dominance().describe()).append('\n');
        }
        if (r.pq() != null) {
            sb.append("pq rule: unsafe if ").append(r.pq().describe()).append('\n');
        }
        if (!Double.isNaN(r.pPercent())) {
            sb.append("p% rule: unsafe if T - x1 - x2 < ").append(fmt(r.pPercent())).append("% of x1\n");
        }
        if (r.rules().zeroMagnitudeUnsafe()) {
            sb.append("All-zero contributions: unsafe under the p% and pq rules (ACRO)\n");
        }
        if (!r.extrapolated().isEmpty()) {
            sb.append("Extrapolated tables (rules applied to counts divided by the declared factor): ")
                    .append(String.join(", ", r.extrapolated())).append('\n');
        }
        sb.append('\n');
        for (TableRuleResult t : r.tables()) {
            sb.append("Table ").append(t.table()).append(": ").append(t.cells()).append(" cells, ")
                    .append(t.unsafe().size()).append(" unsafe, smallest count ").append(fmt(t.minCount()))
                    .append('\n');
            for (UnsafeCell u : t.unsafe()) {
                sb.append("  unsafe ").append(String.join("|", u.cell())).append(" ").append(u.rules()).append(": ")
                        .append(u.detail()).append('\n');
            }
        }
        if (r.groupBy() != null) {
            sb.append("\nGroup disclosure (").append(String.join(" x ", r.groupDims())).append(" by ").append(r.groupBy())
                    .append("): ").append(r.groups().size()).append(" group(s)\n");
            for (DisclosedGroup g : r.groups()) {
                sb.append("  ").append(String.join("|", g.group())).append(": ").append(fmt(g.inCategory()))
                        .append(" of ").append(fmt(g.members())).append(" in ").append(g.category())
                        .append(g.hasSuppressed() ? " (some cells withheld)" : "").append('\n');
            }
        }
        if (r.releases().size() > 1) {
            sb.append("\nReleases checked: ").append(r.releases().size()).append('\n');
            for (ReleaseResult rel : r.releases()) {
                sb.append("  ").append(rel.name()).append(": ").append(rel.summary().unsafeCells()).append(" unsafe, ")
                        .append(rel.summary().recoverableCells()).append(" recovered")
                        .append(rel.summary().exposedCells() < 0 ? "" : ", " + rel.summary().exposedCells()
                                + " exposed")
                        .append('\n');
            }
        }
        if (!r.seriesDecreases().isEmpty()) {
            sb.append("Series is not cumulative: ").append(r.seriesDecreases().size()).append(" cell(s) decrease\n");
            for (SeriesDecrease d : r.seriesDecreases()) {
                sb.append("  ").append(d.describe()).append('\n');
            }
        }
        sb.append("\nDifferencing: ").append(r.differencing().size()).append(" number(s) recovered\n");
        for (RecoveredCell c : r.differencing()) {
            sb.append("  [").append(c.kind()).append("] ").append(c.derivation()).append('\n');
        }
        if (r.audit() != null) {
            sb.append("\nAudit of withheld cells: ").append(s.exposedCells()).append(" of ").append(r.audit().size())
                    .append(" exposed\n");
            for (AuditedCell c : r.audit()) {
                sb.append("  ").append(c.exposed() ? "EXPOSED " : "ok      ").append(c.table()).append('[')
                        .append(String.join("|", c.cell())).append("] in [").append(fmt(c.low())).append(", ")
                        .append(fmt(c.high())).append("]: ").append(c.explain(java.util.Locale.ENGLISH)).append('\n');
            }
        }
        if (r.recovery() != null) {
            RecoveryResult rec = r.recovery();
            sb.append("\nTrajectory recovery (").append(rec.users()).append(" users, ").append(rec.slots())
                    .append(" slots): accuracy ").append(String.format("%.3f", rec.accuracy()))
                    .append(", within-day ").append(String.format("%.3f", rec.withinDayAccuracy())).append(", top-")
                    .append(rec.topK()).append(" unique ").append(String.format("%.3f", rec.topKUniqueness()))
                    .append(", ").append(rec.observedPoints()).append(" observed points\n");
            if (rec.tie()) {
                sb.append("  The attack met ").append(rec.ties()).append(" tie(s): accuracy ")
                        .append(String.format("%.3f", rec.accuracyMin())).append(" to ")
                        .append(String.format("%.3f", rec.accuracyMax())).append(" over ").append(rec.tieBreaks())
                        .append(rec.rangeExact() ? " (all) tie-breaks" : " tie-break(s) evaluated")
                        .append(", proven within ").append(String.format("%.3f", rec.accuracyLowerBound()))
                        .append(" to ").append(String.format("%.3f", rec.accuracyUpperBound())).append('\n');
            }
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return "inf";
        }
        return v == Math.rint(v) ? Long.toString((long) v) : String.format("%.2f", v);
    }
}

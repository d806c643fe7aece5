package org.releaseauditor.service.aggregates;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.releaseauditor.core.aggregate.AggregateConfig;
import org.releaseauditor.core.aggregate.DominanceRule;
import org.releaseauditor.core.aggregate.PqRule;
import org.releaseauditor.core.aggregate.PrimaryRuleConfig;
import org.releaseauditor.core.aggregate.ProtectionRequirement;
import org.releaseauditor.core.aggregate.TableSpec;
import org.releaseauditor.core.aggregate.ThresholdRule;
import org.releaseauditor.core.aggregate.TrajectoryRecovery;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.service.InputLocations;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.LaneRequest;
import org.releaseauditor.service.RequestJson;

/**
 * One aggregates audit of a release set: how each count table is read, the primary rules,
 * group disclosure, differencing, the LP audit of withheld cells and the trajectory-recovery
 * stress test. Every default of the aggregates lane is defined here, in {@link Builder} (one
 * set of margin tokens for every front end: {@code Total|All|ALL|*}).
 *
 * <p>Inputs by role: {@code table:NAME} for each table (required), {@code contributions:NAME}
 * (with the table's contributor columns), {@code hierarchy:DIM} (a dimension's mapping file),
 * {@code series:NAME:K} (the K-th later release of a table, K = 1, 2, …) and {@code recovery}
 * (ground-truth trajectories, required with {@link #recovery()}).
 *
 * @param tables             the release set's tables, in order (at least one)
 * @param threshold          threshold n of the threshold rule, or null for no rule
 * @param operator           {@code lt} (unsafe if count &lt; n) or {@code le} (count ≤ n)
 * @param zeroUnsafe         whether a zero count is unsafe too
 * @param dominance          (n,k)-dominance with its boundary operator, or null for no rule
 * @param pPercent           p of the p % rule, or null for no rule
 * @param pq                 the pq rule, or null for no rule
 * @param zeroMagnitudeUnsafe whether a published cell whose contributions are all 0 is unsafe
 *                           under the p % and pq rules (ACRO's convention)
 * @param rulesPreset        the preset the primary rules started from ({@code acro}), or null;
 *                           with a preset the magnitude rules apply to the tables that have
 *                           magnitudes or contributions (as in ACRO), without one every table
 *                           needs them
 * @param group              group-disclosure check, or null
 * @param audit              whether the LP audit of withheld cells runs
 * @param protectionAbsolute width the audit requires of a withheld cell's interval, in counts
 * @param protectionPercent  width the audit requires, in percent of the cell's upper bound
 * @param width              differencing also reports withheld cells pinned to at most this width
 * @param marginTokens       dimension values that mark margins, sorted
 * @param suppressionMarkers count values that mark withheld cells, sorted ({@code ""}: an empty field)
 * @param recovery           trajectory-recovery stress test, or null
 */
public record AggregatesRequest(List<Table> tables, Double threshold, String operator, boolean zeroUnsafe,
        Dominance dominance, Double pPercent, Pq pq, boolean zeroMagnitudeUnsafe, String rulesPreset, Group group,
        boolean audit, double protectionAbsolute, double protectionPercent, double width, List<String> marginTokens,
        List<String> suppressionMarkers, Recovery recovery) implements LaneRequest {

    public static final String LANE = "aggregates";
    /** Role prefix of a count table: {@code table:NAME}. */
    public static final String TABLE = "table:";
    /** Role prefix of a table's contributor file: {@code contributions:NAME}. */
    public static final String CONTRIBUTIONS = "contributions:";
    /** Role prefix of a dimension's hierarchy file: {@code hierarchy:DIM}. */
    public static final String HIERARCHY = "hierarchy:";
    /** Role prefix of a later release of a table: {@code series:NAME:K}. */
    public static final String SERIES = "series:";
    /** Role of the ground-truth trajectories of the recovery test. */
    public static final String RECOVERY = "recovery";
    /** The presets of the primary rules ({@code --rules}). */
    public static final List<String> PRESETS = List.of("acro");
    /** The most random tie-breaks of the recovery attack one run may evaluate ({@code --tie-samples}). */
    public static final int MAX_TIE_SAMPLES = TrajectoryRecovery.MAX_TIE_SAMPLES;

    /**
     * How one count table is read.
     *
     * @param name              the table's name (also its input role {@code table:NAME})
     * @param count             count column
     * @param dimensions        dimension columns, or null for every column except count, magnitude and scale
     * @param magnitude         magnitude column (dominance, p %), or null
     * @param scale             declared extrapolation factor (rules use count / scale)
     * @param scaleColumn       per-cell scaling-factor column, or null
     * @param contributorId     contributor-id column of the contributions file, or null
     * @param contributionValue value column of the contributions file, or null
     */
    public record Table(String name, String count, List<String> dimensions, String magnitude, double scale,
            String scaleColumn, String contributorId, String contributionValue) {
        public Table {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(count, "count");
            dimensions = dimensions == null ? null : List.copyOf(dimensions);
        }
    }

    /** Group disclosure: groups by {@code dims}, disclosed category of {@code by}, allowing {@code allowedOutside}. */
    public record Group(List<String> dims, String by, double allowedOutside) {
        public Group {
            dims = List.copyOf(dims);
            Objects.requireNonNull(by, "by");
        }
    }

    /**
     * (n,k)-dominance: unsafe when the n largest contributions make up more than ({@code gt}) or
     * at least ({@code ge}) k % of the cell total.
     *
     * @param n        how many of the largest contributions are added up (at least 1)
     * @param k        the share in percent, in (0, 100]
     * @param operator {@code gt} (τ-ARGUS, sdcTable, ACRO 0.4) or {@code ge} (ACRO 1.x)
     */
    public record Dominance(int n, double k, String operator) {
        public Dominance {
            Objects.requireNonNull(operator, "operator");
        }
    }

    /**
     * The pq rule (sdcTable): unsafe when {@code T − x1 − x2 < (p/q)·x1}.
     *
     * @param p the accuracy in percent to which the largest contribution must stay hidden
     * @param q the accuracy in percent to which the intruder knows the other contributions
     */
    public record Pq(double p, double q) {
    }

    /**
     * Trajectory recovery from a ground-truth file.
     *
     * @param userColumn  user column
     * @param slotColumn  slot column ({@code date+hour}: a date and an hour column)
     * @param areaColumn  area column
     * @param slotMinutes slot length in minutes (divides a day)
     * @param topK        k of the top-k places uniqueness
     * @param tieSamples  random tie-breaks evaluated when the attack ties and there are too many
     *                    users to enumerate every tie-break (0 to 1000)
     */
    public record Recovery(String userColumn, String slotColumn, String areaColumn, int slotMinutes, int topK,
            int tieSamples) {
    }

    /**
     * Where the settings panel starts a rule that the user switches on (the lane itself applies
     * no rule by default): the threshold rule at the ACRO minimum that also decides derived
     * numbers, (3, 75 %) dominance with the lane's default boundary, the p % rule at 10 % and
     * sdcTable's default pq rule (25, 50).
     */
    public record RuleStart(double threshold, int dominanceN, double dominanceK, String dominanceOperator,
            double pPercent, double pqP, double pqQ) {
    }

    public AggregatesRequest {
        tables = List.copyOf(tables);
        marginTokens = List.copyOf(new TreeSet<>(marginTokens));
        suppressionMarkers = List.copyOf(new TreeSet<>(suppressionMarkers));
        Objects.requireNonNull(operator, "operator");
    }

    /** Every default; no table yet (such a request does not validate). */
    public static AggregatesRequest defaults() {
        return new Builder().unchecked();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The recovery settings used when only the ground-truth file is given (help texts show them). */
    public static Recovery recoveryDefaults() {
        Builder b = new Builder();
        b.recoveryColumns = new String[] {"user", "slot", "area"};
        return b.unchecked().recovery();
    }

    /**
     * The primary rules of a preset ({@code acro}) as a request without tables, for a front end
     * that shows them before the user edits them; a usage error for an unknown preset.
     */
    public static AggregatesRequest preset(String name) throws ConfigurationException {
        return new Builder().rules(name).unchecked();
    }

    /** Where the settings panel starts a rule that is switched on (see {@link RuleStart}). */
    public static RuleStart ruleStart() {
        Builder b = new Builder();
        return new RuleStart(Builder.DERIVED_THRESHOLD, Builder.START_DOMINANCE_N, Builder.START_DOMINANCE_K,
                b.dominanceOperator, Builder.START_P_PERCENT, PqRule.sdcTableDefault().p(),
                PqRule.sdcTableDefault().q());
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** n of (n,k)-dominance, or null when the rule is off. */
    public Integer dominanceN() {
        return dominance == null ? null : dominance.n();
    }

    /** k of (n,k)-dominance in percent, or null when the rule is off. */
    public Double dominanceK() {
        return dominance == null ? null : dominance.k();
    }

    /** The dominance rule with its boundary, or null. */
    public DominanceRule dominanceRule() {
        return dominance == null ? null : new DominanceRule(dominance.n(), dominance.k(),
                DominanceRule.Boundary.parse(dominance.operator()));
    }

    /** The pq rule, or null. */
    public PqRule pqRule() {
        return pq == null ? null : new PqRule(pq.p(), pq.q());
    }

    /** Whether a rule needs magnitudes (dominance, p %, pq). */
    public boolean magnitudeRules() {
        return dominance != null || pPercent != null || pq != null;
    }

    /** The primary rules for the engine. */
    public PrimaryRuleConfig primaryRules() {
        return new PrimaryRuleConfig(thresholdRule(), dominanceRule(), pPercent == null ? Double.NaN : pPercent,
                pqRule(), zeroMagnitudeUnsafe);
    }

    /**
     * The rule that decides whether a derived number or a series increment is reported: the
     * threshold rule, or without one the lane default {@code count < 10} (ACRO's minimum).
     */
    public ThresholdRule derivedRule() {
        ThresholdRule t = thresholdRule();
        return t != null ? t : new ThresholdRule(Builder.DERIVED_THRESHOLD, ThresholdRule.Operator.LT, false);
    }

    /** Every check of the analysis for the engine ({@code AggregateAnalysis.run}). */
    public AggregateConfig config() {
        return new AggregateConfig(primaryRules(), group == null ? List.of() : group.dims(),
                group == null ? null : group.by(), group == null ? 0 : group.allowedOutside(), audit, protection(),
                width, derivedRule());
    }

    /** The trajectory-recovery settings for the engine, or null without a recovery test. */
    public TrajectoryRecovery.Config recoveryConfig() {
        if (recovery == null) {
            return null;
        }
        int slotsPerDay = recovery.slotMinutes() > 0 ? 1440 / recovery.slotMinutes() : 0;
        TrajectoryRecovery.Config d = TrajectoryRecovery.Config.defaults(slotsPerDay);
        return new TrajectoryRecovery.Config(d.nightFrom(), d.nightTo(), recovery.topK())
                .withTieSamples(recovery.tieSamples());
    }

    /**
     * Checks every value before any file is read: the ranges of the options, then the engine's
     * own checks of the configuration ({@code AggregateConfig.validate}) and of the recovery
     * settings ({@code TrajectoryRecovery.Config.validate}). A usage error names the option.
     */
    public void validateOptions() throws ConfigurationException {
        if (tables.isEmpty()) {
            throw new ConfigurationException("aggregate.error.noTables");
        }
        for (Table t : tables) {
            check(t.scale() > 0 && Double.isFinite(t.scale()), "scale", t.scale(), "a factor greater than 0");
            if (t.dimensions() != null && t.dimensions().contains(t.count())) {
                throw new ConfigurationException("aggregate.error.dimIsCount", t.name(), t.count());
            }
        }
        check(ThresholdRule.Operator.parse(operator) != null, "--operator", operator, "lt or le");
        check(threshold == null || threshold >= 0 && Double.isFinite(threshold), "--threshold", threshold,
                "a count of 0 or more");
        if (dominance != null) {
            check(dominance.n() >= 1 && dominance.k() > 0 && dominance.k() <= 100, "--dominance",
                    "n=" + dominance.n() + ",k=" + fmt(dominance.k()),
                    "n=3,k=75 (n at least 1, k in (0, 100])");
            check(DominanceRule.Boundary.parse(dominance.operator()) != null, "--dominance op",
                    dominance.operator(), "gt or ge");
        }
        check(pPercent == null || pPercent > 0 && pPercent <= 100, "--p-percent", pPercent, "(0, 100]");
        if (pq != null) {
            check(pq.p() > 0 && pq.p() < pq.q() && pq.q() <= 100, "--pq", "p=" + fmt(pq.p()) + ",q="
                    + fmt(pq.q()), "p=25,q=50 (0 < p < q <= 100)");
        }
        check(rulesPreset == null || PRESETS.contains(rulesPreset), "--rules", rulesPreset, String.join(", ",
                PRESETS));
        check(protectionAbsolute >= 0 && protectionPercent >= 0 && protectionPercent <= 100
                && Double.isFinite(protectionAbsolute), "--protection", fmt(protectionAbsolute) + "/"
                        + fmt(protectionPercent) + "%", "3 or 20%");
        check(width >= 0 && Double.isFinite(width), "--width", width, "0 or more");
        if (group != null) {
            check(group.allowedOutside() >= 0 && Double.isFinite(group.allowedOutside()), "--group",
                    group.allowedOutside(), "allowed=0 or more");
        }
        if (recovery != null) {
            check(recovery.slotMinutes() > 0 && 1440 % recovery.slotMinutes() == 0, "--slot",
                    recovery.slotMinutes() + " min", "a slot length that divides a day: 15m, 30m, 1h, 2h");
            check(recovery.topK() >= 1, "--top-k", recovery.topK(), "1 or more");
            recoveryConfig().validate();
        }
        config().validate();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static void check(boolean ok, String option, Object value, String expected)
            throws ConfigurationException {
        if (!ok) {
            throw new ConfigurationException("aggregate.error.option", option, String.valueOf(value), expected);
        }
    }

    @Override
    public String lane() {
        return LANE;
    }

    /** The table of a name, or null. */
    public Table table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    /** The threshold rule, or null. */
    public ThresholdRule thresholdRule() {
        return threshold == null ? null : new ThresholdRule(threshold, ThresholdRule.Operator.parse(operator),
                zeroUnsafe);
    }

    public ProtectionRequirement protection() {
        return new ProtectionRequirement(protectionAbsolute, protectionPercent);
    }

    /** The reading spec of a table for the engine. */
    public TableSpec spec(Table t) {
        return new TableSpec(t.name(), t.count(), t.dimensions(), t.magnitude(), t.scale(), t.scaleColumn(),
                new LinkedHashSet<>(marginTokens), new LinkedHashSet<>(suppressionMarkers));
    }

    /**
     * The attacker model these settings describe, as JSON (recorded as the attacker model of a
     * case run): an intruder who holds every published table (and the later releases), narrows
     * withheld cells with the LP audit when it is on, subtracts tables (differencing), and looks
     * for groups that disclose an attribute.
     */
    public String attackerModelJson() {
        ObjectNode n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        n.put("model", "table-intruder");
        ArrayNode names = n.putArray("tables");
        tables.forEach(t -> names.add(t.name()));
        n.put("audit", audit);
        n.put("protectionAbsolute", protectionAbsolute);
        n.put("protectionPercent", protectionPercent);
        n.put("differencingWidth", width);
        if (group == null) {
            n.putNull("group");
        } else {
            ObjectNode g = n.putObject("group");
            group.dims().forEach(g.putArray("dims")::add);
            g.put("by", group.by());
        }
        n.put("recovery", recovery != null);
        return RequestJson.canonical(n);
    }

    @Override
    public ObjectNode toJsonTree() {
        ObjectNode n = RequestJson.root(LANE);
        ArrayNode ts = n.putArray("tables");
        for (Table t : tables) {
            ObjectNode o = ts.addObject();
            o.put("name", t.name());
            o.put("count", t.count());
            if (t.dimensions() == null) {
                o.putNull("dimensions");
            } else {
                t.dimensions().forEach(o.putArray("dimensions")::add);
            }
            o.put("magnitude", t.magnitude());
            o.put("scale", t.scale());
            o.put("scaleColumn", t.scaleColumn());
            o.put("contributorId", t.contributorId());
            o.put("contributionValue", t.contributionValue());
        }
        n.put("threshold", threshold);
        n.put("operator", operator);
        n.put("zeroUnsafe", zeroUnsafe);
        if (dominance == null) {
            n.putNull("dominance");
        } else {
            n.putObject("dominance").put("n", dominance.n()).put("k", dominance.k())
                    .put("operator", dominance.operator());
        }
        n.put("pPercent", pPercent);
        if (pq == null) {
            n.putNull("pq");
        } else {
            n.putObject("pq").put("p", pq.p()).put("q", pq.q());
        }
        n.put("zeroMagnitudeUnsafe", zeroMagnitudeUnsafe);
        n.put("rulesPreset", rulesPreset);
        if (group == null) {
            n.putNull("group");
        } else {
            ObjectNode g = n.putObject("group");
            group.dims().forEach(g.putArray("dims")::add);
            g.put("by", group.by());
            g.put("allowedOutside", group.allowedOutside());
        }
        n.put("audit", audit);
        n.putObject("protection").put("absolute", protectionAbsolute).put("percent", protectionPercent);
        n.put("width", width);
        marginTokens.forEach(n.putArray("marginTokens")::add);
        suppressionMarkers.forEach(n.putArray("suppressionMarkers")::add);
        if (recovery == null) {
            n.putNull("recovery");
        } else {
            n.putObject("recovery").put("userColumn", recovery.userColumn()).put("slotColumn", recovery.slotColumn())
                    .put("areaColumn", recovery.areaColumn()).put("slotMinutes", recovery.slotMinutes())
                    .put("topK", recovery.topK()).put("tieSamples", recovery.tieSamples());
        }
        return n;
    }

    /** Reads a request (canonical or hand-written JSON; absent fields keep their defaults). */
    public static AggregatesRequest fromJson(String json) throws ConfigurationException {
        ObjectNode n = RequestJson.parseObject(json, LANE + " request");
        RequestJson.Reader r = new RequestJson.Reader(n, LANE).header(LANE);
        Builder b = new Builder();
        List<ObjectNode> tables = r.objects("tables");
        if (tables != null) {
            for (ObjectNode o : tables) {
                RequestJson.Reader tr = new RequestJson.Reader(o, LANE + ".tables");
                String name = tr.string("name");
                if (name == null) {
                    throw new ConfigurationException("request.error.type", LANE, "tables", "objects with a name",
                            o.toString());
                }
                TableBuilder t = b.table(name);
                t.count(tr.string("count"));
                if (tr.has("dimensions")) {
                    t.dimensions(tr.strings("dimensions"));
                }
                t.magnitude(tr.string("magnitude"));
                t.scale(tr.number("scale"));
                t.scaleColumn(tr.string("scaleColumn"));
                t.contributorId(tr.string("contributorId"));
                t.contributionValue(tr.string("contributionValue"));
                tr.finish();
            }
        }
        // the preset first, so that the fields written next to it override it (as on the command line);
        // a rule written as null is off even when the preset has it
        b.rules(r.string("rulesPreset"));
        if (explicitNull(n, "threshold")) {
            b.noThreshold();
        }
        if (explicitNull(n, "dominance")) {
            b.noDominance();
        }
        if (explicitNull(n, "pPercent")) {
            b.noPPercent();
        }
        if (explicitNull(n, "pq")) {
            b.noPq();
        }
        b.threshold(r.number("threshold"));
        b.operator(r.string("operator"));
        b.zeroUnsafe(r.bool("zeroUnsafe"));
        ObjectNode dom = r.object("dominance");
        if (dom != null) {
            RequestJson.Reader dr = new RequestJson.Reader(dom, LANE + ".dominance");
            Integer dn = dr.integer("n");
            Double dk = dr.number("k");
            String op = dr.string("operator");
            dr.finish();
            if (dn == null || dk == null) {
                throw new ConfigurationException("aggregate.error.option", "dominance", dom.toString(),
                        "{\"n\": 3, \"k\": 75, \"operator\": \"gt\"}");
            }
            b.dominance(dn, dk).dominanceOperator(op);
        }
        b.pPercent(r.number("pPercent"));
        ObjectNode pqNode = r.object("pq");
        if (pqNode != null) {
            RequestJson.Reader qr = new RequestJson.Reader(pqNode, LANE + ".pq");
            Double p = qr.number("p");
            Double q = qr.number("q");
            qr.finish();
            if (p == null || q == null) {
                throw new ConfigurationException("aggregate.error.option", "pq", pqNode.toString(),
                        "{\"p\": 25, \"q\": 50}");
            }
            b.pq(p, q);
        }
        b.zeroMagnitudeUnsafe(r.bool("zeroMagnitudeUnsafe"));
        ObjectNode g = r.object("group");
        if (g != null) {
            RequestJson.Reader gr = new RequestJson.Reader(g, LANE + ".group");
            List<String> dims = gr.strings("dims");
            String by = gr.string("by");
            Double allowed = gr.number("allowedOutside");
            gr.finish();
            b.group(dims == null ? List.of() : dims, by, allowed == null ? 0 : allowed);
        }
        b.audit(r.bool("audit"));
        ObjectNode p = r.object("protection");
        if (p != null) {
            RequestJson.Reader pr = new RequestJson.Reader(p, LANE + ".protection");
            Double abs = pr.number("absolute");
            Double pct = pr.number("percent");
            pr.finish();
            b.protection(abs == null ? 0 : abs, pct == null ? 0 : pct);
        }
        b.width(r.number("width"));
        b.marginTokens(r.strings("marginTokens"));
        b.suppressionMarkers(r.strings("suppressionMarkers"));
        ObjectNode rec = r.object("recovery");
        if (rec != null) {
            RequestJson.Reader rr = new RequestJson.Reader(rec, LANE + ".recovery");
            b.recovery(rr.string("userColumn"), rr.string("slotColumn"), rr.string("areaColumn"));
            b.slotMinutes(rr.integer("slotMinutes"));
            b.topK(rr.integer("topK"));
            b.tieSamples(rr.integer("tieSamples"));
            rr.finish();
        }
        r.finish();
        return b.build();
    }

    private static boolean explicitNull(ObjectNode n, String field) {
        return n.has(field) && n.get(field).isNull();
    }

    /** The settings of one table while the request is built. */
    public static final class TableBuilder {
        private final String name;
        private String count = "count";
        private List<String> dimensions;
        private String magnitude;
        private Double scale;
        private String scaleColumn;
        private String contributorId;
        private String contributionValue;

        TableBuilder(String name) {
            this.name = name;
        }

        TableBuilder(Table t) {
            this(t.name());
            count = t.count();
            dimensions = t.dimensions();
            magnitude = t.magnitude();
            scale = t.scale();
            scaleColumn = t.scaleColumn();
            contributorId = t.contributorId();
            contributionValue = t.contributionValue();
        }

        public String name() {
            return name;
        }

        public TableBuilder count(String column) {
            if (column != null) {
                count = column.strip();
            }
            return this;
        }

        /** Dimension columns; null (or never set) infers them from the header. */
        public TableBuilder dimensions(List<String> columns) {
            dimensions = columns == null ? null : columns.stream().map(String::strip).filter(c -> !c.isEmpty())
                    .toList();
            return this;
        }

        public TableBuilder magnitude(String column) {
            if (column != null) {
                magnitude = column.isBlank() ? null : column.strip();
            }
            return this;
        }

        public TableBuilder scale(Double factor) {
            if (factor != null) {
                scale = factor;
            }
            return this;
        }

        public TableBuilder scaleColumn(String column) {
            if (column != null) {
                scaleColumn = column.isBlank() ? null : column.strip();
            }
            return this;
        }

        public TableBuilder contributorId(String column) {
            if (column != null) {
                contributorId = column.strip();
            }
            return this;
        }

        public TableBuilder contributionValue(String column) {
            if (column != null) {
                contributionValue = column.strip();
            }
            return this;
        }

        Table build(double defaultScale) {
            return new Table(name, count, dimensions, magnitude, scale == null ? defaultScale : scale, scaleColumn,
                    contributorId, contributionValue);
        }
    }

    /**
     * Builds a request. Holds every default of the lane; a null argument leaves a value as it is.
     * The text setters take the command-line syntax ({@code --table NAME=FILE,count=c,dims=a|b},
     * {@code --dominance n=3,k=75}, {@code --group dims=a|b,by=c}, {@code --protection 20%}, …).
     */
    public static final class Builder {
        /** Derived numbers and series increments without a threshold rule: count &lt; 10 (ACRO's minimum). */
        static final double DERIVED_THRESHOLD = 10;
        /** Where the settings panel starts (n,k)-dominance: τ-ARGUS's usual (3, 75 %). */
        static final int START_DOMINANCE_N = 3;
        static final double START_DOMINANCE_K = 75;
        /** Where the settings panel starts the p % rule. */
        static final double START_P_PERCENT = 10;

        private final Map<String, TableBuilder> tables = new LinkedHashMap<>();
        private Double threshold;
        private String operator = "lt";
        private boolean zeroUnsafe = false;
        private Integer dominanceN;
        private Double dominanceK;
        private String dominanceOperator = "gt";
        private Double pPercent;
        private Pq pq;
        private boolean zeroMagnitudeUnsafe = false;
        private String rulesPreset;
        private Group group;
        private boolean audit = false;
        private double protectionAbsolute = 0;
        private double protectionPercent = 0;
        private double width = 0;
        private double scale = 1.0;
        private final Set<String> marginTokens = new LinkedHashSet<>(List.of("Total", "All", "ALL", "*"));
        private final Set<String> suppressionMarkers = new LinkedHashSet<>(
                List.of("", "x", "X", ".", "..", "<5", "c", "NA"));
        private String[] recoveryColumns;
        private int slotMinutes = 60;
        private int topK = 2;
        private int tieSamples = 0;
        private final Map<String, Integer> seriesCount = new LinkedHashMap<>();
        private final InputLocations inputs = new InputLocations();

        Builder() {
        }

        Builder(AggregatesRequest r) {
            r.tables.forEach(t -> tables.put(t.name(), new TableBuilder(t)));
            threshold = r.threshold;
            operator = r.operator;
            zeroUnsafe = r.zeroUnsafe;
            if (r.dominance != null) {
                dominanceN = r.dominance.n();
                dominanceK = r.dominance.k();
                dominanceOperator = r.dominance.operator();
            }
            pPercent = r.pPercent;
            pq = r.pq;
            zeroMagnitudeUnsafe = r.zeroMagnitudeUnsafe;
            rulesPreset = r.rulesPreset;
            group = r.group;
            audit = r.audit;
            protectionAbsolute = r.protectionAbsolute;
            protectionPercent = r.protectionPercent;
            width = r.width;
            marginTokens.clear();
            marginTokens.addAll(r.marginTokens);
            suppressionMarkers.clear();
            suppressionMarkers.addAll(r.suppressionMarkers);
            if (r.recovery != null) {
                recoveryColumns = new String[] {r.recovery.userColumn(), r.recovery.slotColumn(),
                    r.recovery.areaColumn()};
                slotMinutes = r.recovery.slotMinutes();
                topK = r.recovery.topK();
                tieSamples = r.recovery.tieSamples();
            }
        }

        /** The table of this name (added at the end when new). */
        public TableBuilder table(String name) throws ConfigurationException {
            String n = name == null ? "" : name.strip();
            if (n.isEmpty() || n.contains(":")) {
                throw new ConfigurationException("aggregate.error.tableName", String.valueOf(name));
            }
            return tables.computeIfAbsent(n, TableBuilder::new);
        }

        /**
         * {@code NAME=LOCATION[,count=COL,dims=a|b|c,magnitude=COL,scale=F,scaleColumn=COL,
         * contrib=LOCATION,contribId=COL,contribValue=COL]}: a table and where its file is.
         */
        public Builder table(String spec, String option) throws ConfigurationException {
            String[] parts = spec.split(",");
            String[] first = parts[0].split("=", 2);
            if (first.length != 2 || first[0].isBlank() || first[1].isBlank()) {
                throw new ConfigurationException("aggregate.error.option", option, spec,
                        "NAME=FILE[,count=COL,dims=a|b,...]");
            }
            TableBuilder t = table(first[0]);
            inputs.put(TABLE + t.name(), first[1].strip());
            Map<String, String> kv = keyValues(option, String.join(",", Arrays.copyOfRange(parts, 1, parts.length)),
                    "NAME=FILE[,count=COL,dims=a|b]");
            for (Map.Entry<String, String> e : kv.entrySet()) {
                String v = e.getValue();
                switch (e.getKey()) {
                    case "count" -> t.count(v);
                    case "dims" -> t.dimensions(List.of(v.split("\\|")));
                    case "magnitude" -> t.magnitude(v);
                    case "scale" -> t.scale(number(option, v));
                    case "scaleColumn" -> t.scaleColumn(v);
                    case "contrib" -> inputs.put(CONTRIBUTIONS + t.name(), v);
                    case "contribId" -> t.contributorId(v);
                    case "contribValue" -> t.contributionValue(v);
                    default -> throw new ConfigurationException("aggregate.error.option", option, spec,
                            "keys count, dims, magnitude, scale, scaleColumn, contrib, contribId, contribValue");
                }
            }
            return this;
        }

        /** Where a table's file is (role {@code table:NAME}); declares the table if new. */
        public Builder tableInput(String name, String location) throws ConfigurationException {
            TableBuilder t = table(name);
            inputs.put(TABLE + t.name(), location);
            return this;
        }

        /** {@code DIM=LOCATION}: a dimension's hierarchy file. */
        public Builder hierarchy(String spec) throws ConfigurationException {
            String[] kv = spec.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new ConfigurationException("aggregate.error.option", "--hierarchy", spec, "DIM=FILE");
            }
            inputs.put(HIERARCHY + kv[0].strip(), kv[1].strip());
            return this;
        }

        /** {@code [NAME=]LOCATION}: the next later release of a table (the first table without NAME). */
        public Builder series(String spec) throws ConfigurationException {
            String[] kv = spec.split("=", 2);
            String name;
            if (kv.length == 2) {
                name = kv[0].strip();
            } else if (!tables.isEmpty()) {
                name = tables.keySet().iterator().next();
            } else {
                throw new ConfigurationException("aggregate.error.option", "--series", spec,
                        "NAME=FILE after a --table");
            }
            int k = seriesCount.merge(name, 1, Integer::sum);
            inputs.put(SERIES + name + ":" + k, kv[kv.length - 1].strip());
            return this;
        }

        /** Declared extrapolation factor of every table that does not declare its own. */
        public Builder scale(Double factor) {
            if (factor != null) {
                scale = factor;
            }
            return this;
        }

        public Builder threshold(Double n) {
            if (n != null) {
                threshold = n;
            }
            return this;
        }

        /** Switches the threshold rule off. */
        public Builder noThreshold() {
            threshold = null;
            return this;
        }

        /** {@code lt}, {@code <}, {@code le} or {@code <=}. */
        public Builder operator(String op) throws ConfigurationException {
            if (op != null) {
                ThresholdRule.Operator o = ThresholdRule.Operator.parse(op);
                if (o == null) {
                    throw new ConfigurationException("aggregate.error.option", "--operator", op, "lt or le");
                }
                operator = o.name().toLowerCase(Locale.ROOT);
            }
            return this;
        }

        public Builder operator(ThresholdRule.Operator op) {
            if (op != null) {
                operator = op.name().toLowerCase(Locale.ROOT);
            }
            return this;
        }

        public Builder zeroUnsafe(Boolean z) {
            if (z != null) {
                zeroUnsafe = z;
            }
            return this;
        }

        /**
         * A preset of the primary rules: {@code acro} is ACRO's default set (count &lt; 10 with
         * zeros unsafe, (2, 90 %, ≥) dominance, p % rule at 10 %, all-zero contributions unsafe;
         * {@code PrimaryRuleConfig.acro()}). Options given with it override it.
         */
        public Builder rules(String preset) throws ConfigurationException {
            if (preset == null) {
                return this;
            }
            String p = preset.strip().toLowerCase(Locale.ROOT);
            if (!p.equals("acro")) {
                throw new ConfigurationException("aggregate.error.option", "--rules", preset,
                        String.join(", ", PRESETS));
            }
            PrimaryRuleConfig acro = PrimaryRuleConfig.acro();
            threshold = acro.threshold().threshold();
            operator(acro.threshold().operator());
            zeroUnsafe = acro.threshold().zeroUnsafe();
            dominance(acro.dominance().n(), acro.dominance().k(), acro.dominance().boundary());
            pPercent = acro.pPercent();
            pq = acro.pq() == null ? null : new Pq(acro.pq().p(), acro.pq().q());
            zeroMagnitudeUnsafe = acro.zeroMagnitudeUnsafe();
            rulesPreset = p;
            return this;
        }

        /** {@code n=3,k=75[,op=gt|ge]} ({@code op} also {@code >}, {@code >=}, {@code ≥}; default gt). */
        public Builder dominance(String spec) throws ConfigurationException {
            if (spec == null) {
                return this;
            }
            String expected = "n=3,k=75[,op=gt|ge]";
            Map<String, String> kv = keyValues("--dominance", spec, expected);
            for (String key : kv.keySet()) {
                if (!List.of("n", "k", "op").contains(key)) {
                    throw new ConfigurationException("aggregate.error.option", "--dominance", spec, expected);
                }
            }
            try {
                dominance(Integer.parseInt(kv.getOrDefault("n", "").strip()),
                        Double.parseDouble(kv.getOrDefault("k", "").strip()));
            } catch (NumberFormatException e) {
                throw new ConfigurationException("aggregate.error.option", "--dominance", spec, expected);
            }
            return dominanceOperator(kv.get("op"));
        }

        /** n and k of (n,k)-dominance; the boundary stays as it is ({@code gt} unless set). */
        public Builder dominance(int n, double k) {
            dominanceN = n;
            dominanceK = k;
            return this;
        }

        public Builder dominance(int n, double k, DominanceRule.Boundary boundary) {
            return dominance(n, k).dominanceOperator(boundary);
        }

        /** {@code gt}, {@code >}, {@code ge}, {@code >=} or {@code ≥}. */
        public Builder dominanceOperator(String op) throws ConfigurationException {
            if (op != null) {
                DominanceRule.Boundary b = DominanceRule.Boundary.parse(op);
                if (b == null) {
                    throw new ConfigurationException("aggregate.error.option", "--dominance op", op, "gt or ge");
                }
                dominanceOperator(b);
            }
            return this;
        }

        public Builder dominanceOperator(DominanceRule.Boundary boundary) {
            if (boundary != null) {
                dominanceOperator = boundary.name().toLowerCase(Locale.ROOT);
            }
            return this;
        }

        /** Switches the dominance rule off. */
        public Builder noDominance() {
            dominanceN = null;
            dominanceK = null;
            return this;
        }

        public Builder pPercent(Double p) {
            if (p != null) {
                pPercent = p;
            }
            return this;
        }

        /** Switches the p % rule off. */
        public Builder noPPercent() {
            pPercent = null;
            return this;
        }

        /** {@code p=25,q=50}: the pq rule. */
        public Builder pq(String spec) throws ConfigurationException {
            if (spec == null) {
                return this;
            }
            String expected = "p=25,q=50";
            Map<String, String> kv = keyValues("--pq", spec, expected);
            if (!kv.keySet().equals(Set.of("p", "q"))) {
                throw new ConfigurationException("aggregate.error.option", "--pq", spec, expected);
            }
            return pq(number("--pq", kv.get("p")), number("--pq", kv.get("q")));
        }

        public Builder pq(double p, double q) {
            pq = new Pq(p, q);
            return this;
        }

        /** Switches the pq rule off. */
        public Builder noPq() {
            pq = null;
            return this;
        }

        /** Whether a cell whose contributions are all 0 is unsafe under the p % and pq rules (ACRO). */
        public Builder zeroMagnitudeUnsafe(Boolean z) {
            if (z != null) {
                zeroMagnitudeUnsafe = z;
            }
            return this;
        }

        /** {@code dims=a|b,by=c[,allowed=M]}. */
        public Builder group(String spec) throws ConfigurationException {
            if (spec == null) {
                return this;
            }
            Map<String, String> kv = keyValues("--group", spec, "dims=a|b,by=c");
            if (!kv.containsKey("dims") || !kv.containsKey("by")) {
                throw new ConfigurationException("aggregate.error.option", "--group", spec, "dims=a|b,by=c");
            }
            return group(List.of(kv.get("dims").split("\\|")), kv.get("by"),
                    number("--group", kv.getOrDefault("allowed", "0")));
        }

        public Builder group(List<String> dims, String by, double allowedOutside) throws ConfigurationException {
            List<String> d = dims.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (d.isEmpty() || by == null || by.isBlank()) {
                throw new ConfigurationException("aggregate.error.option", "--group", String.join("|", d) + "," + by,
                        "dims=a|b,by=c");
            }
            group = new Group(d, by.strip(), allowedOutside);
            return this;
        }

        public Builder audit(Boolean on) {
            if (on != null) {
                audit = on;
            }
            return this;
        }

        /** {@code 3} (counts) or {@code 20%} (of the cell's upper bound). */
        public Builder protection(String spec) throws ConfigurationException {
            if (spec == null) {
                return this;
            }
            String p = spec.strip();
            if (p.endsWith("%")) {
                return protection(0, number("--protection", p.substring(0, p.length() - 1)));
            }
            return protection(number("--protection", p), 0);
        }

        public Builder protection(double absolute, double percent) {
            protectionAbsolute = absolute;
            protectionPercent = percent;
            return this;
        }

        public Builder width(Double w) {
            if (w != null) {
                width = w;
            }
            return this;
        }

        /** {@code Total|All|*} (replaces the set). */
        public Builder marginTokens(String tokens) {
            return tokens == null ? this : marginTokens(Arrays.asList(tokens.split("\\|", -1)));
        }

        public Builder marginTokens(List<String> tokens) {
            if (tokens != null) {
                marginTokens.clear();
                marginTokens.addAll(tokens);
            }
            return this;
        }

        /** {@code |x|<5} (replaces the set; an empty item is the empty field). */
        public Builder suppressionMarkers(String tokens) {
            return tokens == null ? this : suppressionMarkers(Arrays.asList(tokens.split("\\|", -1)));
        }

        public Builder suppressionMarkers(List<String> tokens) {
            if (tokens != null) {
                suppressionMarkers.clear();
                suppressionMarkers.addAll(tokens);
            }
            return this;
        }

        /** Where the ground-truth trajectories are (role {@code recovery}); switches the test on. */
        public Builder recoverFrom(String location) throws ConfigurationException {
            if (location != null) {
                inputs.put(RECOVERY, location);
                if (recoveryColumns == null) {
                    Recovery d = recoveryDefaults();
                    recoveryColumns = new String[] {d.userColumn(), d.slotColumn(), d.areaColumn()};
                }
            }
            return this;
        }

        /** {@code USER,SLOT,AREA} columns of the ground truth ({@code date+hour} as the slot: two columns). */
        public Builder recoveryColumns(String columns) throws ConfigurationException {
            if (columns == null) {
                return this;
            }
            String[] c = columns.split(",");
            if (c.length != 3 || Arrays.stream(c).anyMatch(String::isBlank)) {
                throw new ConfigurationException("aggregate.error.option", "--columns", columns, "USER,SLOT,AREA");
            }
            return recovery(c[0], c[1], c[2]);
        }

        public Builder recovery(String user, String slot, String area) throws ConfigurationException {
            if (user == null || slot == null || area == null) {
                throw new ConfigurationException("aggregate.error.option", "--columns", user + "," + slot + ","
                        + area, "USER,SLOT,AREA");
            }
            recoveryColumns = new String[] {user.strip(), slot.strip(), area.strip()};
            return this;
        }

        /** {@code 15m}, {@code 30m}, {@code 1h}, {@code 2h} or minutes. */
        public Builder slot(String duration) throws ConfigurationException {
            if (duration == null) {
                return this;
            }
            String d = duration.strip().toLowerCase(Locale.ROOT);
            try {
                if (d.endsWith("min")) {
                    return slotMinutes(Integer.parseInt(d.substring(0, d.length() - 3)));
                }
                if (d.endsWith("m")) {
                    return slotMinutes(Integer.parseInt(d.substring(0, d.length() - 1)));
                }
                if (d.endsWith("h")) {
                    return slotMinutes(60 * Integer.parseInt(d.substring(0, d.length() - 1)));
                }
                return slotMinutes(Integer.parseInt(d));
            } catch (NumberFormatException e) {
                throw new ConfigurationException("aggregate.error.option", "--slot", duration, "15m, 30m, 1h, 2h");
            }
        }

        public Builder slotMinutes(Integer minutes) {
            if (minutes != null) {
                slotMinutes = minutes;
            }
            return this;
        }

        public Builder topK(Integer k) {
            if (k != null) {
                topK = k;
            }
            return this;
        }

        /** Random tie-breaks of the recovery attack beyond the users that are enumerated (0 to 1000). */
        public Builder tieSamples(Integer samples) {
            if (samples != null) {
                tieSamples = samples;
            }
            return this;
        }

        AggregatesRequest unchecked() {
            List<Table> ts = new ArrayList<>();
            tables.values().forEach(t -> ts.add(t.build(scale)));
            Recovery rec = recoveryColumns == null ? null
                    : new Recovery(recoveryColumns[0], recoveryColumns[1], recoveryColumns[2], slotMinutes, topK,
                            tieSamples);
            Dominance dom = dominanceN == null ? null
                    : new Dominance(dominanceN, dominanceK == null ? Double.NaN : dominanceK, dominanceOperator);
            return new AggregatesRequest(ts, threshold, operator, zeroUnsafe, dom, pPercent, pq, zeroMagnitudeUnsafe,
                    rulesPreset, group, audit, protectionAbsolute, protectionPercent, width,
                    new ArrayList<>(marginTokens), new ArrayList<>(suppressionMarkers), rec);
        }

        /**
         * The request; a usage error when no table is given or a value is out of range (every
         * check of {@link AggregatesRequest#validateOptions()}, before any file is read).
         */
        public AggregatesRequest build() throws ConfigurationException {
            if (tables.isEmpty()) {
                throw new ConfigurationException("aggregate.error.noTables");
            }
            AggregatesRequest r = unchecked();
            r.validateOptions();
            check(tieSamples >= 0 && tieSamples <= MAX_TIE_SAMPLES, "--tie-samples", tieSamples,
                    "a whole number from 0 to " + MAX_TIE_SAMPLES);
            Set<String> names = new HashSet<>();
            r.tables().forEach(t -> names.add(t.name()));
            for (String s : seriesCount.keySet()) {
                if (!names.contains(s)) {
                    throw new ConfigurationException("aggregate.error.option", "--series", s,
                            "the name of a table: " + String.join(", ", names));
                }
            }
            return r;
        }

        /** The request and the input locations given with it. */
        public LaneCall<AggregatesRequest> buildCall() throws ConfigurationException {
            return new LaneCall<>(build(), inputs.asMap());
        }

        private static Map<String, String> keyValues(String option, String text, String expected)
                throws ConfigurationException {
            Map<String, String> kv = new LinkedHashMap<>();
            if (text.isBlank()) {
                return kv;
            }
            for (String part : text.split(",")) {
                String[] p = part.split("=", 2);
                if (p.length != 2) {
                    throw new ConfigurationException("aggregate.error.option", option, text, expected);
                }
                kv.put(p[0].strip(), p[1].strip());
            }
            return kv;
        }

        private static double number(String option, String text) throws ConfigurationException {
            try {
                return Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw new ConfigurationException("aggregate.error.option", option, text, "a number");
            }
        }
    }
}

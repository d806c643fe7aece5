package org.releaseauditor.service.remediation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.remediation.microdata.HierarchySpec;
import org.releaseauditor.core.remediation.microdata.LossMeasure;
import org.releaseauditor.core.remediation.microdata.MicrodataSearchOptions;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.risk.SensitiveAttribute;
import org.releaseauditor.service.InputLocations;
import org.releaseauditor.service.LaneRequestBuilder;
import org.releaseauditor.service.RequestJson;
import org.releaseauditor.service.microdata.MicrodataRequest;

/**
 * One microdata remediation: generalise the quasi-identifiers along their hierarchies and suppress
 * the records of small classes, with the least information loss, so that the copy passes the
 * policy. Every remediation default of the microdata lane is defined here, in {@link Builder}.
 * Inputs: {@code data} and one {@code hierarchy:COL} per QI whose hierarchy is a file; output:
 * {@code copy}.
 *
 * @param analysis         the microdata request of the audit and the re-audit (its QIs are searched)
 * @param policy           the policy the copy must pass (built-in id or file)
 * @param measure          the information-loss measure minimised
 * @param maxSuppression   largest share of records that may be suppressed, in [0, 1]
 * @param hierarchies      QI → hierarchy: a builder spec ({@code auto}, {@code interval:5,10},
 *                         {@code date}, {@code prefix}, {@code suppress}) or {@code file} (input
 *                         {@code hierarchy:QI}); every QI has an entry
 * @param levels           QI → level to apply without searching (the GUI's sliders), or empty to search
 * @param dropColumns      columns left out of the copy (direct identifiers, for example)
 * @param warnAsFail       whether the policy's WARN rules must hold as well
 * @param paretoBudget     nodes evaluated after the optimum is proven, for the Pareto front
 * @param cacheMegabytes   memory for class tables the search rolls up from
 */
public record MicrodataRemediationRequest(MicrodataRequest analysis, String policy, LossMeasure measure,
        double maxSuppression, Map<String, String> hierarchies, Map<String, Integer> levels, List<String> dropColumns,
        boolean warnAsFail, int paretoBudget, int cacheMegabytes) implements RemediationRequest {

    /** The hierarchy spec that names a file (input {@code hierarchy:COL}). */
    public static final String FILE = "file";
    /** Input role prefix of a hierarchy file. */
    public static final String HIERARCHY = "hierarchy:";

    public MicrodataRemediationRequest {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(measure, "measure");
        hierarchies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hierarchies));
        levels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(levels));
        dropColumns = List.copyOf(dropColumns);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public String lane() {
        return MicrodataRequest.LANE;
    }

    /** Whether the transformation is given ({@link #levels}) rather than searched. */
    public boolean fixedLevels() {
        return !levels.isEmpty();
    }

    /** The levels in QI order (0 for a QI without a level), for a request with fixed levels. */
    public int[] levelArray() {
        List<String> q = analysis.quasiIdentifiers();
        int[] out = new int[q.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = levels.getOrDefault(q.get(i), 0);
        }
        return out;
    }

    /** The core search options for a loaded policy. */
    public MicrodataSearchOptions searchOptions(PolicyProfile profile) {
        return new MicrodataSearchOptions(profile, measure, maxSuppression, analysis.threshold(), warnAsFail,
                paretoBudget, false, (long) cacheMegabytes << 20);
    }

    @Override
    public ObjectNode toJsonTree() {
        ObjectNode n = RemediationRequest.root(lane(), analysis);
        n.put("policy", policy);
        n.put("measure", measure.id());
        n.put("maxSuppression", maxSuppression);
        ObjectNode h = n.putObject("hierarchies");
        hierarchies.forEach(h::put);
        ObjectNode l = n.putObject("levels");
        levels.forEach(l::put);
        dropColumns.forEach(n.putArray("dropColumns")::add);
        n.put("warnAsFail", warnAsFail);
        n.put("paretoBudget", paretoBudget);
        n.put("cacheMegabytes", cacheMegabytes);
        return n;
    }

    /** Reads a request (canonical or hand-written JSON; absent fields keep their defaults). */
    public static MicrodataRemediationRequest fromJson(String json) throws ConfigurationException {
        Builder b = new Builder();
        RequestJson.Reader r = RemediationBuilder.readCommon(json, MicrodataRequest.LANE, b,
                MicrodataRequest::fromJson);
        b.measure(r.string("measure"));
        b.maxSuppression(r.number("maxSuppression"));
        ObjectNode h = r.object("hierarchies");
        if (h != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                b.hierarchy(e.getKey(), e.getValue().asText());
            }
        }
        ObjectNode l = r.object("levels");
        if (l != null) {
            Map<String, Integer> m = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = l.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().canConvertToInt() || !e.getValue().isIntegralNumber()) {
                    throw new ConfigurationException("request.error.type", "remediation", "levels." + e.getKey(),
                            "a whole number", e.getValue().toString());
                }
                m.put(e.getKey(), e.getValue().asInt());
            }
            b.levels(m);
        }
        b.dropColumns(r.strings("dropColumns"));
        b.warnAsFail(r.bool("warnAsFail"));
        b.paretoBudget(r.integer("paretoBudget"));
        b.cacheMegabytes(r.integer("cacheMegabytes"));
        r.finish();
        return b.build();
    }

    /**
     * Builds a request. Holds every remediation default of the microdata lane; a null argument
     * leaves a value as it is, so a front end passes exactly what the user gave.
     */
    public static final class Builder extends RemediationBuilder<MicrodataRequest, Builder> {
        private LossMeasure measure = LossMeasure.LOSS;
        private double maxSuppression = 0.05;
        private String defaultHierarchy = "auto";
        private final Map<String, String> hierarchies = new LinkedHashMap<>();
        private final Map<String, Integer> levels = new LinkedHashMap<>();
        private final List<String> drop = new ArrayList<>();
        private int paretoBudget = 1000;
        private int cacheMegabytes = 256;
        private final InputLocations inputs = new InputLocations();

        Builder() {
        }

        Builder(MicrodataRemediationRequest r) {
            super(r.analysis, r.policy, r.warnAsFail);
            measure = r.measure;
            maxSuppression = r.maxSuppression;
            hierarchies.putAll(r.hierarchies);
            levels.putAll(r.levels);
            drop.addAll(r.dropColumns);
            paretoBudget = r.paretoBudget;
            cacheMegabytes = r.cacheMegabytes;
        }

        /** {@code loss}, {@code discernibility}, {@code entropy} or {@code precision}. */
        public Builder measure(String name) throws ConfigurationException {
            if (name != null) {
                measure = LossMeasure.parse(name);
            }
            return this;
        }

        public Builder measure(LossMeasure m) {
            if (m != null) {
                measure = m;
            }
            return this;
        }

        /** The largest share of records that may be suppressed, in [0, 1]. */
        public Builder maxSuppression(Double share) {
            if (share != null) {
                maxSuppression = share;
            }
            return this;
        }

        /**
         * A hierarchy as typed on the command line: {@code COL=FILE}, {@code COL=SPEC} or a
         * {@code SPEC} alone (the hierarchy of every QI without one). A value is a spec when it is
         * one of {@code auto}, {@code interval[:w1,w2,…]}, {@code date}, {@code prefix},
         * {@code suppress}; anything else is a file ({@code file:PATH} forces a file).
         */
        public Builder hierarchy(String text) throws ConfigurationException {
            if (text == null) {
                return this;
            }
            String t = text.strip();
            int eq = t.indexOf('=');
            if (eq < 0) {
                if (!isSpec(t)) {
                    throw new ConfigurationException("remediation.request.hierarchyNeedsColumn", t);
                }
                defaultHierarchy = HierarchySpec.parse(t).text();
                return this;
            }
            String column = t.substring(0, eq).strip();
            String value = t.substring(eq + 1).strip();
            if (column.isEmpty() || value.isEmpty()) {
                throw new ConfigurationException("remediation.hierarchy.badSpec", text);
            }
            if (value.startsWith("file:")) {
                return hierarchyFile(column, value.substring("file:".length()));
            }
            return isSpec(value) ? hierarchy(column, value) : hierarchyFile(column, value);
        }

        /** The hierarchy of one QI: a builder spec, or {@code file} (give the file with {@link #hierarchyFile}). */
        public Builder hierarchy(String column, String spec) throws ConfigurationException {
            String s = spec.strip();
            hierarchies.put(column.strip(), FILE.equals(s) ? FILE : HierarchySpec.parse(s).text());
            return this;
        }

        /** The hierarchy file of one QI (input {@code hierarchy:COL}). */
        public Builder hierarchyFile(String column, String location) throws ConfigurationException {
            hierarchies.put(column.strip(), FILE);
            inputs.put(HIERARCHY + column.strip(), location);
            return this;
        }

        private static boolean isSpec(String value) {
            String head = value.contains(":") ? value.substring(0, value.indexOf(':')) : value;
            for (HierarchySpec.Kind k : HierarchySpec.Kind.values()) {
                if (k.name().equalsIgnoreCase(head.strip())) {
                    return true;
                }
            }
            return false;
        }

        /** Levels to apply without searching, as typed: {@code age=2,sex=0}. */
        public Builder levels(List<String> specs) throws ConfigurationException {
            if (specs == null) {
                return this;
            }
            for (String s : specs) {
                for (String part : s.split(",")) {
                    String p = part.strip();
                    if (p.isEmpty()) {
                        continue;
                    }
                    int eq = p.indexOf('=');
                    if (eq <= 0) {
                        throw new ConfigurationException("remediation.request.badLevel", p);
                    }
                    try {
                        levels.put(p.substring(0, eq).strip(), Integer.parseInt(p.substring(eq + 1).strip()));
                    } catch (NumberFormatException e) {
                        throw new ConfigurationException("remediation.request.badLevel", p);
                    }
                }
            }
            return this;
        }

        /** Levels to apply without searching (replaces the map; empty: search). */
        public Builder levels(Map<String, Integer> m) {
            if (m != null) {
                levels.clear();
                levels.putAll(m);
            }
            return this;
        }

        /** Columns left out of the copy (replaces the list). */
        public Builder dropColumns(List<String> columns) {
            LaneRequestBuilder.replaceNames(drop, columns);
            return this;
        }

        public Builder paretoBudget(Integer n) {
            if (n != null) {
                paretoBudget = n;
            }
            return this;
        }

        public Builder cacheMegabytes(Integer mb) {
            if (mb != null) {
                cacheMegabytes = mb;
            }
            return this;
        }

        /** Where the copy is written ({@code --write FILE}); default: {@code <name>_remediated.csv} in the working folder. */
        public Builder write(String file) throws ConfigurationException {
            return copyTo(file);
        }

        /** The builder's current values of the remediation options as text (help messages). */
        Map<String, String> defaults() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("measure", measure.id());
            m.put("maxSuppression", Double.toString(maxSuppression));
            m.put("hierarchy", defaultHierarchy);
            m.put("paretoBudget", Integer.toString(paretoBudget));
            m.put("cacheMegabytes", Integer.toString(cacheMegabytes));
            m.put("warnAsFail", Boolean.toString(warnAsFail));
            return m;
        }

        /** The request; a usage error when a value is out of range or inconsistent. */
        public MicrodataRemediationRequest build() throws ConfigurationException {
            if (analysis == null || analysis.quasiIdentifiers().isEmpty()) {
                throw new ConfigurationException("microdata.error.noQi");
            }
            requirePolicy(MicrodataRequest.LANE);
            if (!(maxSuppression >= 0 && maxSuppression <= 1)) {
                throw new ConfigurationException("remediation.request.maxSuppression", maxSuppression);
            }
            if (paretoBudget < 0) {
                throw new ConfigurationException("remediation.request.paretoBudget", paretoBudget);
            }
            if (cacheMegabytes < 1) {
                throw new ConfigurationException("remediation.request.cache", cacheMegabytes);
            }
            List<String> qis = analysis.quasiIdentifiers();
            for (String c : hierarchies.keySet()) {
                if (!qis.contains(c)) {
                    throw new ConfigurationException("remediation.request.notQi", c, "--hierarchy",
                            String.join(", ", qis));
                }
            }
            for (Map.Entry<String, Integer> e : levels.entrySet()) {
                if (!qis.contains(e.getKey())) {
                    throw new ConfigurationException("remediation.request.notQi", e.getKey(), "--levels",
                            String.join(", ", qis));
                }
                if (e.getValue() < 0) {
                    throw new ConfigurationException("remediation.request.badLevel", e.getKey() + "=" + e.getValue());
                }
            }
            Set<String> used = new LinkedHashSet<>(qis);
            analysis.sensitive().stream().map(SensitiveAttribute::column).forEach(used::add);
            if (analysis.weight() != null) {
                used.add(analysis.weight());
            }
            if (analysis.household() != null) {
                used.add(analysis.household());
            }
            Set<String> seen = new LinkedHashSet<>();
            for (String d : drop) {
                if (used.contains(d)) {
                    throw new ConfigurationException("remediation.request.dropUsed", d);
                }
                if (!seen.add(d)) {
                    throw new ConfigurationException("io.error.columnTwice", d, "--drop");
                }
            }
            Map<String, String> all = new TreeMap<>();
            for (String q : qis) {
                all.put(q, hierarchies.getOrDefault(q, defaultHierarchy));
            }
            Map<String, String> ordered = new LinkedHashMap<>();
            for (String q : qis) {
                ordered.put(q, all.get(q));
            }
            return new MicrodataRemediationRequest(analysis, policy, measure, maxSuppression, ordered, levels, drop,
                    warnAsFail, paretoBudget, cacheMegabytes);
        }

        /** The request with its input locations (the analysis' and the hierarchy files) and its output. */
        public RemediationCall<MicrodataRemediationRequest> buildCall() throws ConfigurationException {
            MicrodataRemediationRequest r = build();
            Map<String, String> in = new LinkedHashMap<>(analysisInputs);
            in.putAll(inputs.asMap());
            for (Map.Entry<String, String> e : r.hierarchies().entrySet()) {
                if (FILE.equals(e.getValue()) && !in.containsKey(HIERARCHY + e.getKey())) {
                    throw new ConfigurationException("remediation.request.hierarchyFileMissing", e.getKey());
                }
            }
            return new RemediationCall<>(r, in, outputs);
        }
    }
}

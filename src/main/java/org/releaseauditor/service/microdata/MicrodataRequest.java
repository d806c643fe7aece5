package org.releaseauditor.service.microdata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.risk.IndividualRiskMethod;
import org.releaseauditor.core.risk.MicrodataConfig;
import org.releaseauditor.core.risk.PopulationRegion;
import org.releaseauditor.core.risk.Regions;
import org.releaseauditor.core.risk.SensitiveAttribute;
import org.releaseauditor.core.risk.SnbVariant;
import org.releaseauditor.service.ImportSettings;
import org.releaseauditor.service.LaneRequestBuilder;
import org.releaseauditor.service.LaneRequest;
import org.releaseauditor.io.summary.SummaryJson;
import org.releaseauditor.service.RequestJson;
import org.releaseauditor.service.SummarySource;

/**
 * One microdata analysis: which columns the attacker knows, the sensitive attributes, weights,
 * the population, the risk threshold and the measures to compute, plus how the file is read.
 * Every default of the microdata lane is defined here, in {@link Builder}; the command line and
 * the attacker-model panel only set what the user changed. Inputs: {@code data} (required) and
 * {@code superset} (optional population or superset table with the same QIs).
 *
 * @param quasiIdentifiers columns an attacker may know (at least one, each once)
 * @param sensitive        sensitive attributes for l-diversity and t-closeness
 * @param weight           sampling-weight column for individual risk, or null
 * @param household        household-id column for household risk, or null
 * @param populationSize   population size N, or null
 * @param region           population of a region, or null
 * @param samplingFraction sampling fraction n/N in (0, 1], or null
 * @param threshold        highest acceptable risk per record, in (0, 1]
 * @param maxQiSubset      largest QI subset of the QI-contribution analysis (at least 1)
 * @param wildcards        whether missing values and {@code *} match any value
 * @param recursiveC       c of recursive (c,l)-diversity (greater than 0)
 * @param suda             whether SUDA2 runs (the costliest measure on wide tables)
 * @param snbVariant       equations of the SNB population model: ARX (as ARX 3.9) or CORRECTED (Chen's)
 * @param individualRiskMethod individual-risk formula for f ≥ 3: APPROX (sdcMicro's default) or EXACT
 * @param qual             sdcMicro's final correction factor of individual risk (greater than 0)
 * @param survey           individual risk treats the data as a weighted sample (true) or the population
 *                         (false); null: a sample when a weight column is given (sdcMicro {@code measure_risk})
 * @param attacker         the attacker the dashboard highlights: prosecutor, journalist or marketer
 * @param attackerPreset   the name of the attacker preset the settings came from, or null
 * @param importOptions    how the data (and superset) file is read
 */
public record MicrodataRequest(List<String> quasiIdentifiers, List<SensitiveAttribute> sensitive, String weight,
        String household, Long populationSize, PopulationRegion region, Double samplingFraction, double threshold,
        int maxQiSubset, boolean wildcards, double recursiveC, boolean suda, SnbVariant snbVariant,
        IndividualRiskMethod individualRiskMethod, double qual, Boolean survey, String attacker, String attackerPreset,
        ImportOptions importOptions) implements LaneRequest {

    public static final String LANE = "microdata";
    /** Input role of the analysed file. */
    public static final String DATA = "data";
    /** Input role of the optional population or superset table. */
    public static final String SUPERSET = "superset";
    /** Input role of a microdata summary audited instead of the data (see src/docs/spark.md). */
    public static final String SUMMARY = SummarySource.ROLE;
    /** The attackers a result can be read for. */
    public static final List<String> ATTACKERS = List.of("prosecutor", "journalist", "marketer");

    public MicrodataRequest {
        quasiIdentifiers = List.copyOf(quasiIdentifiers);
        sensitive = List.copyOf(sensitive);
        Objects.requireNonNull(snbVariant, "snbVariant");
        Objects.requireNonNull(individualRiskMethod, "individualRiskMethod");
        Objects.requireNonNull(attacker, "attacker");
        Objects.requireNonNull(importOptions, "importOptions");
    }

    /** Every default; no quasi-identifiers yet (such a request does not validate). */
    public static MicrodataRequest defaults() {
        return new Builder().unchecked();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values (to change a few of them). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public String lane() {
        return LANE;
    }

    /** The core configuration of the analysis. */
    public MicrodataConfig toConfig() {
        return new MicrodataConfig(quasiIdentifiers, sensitive, weight, household, populationSize, region,
                samplingFraction, threshold, maxQiSubset, wildcards, recursiveC, snbVariant, individualRiskMethod, qual,
                survey);
    }

    @Override
    public ObjectNode toJsonTree() {
        ObjectNode n = RequestJson.root(LANE);
        quasiIdentifiers.forEach(n.putArray("quasiIdentifiers")::add);
        ArrayNode s = n.putArray("sensitive");
        for (SensitiveAttribute a : sensitive) {
            s.addObject().put("attribute", a.column()).put("ordered", a.ordered());
        }
        n.put("weight", weight);
        n.put("household", household);
        n.put("populationSize", populationSize);
        n.put("region", region == null ? null : region.name());
        n.put("samplingFraction", samplingFraction);
        n.put("threshold", threshold);
        n.put("maxQiSubset", maxQiSubset);
        n.put("wildcards", wildcards);
        n.put("recursiveC", recursiveC);
        n.put("suda", suda);
        n.put("snbVariant", snbVariant.name());
        n.put("individualRiskMethod", individualRiskMethod.name());
        n.put("qual", qual);
        n.put("survey", survey);
        n.put("attacker", attacker);
        n.put("attackerPreset", attackerPreset);
        n.set("import", ImportSettings.toJson(importOptions));
        return n;
    }

    /**
     * The attacker model these settings describe, as JSON: the attacker, the preset, the known
     * attributes and the population assumptions (recorded as the case's attacker model of a run).
     */
    public String attackerModelJson() {
        ObjectNode n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        n.put("model", attacker);
        n.put("preset", attackerPreset);
        quasiIdentifiers.forEach(n.putArray("known")::add);
        n.put("threshold", threshold);
        n.put("populationSize", populationSize);
        n.put("region", region == null ? null : region.name());
        n.put("samplingFraction", samplingFraction);
        return RequestJson.canonical(n);
    }

    /** Reads a request (canonical or hand-written JSON; absent fields keep their defaults). */
    public static MicrodataRequest fromJson(String json) throws ConfigurationException {
        ObjectNode n = RequestJson.parseObject(json, LANE + " request");
        RequestJson.Reader r = new RequestJson.Reader(n, LANE).header(LANE);
        Builder b = new Builder();
        b.quasiIdentifiers(r.strings("quasiIdentifiers"));
        List<ObjectNode> sens = r.objects("sensitive");
        if (sens != null) {
            for (ObjectNode o : sens) {
                RequestJson.Reader sr = new RequestJson.Reader(o, LANE + ".sensitive");
                String column = sr.string("attribute");
                Boolean ordered = sr.bool("ordered");
                sr.finish();
                if (column == null) {
                    throw new ConfigurationException("request.error.type", LANE, "sensitive", "objects with an attribute",
                            o.toString());
                }
                b.sensitive(column, ordered != null && ordered);
            }
        }
        b.weight(r.string("weight"));
        b.household(r.string("household"));
        b.population(r.whole("populationSize"));
        b.region(r.string("region"));
        b.samplingFraction(r.number("samplingFraction"));
        b.threshold(r.number("threshold"));
        b.maxQiSubset(r.integer("maxQiSubset"));
        b.wildcards(r.bool("wildcards"));
        b.recursiveC(r.number("recursiveC"));
        b.suda(r.bool("suda"));
        b.snbVariant(r.string("snbVariant"));
        b.individualRiskMethod(r.string("individualRiskMethod"));
        b.qual(r.number("qual"));
        if (r.has("survey")) {
            b.survey(r.bool("survey"));
        }
        b.attacker(r.string("attacker"));
        b.attackerPreset(r.string("attackerPreset"));
        ObjectNode io = r.object("import");
        if (io != null) {
            ImportSettings.read(io, b.importing(), LANE);
        }
        r.finish();
        return b.build();
    }

    /**
     * Builds a request. Holds every default of the lane; a null argument leaves a value as it is,
     * so a front end passes exactly what the user gave.
     */
    public static final class Builder extends LaneRequestBuilder<MicrodataRequest, Builder> {
        private final List<String> qis = new ArrayList<>();
        private final List<SensitiveAttribute> sensitive = new ArrayList<>();
        private String weight;
        private String household;
        private Long population;
        private PopulationRegion region;
        private Double samplingFraction;
        private double threshold = 0.2;
        private int maxQiSubset = 10;
        private boolean wildcards = false;
        private double recursiveC = 2.0;
        private boolean suda = true;
        private SnbVariant snbVariant = SnbVariant.ARX;
        private IndividualRiskMethod individualRiskMethod = IndividualRiskMethod.APPROX;
        private double qual = 1.0;
        private Boolean survey;
        private String attacker = "prosecutor";
        private String attackerPreset;

        Builder() {
        }

        Builder(MicrodataRequest r) {
            qis.addAll(r.quasiIdentifiers);
            sensitive.addAll(r.sensitive);
            weight = r.weight;
            household = r.household;
            population = r.populationSize;
            region = r.region;
            samplingFraction = r.samplingFraction;
            threshold = r.threshold;
            maxQiSubset = r.maxQiSubset;
            wildcards = r.wildcards;
            recursiveC = r.recursiveC;
            suda = r.suda;
            snbVariant = r.snbVariant;
            individualRiskMethod = r.individualRiskMethod;
            qual = r.qual;
            survey = r.survey;
            attacker = r.attacker;
            attackerPreset = r.attackerPreset;
            importing.options(r.importOptions);
        }

        /** The quasi-identifiers (replaces the list). */
        public Builder quasiIdentifiers(List<String> columns) {
            replaceNames(qis, columns);
            return this;
        }

        /** Sensitive attributes as {@code column} or {@code column:ordered} (replaces the list). */
        public Builder sensitive(List<String> specs) {
            if (specs != null) {
                sensitive.clear();
                for (String s : specs) {
                    String t = s.strip();
                    boolean ordered = t.toLowerCase(Locale.ROOT).endsWith(":ordered");
                    String column = ordered ? t.substring(0, t.length() - ":ordered".length()).strip() : t;
                    if (!column.isEmpty()) {
                        sensitive.add(new SensitiveAttribute(column, ordered));
                    }
                }
            }
            return this;
        }

        /** Adds one sensitive attribute. */
        public Builder sensitive(String column, boolean ordered) {
            sensitive.add(new SensitiveAttribute(column.strip(), ordered));
            return this;
        }

        public Builder weight(String column) {
            weight = optionalName(column, weight);
            return this;
        }

        public Builder household(String column) {
            household = optionalName(column, household);
            return this;
        }

        public Builder population(Long n) {
            if (n != null) {
                population = n;
            }
            return this;
        }

        /** A region name as accepted by {@code --region} (germany, uk, usa, …). */
        public Builder region(String name) throws ConfigurationException {
            if (name != null) {
                region = Regions.parse(name);
            }
            return this;
        }

        public Builder region(PopulationRegion r) {
            region = r;
            return this;
        }

        public Builder samplingFraction(Double f) {
            if (f != null) {
                samplingFraction = f;
            }
            return this;
        }

        public Builder threshold(Double t) {
            if (t != null) {
                threshold = t;
            }
            return this;
        }

        public Builder maxQiSubset(Integer m) {
            if (m != null) {
                maxQiSubset = m;
            }
            return this;
        }

        public Builder wildcards(Boolean w) {
            if (w != null) {
                wildcards = w;
            }
            return this;
        }

        public Builder recursiveC(Double c) {
            if (c != null) {
                recursiveC = c;
            }
            return this;
        }

        public Builder suda(Boolean on) {
            if (on != null) {
                suda = on;
            }
            return this;
        }

        /** {@code arx} (as ARX 3.9, the default) or {@code corrected} (Chen's published SNB model). */
        public Builder snbVariant(String v) throws ConfigurationException {
            if (v != null) {
                snbVariant = choice(SnbVariant.class, v, "--snb-variant");
            }
            return this;
        }

        /** {@code approx} (sdcMicro's default) or {@code exact}. */
        public Builder individualRiskMethod(String m) throws ConfigurationException {
            if (m != null) {
                individualRiskMethod = choice(IndividualRiskMethod.class, m, "--individual-risk-method");
            }
            return this;
        }

        public Builder qual(Double q) {
            if (q != null) {
                qual = q;
            }
            return this;
        }

        /** Whether individual risk treats the data as a weighted sample; null: a sample iff weights are given. */
        public Builder survey(Boolean s) {
            survey = s;
            return this;
        }

        private static <E extends Enum<E>> E choice(Class<E> type, String value, String option)
                throws ConfigurationException {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(value.strip())) {
                    return e;
                }
            }
            throw new ConfigurationException("microdata.error.choice", option, value,
                    java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                            .collect(java.util.stream.Collectors.joining(", ")));
        }

        /** prosecutor, journalist or marketer. */
        public Builder attacker(String a) {
            if (a != null) {
                attacker = a.strip().toLowerCase(Locale.ROOT);
            }
            return this;
        }

        public Builder attackerPreset(String name) {
            attackerPreset = optionalName(name, attackerPreset);
            return this;
        }

        /** Where the analysed file is (role {@code data}). */
        public Builder data(String location) throws ConfigurationException {
            return input(DATA, location);
        }

        /** Where the population or superset table is (role {@code superset}). */
        public Builder superset(String location) throws ConfigurationException {
            return input(SUPERSET, location);
        }

        /** Where a microdata summary is that is audited instead of the data (role {@code summary}). */
        public Builder summary(String location) throws ConfigurationException {
            return input(SUMMARY, location);
        }

        /**
         * Starts from what the summary in {@code file} was made with: its quasi-identifiers,
         * sensitive attributes, weight column and QI-subset limit, and no SUDA2 (it needs the records). Setters
         * called afterwards override these values; the lane then checks them against the summary.
         */
        public Builder fromSummary(Path file) throws AuditException {
            SummaryJson.Header h = SummarySource.header(file, LANE);
            qis.clear();
            qis.addAll(h.microdata().quasiIdentifiers());
            sensitive.clear();
            sensitive.addAll(h.microdata().sensitive());
            weight = h.microdata().weight();
            maxQiSubset = h.microdata().maxQiSubset();
            suda = false;
            return this;
        }

        MicrodataRequest unchecked() {
            return new MicrodataRequest(qis, sensitive, weight, household, population, region, samplingFraction,
                    threshold, maxQiSubset, wildcards, recursiveC, suda, snbVariant, individualRiskMethod, qual, survey,
                    attacker, attackerPreset, importing.build());
        }

        /** The request; a usage error when a value is out of range or no QI is given. */
        @Override
        public MicrodataRequest build() throws ConfigurationException {
            if (qis.isEmpty()) {
                throw new ConfigurationException("microdata.error.noQi");
            }
            Set<String> seen = new HashSet<>();
            for (String q : qis) {
                if (!seen.add(q)) {
                    throw new ConfigurationException("io.error.columnTwice", q, "--qi");
                }
            }
            if (!(threshold > 0 && threshold <= 1)) {
                throw new ConfigurationException("microdata.error.threshold", threshold);
            }
            if (samplingFraction != null && !(samplingFraction > 0 && samplingFraction <= 1)) {
                throw new ConfigurationException("microdata.error.fraction", samplingFraction);
            }
            if (population != null && population < 1) {
                throw new ConfigurationException("microdata.error.population", population);
            }
            if (maxQiSubset < 1) {
                throw new ConfigurationException("microdata.error.maxQiSubset", maxQiSubset);
            }
            if (!(qual > 0) || Double.isInfinite(qual)) {
                throw new ConfigurationException("microdata.error.qual", qual);
            }
            if (!(recursiveC > 0)) {
                throw new ConfigurationException("microdata.error.recursiveC", recursiveC);
            }
            if (!ATTACKERS.contains(attacker)) {
                throw new ConfigurationException("microdata.error.attacker", attacker, String.join(", ", ATTACKERS));
            }
            return unchecked();
        }
    }
}

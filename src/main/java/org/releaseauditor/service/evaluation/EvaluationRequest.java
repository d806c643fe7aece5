package org.releaseauditor.service.evaluation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.evaluation.EvaluationConfig;
import org.releaseauditor.core.evaluation.ReleaseEvaluator;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.service.ImportSettings;
import org.releaseauditor.service.LaneRequestBuilder;
import org.releaseauditor.service.LaneRequest;
import org.releaseauditor.service.RequestJson;

/**
 * One evaluation of a derived release: which columns the attacks use, how many attacks, the seed
 * and the confidence level, and the options of singling out, linkability and inference, plus how
 * the three files are read. Every default of the evaluation lane is defined here, in
 * {@link Builder}. Inputs: {@code original} and {@code release} (required), {@code control}
 * (optional: original records held out of the release).
 *
 * <p>Linkability runs when both auxiliary column sets are given, inference when a secret is given;
 * singling out runs unless switched off. The import options apply to all three files.
 *
 * @param columns             the columns the attacks may use; empty means every column of the original
 * @param attacks             attacks per attack type
 * @param seed                seed of every random draw
 * @param confidenceLevel     two-sided level of the Wilson intervals
 * @param univariate          whether univariate singling out runs
 * @param multivariate        whether multivariate singling out runs
 * @param columnsPerPredicate conditions per multivariate predicate
 * @param maxAttempts         most multivariate predicates tried
 * @param auxA                columns of the attacker's first source (empty: no linkability)
 * @param auxB                columns of the attacker's second source (empty: no linkability)
 * @param neighbours          nearest release records compared by linkability
 * @param secret              the column the inference attacker guesses, or null for no inference
 * @param inferenceAux        columns the inference attacker knows; empty means all but the secret
 * @param tolerance           largest relative error of a correct guess of a numeric secret
 * @param importOptions       how the three files are read
 */
public record EvaluationRequest(List<String> columns, int attacks, long seed, double confidenceLevel,
        boolean univariate, boolean multivariate, int columnsPerPredicate, long maxAttempts, List<String> auxA,
        List<String> auxB, int neighbours, String secret, List<String> inferenceAux, double tolerance,
        ImportOptions importOptions) implements LaneRequest {

    public static final String LANE = "evaluation";
    /** Input role of the source the release was made from. */
    public static final String ORIGINAL = "original";
    /** Input role of the candidate release. */
    public static final String RELEASE = "release";
    /** Input role of the optional control set (original records held out of the release). */
    public static final String CONTROL = "control";
    /** The input roles, in the order they are read. */
    public static final List<String> ROLES = List.of(ORIGINAL, RELEASE, CONTROL);

    public EvaluationRequest {
        columns = List.copyOf(columns);
        auxA = List.copyOf(auxA);
        auxB = List.copyOf(auxB);
        inferenceAux = List.copyOf(inferenceAux);
        Objects.requireNonNull(importOptions, "importOptions");
    }

    /** Every default (no linkability, no inference; such a request runs singling out only). */
    public static EvaluationRequest defaults() {
        return new Builder().unchecked();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public String lane() {
        return LANE;
    }

    /** Whether singling out runs (univariate, multivariate or both). */
    public boolean singlingOut() {
        return univariate || multivariate;
    }

    /** Whether the linkability attack runs (both auxiliary sets given). */
    public boolean linkability() {
        return !auxA.isEmpty() && !auxB.isEmpty();
    }

    /** Whether the inference attack runs (a secret given). */
    public boolean inference() {
        return secret != null;
    }

    /** The engine's configuration of this request. */
    public EvaluationConfig toConfig() {
        return new EvaluationConfig(columns, attacks, seed, confidenceLevel,
                singlingOut() ? new EvaluationConfig.SinglingOutOptions(univariate, multivariate, columnsPerPredicate,
                        maxAttempts) : null,
                linkability() ? new EvaluationConfig.LinkabilityOptions(auxA, auxB, neighbours) : null,
                inference() ? new EvaluationConfig.InferenceOptions(inferenceAux, secret, tolerance) : null);
    }

    @Override
    public ObjectNode toJsonTree() {
        ObjectNode n = RequestJson.root(LANE);
        columns.forEach(n.putArray("columns")::add);
        n.put("attacks", attacks);
        n.put("seed", seed);
        n.put("confidenceLevel", confidenceLevel);
        n.putObject("singlingOut").put("univariate", univariate).put("multivariate", multivariate)
                .put("columnsPerPredicate", columnsPerPredicate).put("maxAttempts", maxAttempts);
        ObjectNode link = n.putObject("linkability");
        auxA.forEach(link.putArray("auxA")::add);
        auxB.forEach(link.putArray("auxB")::add);
        link.put("neighbours", neighbours);
        ObjectNode inf = n.putObject("inference");
        inf.put("secret", secret);
        inferenceAux.forEach(inf.putArray("aux")::add);
        inf.put("tolerance", tolerance);
        n.set("import", ImportSettings.toJson(importOptions));
        return n;
    }

    /** Reads a request (canonical or hand-written JSON; absent fields keep their defaults). */
    public static EvaluationRequest fromJson(String json) throws ConfigurationException {
        ObjectNode n = RequestJson.parseObject(json, LANE + " request");
        RequestJson.Reader r = new RequestJson.Reader(n, LANE).header(LANE);
        Builder b = new Builder();
        b.columns(r.strings("columns")).attacks(r.integer("attacks")).seed(r.whole("seed"))
                .confidenceLevel(r.number("confidenceLevel"));
        ObjectNode so = r.object("singlingOut");
        if (so != null) {
            RequestJson.Reader sr = new RequestJson.Reader(so, LANE + ".singlingOut");
            b.univariate(sr.bool("univariate")).multivariate(sr.bool("multivariate"))
                    .columnsPerPredicate(sr.integer("columnsPerPredicate")).maxAttempts(sr.whole("maxAttempts"));
            sr.finish();
        }
        ObjectNode link = r.object("linkability");
        if (link != null) {
            RequestJson.Reader lr = new RequestJson.Reader(link, LANE + ".linkability");
            b.auxA(lr.strings("auxA")).auxB(lr.strings("auxB")).neighbours(lr.integer("neighbours"));
            lr.finish();
        }
        ObjectNode inf = r.object("inference");
        if (inf != null) {
            RequestJson.Reader ir = new RequestJson.Reader(inf, LANE + ".inference");
            b.secret(ir.string("secret")).inferenceAux(ir.strings("aux")).tolerance(ir.number("tolerance"));
            ir.finish();
        }
        ObjectNode io = r.object("import");
        if (io != null) {
            ImportSettings.read(io, b.importing(), LANE);
        }
        r.finish();
        return b.build();
    }

    /**
     * Builds a request. Holds every default of the lane; a null argument leaves a value as it is.
     * {@link #singlingOut(String)} takes the command-line syntax ({@code univariate,multivariate},
     * {@code univariate}, {@code multivariate} or {@code none}).
     */
    public static final class Builder extends LaneRequestBuilder<EvaluationRequest, Builder> {
        private final List<String> columns = new ArrayList<>();
        private int attacks = 500;
        private long seed = 1;
        private double confidenceLevel = 0.95;
        private boolean univariate = true;
        private boolean multivariate = true;
        private int columnsPerPredicate = 3;
        private long maxAttempts = 1_000_000;
        private final List<String> auxA = new ArrayList<>();
        private final List<String> auxB = new ArrayList<>();
        private int neighbours = 1;
        private String secret;
        private final List<String> inferenceAux = new ArrayList<>();
        private double tolerance = 0.05;

        Builder() {
        }

        Builder(EvaluationRequest r) {
            columns.addAll(r.columns);
            attacks = r.attacks;
            seed = r.seed;
            confidenceLevel = r.confidenceLevel;
            univariate = r.univariate;
            multivariate = r.multivariate;
            columnsPerPredicate = r.columnsPerPredicate;
            maxAttempts = r.maxAttempts;
            auxA.addAll(r.auxA);
            auxB.addAll(r.auxB);
            neighbours = r.neighbours;
            secret = r.secret;
            inferenceAux.addAll(r.inferenceAux);
            tolerance = r.tolerance;
            importing.options(r.importOptions);
        }

        /** The columns the attacks may use (replaces the list; empty = every column of the original). */
        public Builder columns(List<String> names) {
            replaceNames(columns, names);
            return this;
        }

        public Builder attacks(Integer n) {
            if (n != null) {
                attacks = n;
            }
            return this;
        }

        public Builder seed(Long s) {
            if (s != null) {
                seed = s;
            }
            return this;
        }

        public Builder confidenceLevel(Double level) {
            if (level != null) {
                confidenceLevel = level;
            }
            return this;
        }

        public Builder univariate(Boolean on) {
            if (on != null) {
                univariate = on;
            }
            return this;
        }

        public Builder multivariate(Boolean on) {
            if (on != null) {
                multivariate = on;
            }
            return this;
        }

        /** {@code univariate,multivariate}, {@code univariate}, {@code multivariate} or {@code none}. */
        public Builder singlingOut(String spec) throws ConfigurationException {
            if (spec == null) {
                return this;
            }
            boolean uni = false;
            boolean multi = false;
            for (String part : spec.split(",")) {
                String p = part.strip().toLowerCase(Locale.ROOT);
                switch (p) {
                    case "univariate" -> uni = true;
                    case "multivariate" -> multi = true;
                    case "both" -> {
                        uni = true;
                        multi = true;
                    }
                    case "none", "" -> {
                        // nothing
                    }
                    default -> throw new ConfigurationException("evaluation.error.singlingOutSpec", spec);
                }
            }
            univariate = uni;
            multivariate = multi;
            return this;
        }

        public Builder columnsPerPredicate(Integer n) {
            if (n != null) {
                columnsPerPredicate = n;
            }
            return this;
        }

        public Builder maxAttempts(Long n) {
            if (n != null) {
                maxAttempts = n;
            }
            return this;
        }

        /** Columns of the attacker's first source (replaces the list). */
        public Builder auxA(List<String> names) {
            replaceNames(auxA, names);
            return this;
        }

        /** Columns of the attacker's second source (replaces the list). */
        public Builder auxB(List<String> names) {
            replaceNames(auxB, names);
            return this;
        }

        public Builder neighbours(Integer k) {
            if (k != null) {
                neighbours = k;
            }
            return this;
        }

        /** The secret of the inference attack; blank means no inference. */
        public Builder secret(String column) {
            secret = optionalName(column, secret);
            return this;
        }

        /** Columns the inference attacker knows (replaces the list; empty = all but the secret). */
        public Builder inferenceAux(List<String> names) {
            replaceNames(inferenceAux, names);
            return this;
        }

        public Builder tolerance(Double t) {
            if (t != null) {
                tolerance = t;
            }
            return this;
        }

        /** Where the original is (role {@code original}). */
        public Builder original(String location) throws ConfigurationException {
            return input(ORIGINAL, location);
        }

        /** Where the release is (role {@code release}). */
        public Builder release(String location) throws ConfigurationException {
            return input(RELEASE, location);
        }

        /** Where the control set is (role {@code control}). */
        public Builder control(String location) throws ConfigurationException {
            return input(CONTROL, location);
        }

        EvaluationRequest unchecked() {
            return new EvaluationRequest(columns, attacks, seed, confidenceLevel, univariate, multivariate,
                    columnsPerPredicate, maxAttempts, auxA, auxB, neighbours, secret, inferenceAux, tolerance,
                    importing.build());
        }

        /** The request; a usage error when a value is out of range or the attacks do not fit together. */
        @Override
        public EvaluationRequest build() throws ConfigurationException {
            if (attacks < 1 || attacks > ReleaseEvaluator.MAX_ATTACKS) {
                throw new ConfigurationException("evaluation.error.attacks", attacks, ReleaseEvaluator.MAX_ATTACKS);
            }
            if (!(confidenceLevel >= 0.5 && confidenceLevel < 1.0)) {
                throw new ConfigurationException("evaluation.error.confidence", String.valueOf(confidenceLevel));
            }
            if (multivariate && columnsPerPredicate < 1) {
                throw new ConfigurationException("evaluation.error.columnsPerPredicateMin", columnsPerPredicate);
            }
            if (multivariate && maxAttempts < 1) {
                throw new ConfigurationException("evaluation.error.maxAttempts", maxAttempts);
            }
            if (auxA.isEmpty() != auxB.isEmpty()) {
                throw new ConfigurationException("evaluation.error.linkabilityNeedsBoth",
                        auxA.isEmpty() ? "--aux-a" : "--aux-b");
            }
            if (neighbours < 1 || neighbours > ReleaseEvaluator.MAX_NEIGHBOURS) {
                throw new ConfigurationException("evaluation.error.neighbours", neighbours,
                        ReleaseEvaluator.MAX_NEIGHBOURS);
            }
            if (!(tolerance >= 0 && tolerance <= 1)) {
                throw new ConfigurationException("evaluation.error.tolerance", String.valueOf(tolerance));
            }
            if (secret == null && !inferenceAux.isEmpty()) {
                throw new ConfigurationException("evaluation.error.noSecret");
            }
            if (secret != null && inferenceAux.contains(secret)) {
                throw new ConfigurationException("evaluation.error.secretInAux", secret);
            }
            for (List<String> list : List.of(columns, auxA, auxB, inferenceAux)) {
                if (new LinkedHashSet<>(list).size() != list.size()) {
                    throw new ConfigurationException("evaluation.error.duplicateColumn", String.join(", ", list));
                }
            }
            if (!univariate && !multivariate && auxA.isEmpty() && secret == null) {
                throw new ConfigurationException("evaluation.error.nothingToRun");
            }
            return unchecked();
        }
    }
}

package org.releaseauditor.service.remediation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.service.RequestJson;
import org.releaseauditor.service.aggregates.AggregatesRequest;

/**
 * One aggregates remediation: primary suppression from the rules, then secondary suppression
 * until the LP audit of all co-released tables proves every withheld cell protected. The audit
 * runs in the analysis as submitted and in the re-audit of the copies (the request's
 * {@code audit} is switched on). Every remediation default of the aggregates lane is defined
 * here, in {@link Builder}. Inputs: those of the aggregates lane; outputs: {@code copy:NAME} per
 * table.
 *
 * @param analysis      the aggregates request of the audit and the re-audit (audit on)
 * @param policy        the policy the copies must pass
 * @param objective     what the secondary suppression minimises: {@code total} (withheld persons) or
 *                      {@code cells} (withheld cells)
 * @param token         what a withheld count is written as in the copies
 * @param maxRounds     most audit rounds of the greedy secondary suppression
 * @param cleanupBudget most audits spent on publishing secondary cells again
 * @param warnAsFail    whether the policy's WARN rules must hold as well
 * @param method        {@code suppress} (primary and secondary suppression), {@code coarsen} (the least
 *                      coarsening of table dimensions along their hierarchies) or {@code round}
 *                      (conventional rounding to a base, margins recomputed)
 * @param roundingBase  the base of {@code round}, or null for the smallest of 3, 5, 10 that passes
 */
public record AggregateRemediationRequest(AggregatesRequest analysis, String policy, String objective, String token,
        int maxRounds, int cleanupBudget, boolean warnAsFail, String method, Integer roundingBase)
        implements RemediationRequest {

    /** The choices of {@link #objective}. */
    public static final List<String> OBJECTIVES = List.of("total", "cells");
    /** The choices of {@link #method}. */
    public static final List<String> METHODS = List.of("suppress", "coarsen", "round");

    public AggregateRemediationRequest {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(method, "method");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public String lane() {
        return AggregatesRequest.LANE;
    }

    @Override
    public ObjectNode toJsonTree() {
        ObjectNode n = RemediationRequest.root(lane(), analysis);
        n.put("policy", policy);
        n.put("objective", objective);
        n.put("token", token);
        n.put("maxRounds", maxRounds);
        n.put("cleanupBudget", cleanupBudget);
        n.put("warnAsFail", warnAsFail);
        n.put("method", method);
        if (roundingBase == null) {
            n.putNull("roundingBase");
        } else {
            n.put("roundingBase", roundingBase);
        }
        return n;
    }

    public static AggregateRemediationRequest fromJson(String json) throws ConfigurationException {
        Builder b = new Builder();
        RequestJson.Reader r = RemediationBuilder.readCommon(json, AggregatesRequest.LANE, b,
                AggregatesRequest::fromJson);
        b.objective(r.string("objective"));
        b.token(r.string("token"));
        b.maxRounds(r.integer("maxRounds"));
        b.cleanupBudget(r.integer("cleanupBudget"));
        b.warnAsFail(r.bool("warnAsFail"));
        b.method(r.string("method"));
        b.roundingBase(r.integer("roundingBase"));
        r.finish();
        return b.build();
    }

    /** Builds a request; holds every remediation default of the aggregates lane. */
    public static final class Builder extends RemediationBuilder<AggregatesRequest, Builder> {
        private String objective = "total";
        private String token = "x";
        private int maxRounds = 200;
        private int cleanupBudget = 100;
        private String method = "suppress";
        private Integer roundingBase;
        private final List<String> unnamedOutputs = new java.util.ArrayList<>();

        Builder() {
        }

        Builder(AggregateRemediationRequest r) {
            super(r.analysis, r.policy, r.warnAsFail);
            objective = r.objective;
            token = r.token;
            maxRounds = r.maxRounds;
            cleanupBudget = r.cleanupBudget;
            method = r.method;
            roundingBase = r.roundingBase;
        }

        /** {@code total} or {@code cells}. */
        public Builder objective(String o) throws ConfigurationException {
            if (o != null) {
                objective = choice(o, OBJECTIVES, "remediation.request.objective");
            }
            return this;
        }

        /** What a withheld count is written as (not empty, no delimiter or quote). */
        public Builder token(String t) throws ConfigurationException {
            if (t != null) {
                if (t.isBlank() || t.contains(",") || t.contains(";") || t.contains("\t") || t.contains("\"")) {
                    throw new ConfigurationException("remediation.request.token", t);
                }
                token = t.strip();
            }
            return this;
        }

        public Builder maxRounds(Integer n) {
            if (n != null) {
                maxRounds = n;
            }
            return this;
        }

        public Builder cleanupBudget(Integer n) {
            if (n != null) {
                cleanupBudget = n;
            }
            return this;
        }

        /** {@code suppress}, {@code coarsen} or {@code round}. */
        public Builder method(String m) throws ConfigurationException {
            if (m != null) {
                method = choice(m, METHODS, "remediation.request.method");
            }
            return this;
        }

        /** The rounding base (at least 2), or null for the smallest of 3, 5, 10 that passes. */
        public Builder roundingBase(Integer b) {
            roundingBase = b;
            return this;
        }

        /**
         * Where a table's copy goes, as typed: {@code NAME=FILE}, or {@code FILE} alone for a release
         * of one table; default {@code <file>_remediated.csv} in the working folder.
         */
        public Builder write(List<String> specs) throws ConfigurationException {
            if (specs == null) {
                return this;
            }
            for (String s : specs) {
                String t = s.strip();
                int eq = t.indexOf('=');
                if (eq > 0 && !t.substring(0, eq).contains("/") && !t.substring(0, eq).contains("\\")) {
                    outputs.put(RemediationCall.COPY_OF + t.substring(0, eq).strip(), t.substring(eq + 1).strip());
                } else if (!t.isEmpty()) {
                    unnamedOutputs.add(t);
                }
            }
            return this;
        }

        Map<String, String> defaults() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("objective", objective);
            m.put("token", token);
            m.put("maxRounds", Integer.toString(maxRounds));
            m.put("cleanupBudget", Integer.toString(cleanupBudget));
            m.put("method", method);
            m.put("roundingBase", "smallest of 3, 5, 10 that passes");
            return m;
        }

        public AggregateRemediationRequest build() throws ConfigurationException {
            if (analysis == null || analysis.tables().isEmpty()) {
                throw new ConfigurationException("aggregate.error.noTables");
            }
            requirePolicy(AggregatesRequest.LANE);
            if (maxRounds < 1) {
                throw new ConfigurationException("remediation.request.rounds", maxRounds);
            }
            if (cleanupBudget < 0) {
                throw new ConfigurationException("remediation.request.cleanup", cleanupBudget);
            }
            if (roundingBase != null && !method.equals("round")) {
                throw new ConfigurationException("remediation.request.baseWithoutRound", roundingBase, method);
            }
            if (roundingBase != null && roundingBase < 2) {
                throw new ConfigurationException("remediation.round.base", roundingBase);
            }
            if (!method.equals("suppress")) {
                countsOnly(analysis, method);
            }
            AggregatesRequest.Builder a = analysis.toBuilder().audit(true);
            java.util.Set<String> markers = new java.util.TreeSet<>(analysis.suppressionMarkers());
            markers.add(token);
            a.suppressionMarkers(List.copyOf(markers));
            return new AggregateRemediationRequest(a.build(), policy, objective, token, maxRounds, cleanupBudget,
                    warnAsFail, method, roundingBase);
        }

        /**
         * Coarsening and rounding rewrite the counts, so they need tables of counts alone: no
         * magnitude, scaling factor or contributions, and no trajectory-recovery test.
         */
        static void countsOnly(AggregatesRequest a, String method) throws ConfigurationException {
            for (AggregatesRequest.Table t : a.tables()) {
                if (t.magnitude() != null || t.scaleColumn() != null || t.scale() != 1 || t.contributorId() != null
                        || t.contributionValue() != null) {
                    throw new ConfigurationException("remediation.alternative.countsOnly", method, t.name());
                }
            }
            if (a.recovery() != null) {
                throw new ConfigurationException("remediation.alternative.countsOnly", method, "--recovery");
            }
        }

        public RemediationCall<AggregateRemediationRequest> buildCall() throws ConfigurationException {
            AggregateRemediationRequest r = build();
            Map<String, String> out = new LinkedHashMap<>(outputs);
            if (!unnamedOutputs.isEmpty()) {
                if (unnamedOutputs.size() > 1 || r.analysis().tables().size() != 1) {
                    throw new ConfigurationException("remediation.request.writeName", String.join(", ",
                            r.analysis().tables().stream().map(AggregatesRequest.Table::name).toList()));
                }
                out.put(RemediationCall.COPY_OF + r.analysis().tables().get(0).name(), unnamedOutputs.get(0));
            }
            for (String role : out.keySet()) {
                String name = role.substring(RemediationCall.COPY_OF.length());
                if (r.analysis().tables().stream().noneMatch(t -> t.name().equals(name))) {
                    throw new ConfigurationException("remediation.request.writeName", String.join(", ",
                            r.analysis().tables().stream().map(AggregatesRequest.Table::name).toList()));
                }
            }
            return new RemediationCall<>(r, analysisInputs, out);
        }
    }
}

package org.releaseauditor.service.aggregates;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.report.AggregateReportWriter;
import org.releaseauditor.report.json.Json;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.Lane;
import org.releaseauditor.service.LaneChecks;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneResult;

/**
 * The aggregates lane: a release set of count tables in; primary rules, group disclosure,
 * differencing, the LP audit of withheld cells and trajectory recovery out (result JSON schema
 * {@code src/docs/schema/aggregates-v1.md}). Inputs by role: see {@link AggregatesRequest}.
 */
public final class AggregatesLane implements Lane<AggregatesRequest, AggregatesOutput> {

    private final AggregateAnalysisService service;

    public AggregatesLane() {
        this(new AggregateAnalysisService());
    }

    public AggregatesLane(AggregateAnalysisService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return AggregatesRequest.LANE;
    }

    @Override
    public Class<AggregatesRequest> requestType() {
        return AggregatesRequest.class;
    }

    @Override
    public AggregatesRequest defaults() {
        return AggregatesRequest.defaults();
    }

    @Override
    public AggregatesRequest readRequest(String json) throws ConfigurationException {
        return AggregatesRequest.fromJson(json);
    }

    /** Aggregates has no single primary input: tables are named ({@code --table NAME=…}). */
    @Override
    public String primaryRole() {
        return null;
    }

    @Override
    public void validate(AggregatesRequest r, LaneInputs inputs) throws AuditException {
        // every option first (ranges and the engine's own checks), before any header is read
        r.validateOptions();
        Set<String> tableNames = new LinkedHashSet<>();
        r.tables().forEach(t -> tableNames.add(t.name()));
        LaneChecks.roles(inputs, name(), role -> accepted(r, tableNames, role), List.of("table:NAME",
                "contributions:NAME", "hierarchy:DIM", "series:NAME:K", "recovery"));
        Set<String> allDims = new LinkedHashSet<>();
        for (AggregatesRequest.Table t : r.tables()) {
            DatasetRef ref = inputs.require(AggregatesRequest.TABLE + t.name(), name(), "--table " + t.name()
                    + "=FILE");
            DatasetService.Header h = service.header(ref);
            String option = "--table " + t.name();
            LaneChecks.column(h, t.count(), option + " count=");
            LaneChecks.column(h, t.magnitude(), option + " magnitude=");
            LaneChecks.column(h, t.scaleColumn(), option + " scaleColumn=");
            List<String> dims = t.dimensions();
            if (dims == null) {
                dims = new ArrayList<>(h.names());
                dims.removeAll(java.util.Arrays.asList(t.count(), t.magnitude(), t.scaleColumn()));
            } else {
                LaneChecks.columns(h, dims, option + " dims=");
            }
            allDims.addAll(dims);
            boolean contributions = inputs.get(AggregatesRequest.CONTRIBUTIONS + t.name()).isPresent();
            if (contributions) {
                DatasetService.Header c = service.header(inputs.get(AggregatesRequest.CONTRIBUTIONS + t.name())
                        .orElseThrow());
                LaneChecks.column(c, t.contributorId(), option + " contribId=");
                LaneChecks.column(c, t.contributionValue(), option + " contribValue=");
            }
            // with a preset (ACRO) the magnitude rules apply to the tables that have magnitudes
            if (r.magnitudeRules() && r.rulesPreset() == null && t.magnitude() == null && !contributions) {
                throw new ConfigurationException("aggregate.error.needsMagnitude", t.name(),
                        r.dominance() != null ? "--dominance" : r.pPercent() != null ? "--p-percent" : "--pq");
            }
        }
        for (String role : inputs.roles().keySet()) {
            if (role.startsWith(AggregatesRequest.HIERARCHY)) {
                String dim = role.substring(AggregatesRequest.HIERARCHY.length());
                if (!allDims.contains(dim)) {
                    throw new ConfigurationException("aggregate.error.hierarchyDim", dim, String.join(", ", allDims));
                }
            }
        }
        if (r.group() != null) {
            for (String d : r.group().dims()) {
                if (!allDims.contains(d)) {
                    throw org.releaseauditor.core.model.ColumnLookup.unknown(d, new ArrayList<>(allDims),
                            "--group dims=");
                }
            }
            if (!allDims.contains(r.group().by())) {
                throw org.releaseauditor.core.model.ColumnLookup.unknown(r.group().by(), new ArrayList<>(allDims),
                        "--group by=");
            }
        }
        if (r.recovery() != null) {
            DatasetRef truth = inputs.require(AggregatesRequest.RECOVERY, name(), "--recover-from FILE");
            DatasetService.Header h = service.header(truth);
            AggregatesRequest.Recovery rec = r.recovery();
            LaneChecks.column(h, rec.userColumn(), "--columns (user)");
            for (String s : rec.slotColumn().split("\\+", 2)) {
                LaneChecks.column(h, s.strip(), "--columns (slot)");
            }
            LaneChecks.column(h, rec.areaColumn(), "--columns (area)");
        } else if (inputs.get(AggregatesRequest.RECOVERY).isPresent()) {
            throw new ConfigurationException("lane.error.unknownInput", AggregatesRequest.RECOVERY, name(),
                    "recovery (with recovery settings)");
        }
    }

    private static boolean accepted(AggregatesRequest r, Set<String> tables, String role) {
        if (role.equals(AggregatesRequest.RECOVERY) || role.startsWith(AggregatesRequest.HIERARCHY)) {
            return true;
        }
        for (String prefix : List.of(AggregatesRequest.TABLE, AggregatesRequest.CONTRIBUTIONS)) {
            if (role.startsWith(prefix)) {
                return tables.contains(role.substring(prefix.length()));
            }
        }
        if (role.startsWith(AggregatesRequest.SERIES)) {
            String rest = role.substring(AggregatesRequest.SERIES.length());
            int colon = rest.lastIndexOf(':');
            return colon > 0 && tables.contains(rest.substring(0, colon))
                    && rest.substring(colon + 1).matches("[1-9][0-9]*");
        }
        return false;
    }

    @Override
    public LaneResult<AggregatesRequest, AggregatesOutput> analyze(AggregatesRequest r, LaneInputs inputs,
            ProgressMonitor monitor) throws AuditException {
        validate(r, inputs);
        AggregateAnalysisService.Analysis a = service.analyze(r, inputs, monitor);
        ObjectNode tree = AggregateReportWriter.tree(a.report());
        tree.set("inputs", a.read().toJson());
        return new LaneResult<>(name(), r, a.read(), new AggregatesOutput(a.release(), a.report(), a.later()),
                Json.write(tree));
    }

    @Override
    public String text(LaneResult<AggregatesRequest, AggregatesOutput> result) {
        return AggregateReportWriter.text(result.output().report());
    }

}

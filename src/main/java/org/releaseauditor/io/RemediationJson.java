package org.releaseauditor.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.releaseauditor.core.aggregate.AuditedCell;
import org.releaseauditor.core.policy.Finding;
import org.releaseauditor.core.remediation.RemediationCondition;
import org.releaseauditor.core.remediation.Transformation;
import org.releaseauditor.core.remediation.aggregate.AggregateAlternatives;
import org.releaseauditor.core.remediation.aggregate.AggregateRemediation;
import org.releaseauditor.core.remediation.microdata.LossMeasure;
import org.releaseauditor.core.remediation.microdata.MicrodataSearchResult;
import org.releaseauditor.core.remediation.microdata.NodeResult;
import org.releaseauditor.core.remediation.trajectory.TrajectoryRemediationResult;
import org.releaseauditor.core.remediation.trajectory.UnicityTarget;
import org.releaseauditor.core.trajectory.UnicityResult;

/**
 * Remediation results and conditions as JSON (schema in {@code src/docs/remediation.md}): what the
 * CLI prints, what a case stores with a decision, and what the GUI reads back. Measures only,
 * never record values (aggregate cell keys are table coordinates, not personal data). Doubles that
 * are NaN or infinite are written as null.
 */
public final class RemediationJson {

    /** Version of the remediation JSON. */
    public static final int SCHEMA_VERSION = 1;

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RemediationJson() {
    }

    /** Pretty-printed text of a tree. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON serialisation failed", e);
        }
    }

    private static ObjectNode root(String lane) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("schemaVersion", SCHEMA_VERSION);
        n.put("kind", "remediation");
        n.put("lane", lane);
        return n;
    }

    private static void put(ObjectNode n, String field, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }

    // -------------------------------------------------------------------------------- microdata

    /**
     * The microdata search: {@code optimum} (with {@code levels} QI → level, {@code loss},
     * {@code suppressedRecords}), {@code paretoFront}, the predicted findings and the search's
     * statistics. The re-audit of the written copy is added by the caller as {@code after}.
     */
    public static ObjectNode microdata(MicrodataSearchResult r) {
        ObjectNode root = root("microdata");
        root.put("measure", r.measure().id());
        root.put("records", r.records());
        root.put("suppressionLimit", r.suppressionLimit());
        ObjectNode h = root.putObject("hierarchies");
        for (int d = 0; d < r.quasiIdentifiers().size(); d++) {
            h.putObject(r.quasiIdentifiers().get(d)).put("height", r.heights().get(d))
                    .put("source", r.hierarchySources().get(d));
        }
        if (r.optimum() == null) {
            root.putNull("optimum");
        } else {
            root.set("optimum", node(r.optimum(), r.quasiIdentifiers(), r.measure()));
        }
        ArrayNode findings = root.putArray("predictedFindings");
        for (Finding f : r.predictedFindings()) {
            ObjectNode o = findings.addObject();
            o.put("rule", f.rule().describe());
            o.put("metric", f.metricKey());
            if (f.measured() == null) {
                o.putNull("measured");
            } else {
                put(o, "measured", f.measured());
            }
            o.put("status", f.status().name());
        }
        ArrayNode front = root.putArray("paretoFront");
        for (NodeResult n : r.paretoFront()) {
            front.add(node(n, r.quasiIdentifiers(), r.measure()));
        }
        ObjectNode s = root.putObject("search");
        s.put("latticeSize", r.latticeSize());
        s.put("evaluatedNodes", r.evaluatedNodes());
        s.put("taggedInfeasible", r.taggedInfeasible());
        s.put("taggedFeasible", r.taggedFeasible());
        s.put("monotonicPruning", r.monotonicPruning());
        s.put("paretoComplete", r.paretoComplete());
        s.put("runtimeMillis", r.runtimeMillis());
        ArrayNode ignored = s.putArray("ignoredRules");
        r.ignoredRules().forEach(ignored::add);
        return root;
    }

    /** One node: levels by QI, loss under the chosen and every measure, suppression and risk. */
    public static ObjectNode node(NodeResult n, List<String> qis, LossMeasure measure) {
        ObjectNode o = MAPPER.createObjectNode();
        ObjectNode levels = o.putObject("levels");
        for (int d = 0; d < qis.size(); d++) {
            levels.put(qis.get(d), n.levels().get(d));
        }
        o.put("feasible", n.feasible());
        put(o, "loss", n.loss(measure));
        ObjectNode losses = o.putObject("losses");
        for (LossMeasure m : LossMeasure.values()) {
            put(losses, m.id(), n.loss(m));
        }
        o.put("suppressBelow", n.suppressBelow());
        o.put("suppressedRecords", n.suppressedRecords());
        o.put("alreadySuppressed", n.alreadySuppressed());
        o.put("classes", n.classes());
        o.put("k", n.k());
        put(o, "highestRisk", n.highestRisk());
        put(o, "recordsAtRisk", n.recordsAtRisk());
        put(o, "averageRisk", n.averageRisk());
        return o;
    }

    // ----------------------------------------------------------------------------- trajectories

    /** The trajectory remediation: targets, the resolution grid, the least coarsening and the cap search. */
    public static ObjectNode trajectories(TrajectoryRemediationResult r) {
        ObjectNode root = root("trajectories");
        ArrayNode targets = root.putArray("targets");
        for (UnicityTarget t : r.targets()) {
            targets.addObject().put("rule", t.describe()).put("points", t.points()).put("threshold", t.threshold())
                    .put("upperBound", t.upperBound());
        }
        root.set("before", cell(r.before()));
        root.set("recommended", r.recommended() == null ? null : cell(r.recommended()));
        ArrayNode minimal = root.putArray("minimal");
        r.minimal().forEach(c -> minimal.add(cell(c)));
        ArrayNode grid = root.putArray("grid");
        r.grid().forEach(c -> grid.add(cell(c)));
        if (r.cap() == null) {
            root.putNull("eventsPerUser");
        } else {
            ObjectNode cap = root.putObject("eventsPerUser");
            cap.put("needed", r.cap().needed());
            if (r.cap().cap() == null) {
                cap.putNull("cap");
            } else {
                cap.put("cap", r.cap().cap());
            }
            cap.put("maxEvents", r.cap().maxEvents());
            cap.set("unicity", rows(r.cap().rows()));
            ArrayNode tried = cap.putArray("tried");
            for (TrajectoryRemediationResult.CapTry t : r.cap().evaluated()) {
                ObjectNode o = tried.addObject().put("cap", t.cap()).put("passes", t.passes());
                put(o, "fraction", t.fraction());
                put(o, "ciHigh", t.ciHigh());
            }
        }
        root.put("runtimeMillis", r.runtimeMillis());
        return root;
    }

    private static ObjectNode cell(TrajectoryRemediationResult.Cell c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("spatial", c.spatial());
        o.put("temporal", c.temporal());
        o.put("spatialStep", c.spatialIndex());
        o.put("temporalStep", c.temporalIndex());
        o.put("passes", c.passes());
        o.set("unicity", rows(c.rows()));
        return o;
    }

    private static ArrayNode rows(List<UnicityResult.Row> rows) {
        ArrayNode a = MAPPER.createArrayNode();
        for (UnicityResult.Row r : rows) {
            ObjectNode o = a.addObject();
            o.put("points", r.points());
            o.put("sampledUsers", r.sampledUsers());
            o.put("uniqueUsers", r.uniqueUsers());
            put(o, "fraction", r.fraction());
            put(o, "ciLow", r.ciLow());
            put(o, "ciHigh", r.ciHigh());
        }
        return a;
    }

    // ------------------------------------------------------------------------------- aggregates

    /** The aggregate remediation: primary and secondary cells, totals, the proof and the alternatives. */
    public static ObjectNode aggregates(AggregateRemediation.Result r) {
        ObjectNode root = root("aggregates");
        root.put("safe", r.safe());
        root.put("alreadyWithheld", r.alreadyWithheld());
        root.put("suppressedCells", r.suppressedCells());
        put(root, "suppressedTotal", r.suppressedTotal());
        root.set("primary", cells(r.primary()));
        root.set("secondary", cells(r.secondary()));
        ArrayNode exposed = root.putArray("stillExposed");
        for (AuditedCell a : r.exposed()) {
            ObjectNode o = exposed.addObject().put("table", a.table()).put("cell", String.join("|", a.cell()));
            put(o, "low", a.low());
            put(o, "high", a.high());
            put(o, "required", a.required());
        }
        ObjectNode proof = root.putObject("audit");
        proof.put("withheldCells", r.audit().size());
        proof.put("exposedCells", r.exposed().size());
        proof.put("rounds", r.rounds());
        proof.put("audits", r.audits());
        ArrayNode alt = root.putArray("coarserDimensions");
        for (AggregateRemediation.Coarsening c : r.coarsenings()) {
            alt.addObject().put("table", c.table()).put("dimension", c.dimension()).put("level", c.level())
                    .put("cellsBefore", c.cellsBefore()).put("cellsAfter", c.cellsAfter())
                    .put("unsafeBefore", c.unsafeBefore()).put("unsafeAfter", c.unsafeAfter());
        }
        root.put("runtimeMillis", r.runtimeMillis());
        return root;
    }

    /** The coarser-dimension alternative: the chosen levels, cells and unsafe cells before and after. */
    public static ObjectNode aggregatesCoarsen(AggregateAlternatives.CoarsenResult r) {
        ObjectNode root = root("aggregates");
        root.put("method", "coarsen");
        root.put("found", r.found());
        ArrayNode levels = root.putArray("levels");
        for (AggregateAlternatives.DimensionLevel l : r.levels()) {
            levels.addObject().put("table", l.table()).put("dimension", l.dimension()).put("from", l.from())
                    .put("to", l.to()).put("steps", l.steps());
        }
        root.put("cellsBefore", r.cellsBefore());
        root.put("cellsAfter", r.cellsAfter());
        root.put("unsafeBefore", r.unsafeBefore());
        root.put("unsafeAfter", r.unsafeAfter());
        ObjectNode proof = root.putObject("audit");
        proof.put("withheldCells", r.audit().size());
        proof.put("exposedCells", r.audit().stream().filter(AuditedCell::exposed).count());
        ObjectNode search = root.putObject("search");
        search.put("combinations", r.combinations());
        search.put("evaluated", r.evaluated());
        search.put("order", "fewest steps in total, then the most cells kept");
        root.put("runtimeMillis", r.runtimeMillis());
        return root;
    }

    /** The rounding alternative: the chosen base, every base tried and the exact intervals. */
    public static ObjectNode aggregatesRound(AggregateAlternatives.RoundResult r) {
        ObjectNode root = root("aggregates");
        root.put("method", "round");
        root.put("found", r.found());
        root.put("base", r.chosen().base());
        root.put("baseChosen", r.auto() ? "smallest of 3, 5, 10 that passes" : "given");
        root.put("rule", org.releaseauditor.core.remediation.Transformation.AggregatesRounded.RULE);
        root.put("margins", org.releaseauditor.core.remediation.Transformation.AggregatesRounded.MARGINS);
        root.put("intervalAudit", "exact: a cell published as r holds a count in [max(0, r - floor(B/2)), "
                + "r + ceil(B/2) - 1]; a margin the sum of its parts' intervals (the margins are functions of the "
                + "rounded cells, so they narrow nothing). Replaces the LP audit, which models withheld cells only");
        ArrayNode tried = root.putArray("tried");
        for (AggregateAlternatives.Rounding t : r.tried()) {
            rounding(tried.addObject(), t);
        }
        rounding(root.putObject("chosen"), r.chosen());
        ArrayNode iv = root.putArray("intervals");
        for (AuditedCell a : r.chosen().intervals()) {
            ObjectNode o = iv.addObject().put("table", a.table()).put("cell", String.join("|", a.cell()));
            put(o, "low", a.low());
            put(o, "high", a.high());
            put(o, "required", a.required());
            o.put("exposed", a.exposed());
        }
        root.put("runtimeMillis", r.runtimeMillis());
        return root;
    }

    private static void rounding(ObjectNode o, AggregateAlternatives.Rounding t) {
        o.put("base", t.base());
        o.put("roundedCells", t.roundedCells());
        o.put("recomputedMargins", t.recomputedCells());
        o.put("unsafeOnRoundedCounts", t.unsafeOnRounded());
        o.put("unsafeByTrueCount", t.intervals().size());
        o.put("exposedIntervals", t.exposed());
        o.put("passes", t.passes());
    }

    private static ArrayNode cells(List<AggregateRemediation.SuppressedCell> cells) {
        ArrayNode a = MAPPER.createArrayNode();
        for (AggregateRemediation.SuppressedCell s : cells) {
            ObjectNode o = a.addObject().put("table", s.table()).put("row", s.index())
                    .put("cell", String.join("|", s.cell())).put("reason", s.reason());
            put(o, "count", s.value());
        }
        return a;
    }

    // ------------------------------------------------------------------------------- condition

    /** The machine-readable condition a decision records. */
    public static ObjectNode condition(RemediationCondition c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("kind", "remediation-condition");
        root.put("lane", c.transformation().lane());
        root.putObject("input").put("file", c.inputFile()).put("sha256", c.inputSha256());
        root.set("transformation", transformation(c.transformation()));
        root.putObject("output").put("file", c.outputFile()).put("sha256", c.outputSha256())
                .put("bytes", c.outputBytes());
        return root;
    }

    /** A transformation alone. */
    public static ObjectNode transformation(Transformation t) {
        ObjectNode o = MAPPER.createObjectNode();
        if (t instanceof Transformation.Microdata m) {
            ObjectNode levels = o.putObject("levels");
            m.levels().forEach(levels::put);
            ObjectNode h = o.putObject("hierarchies");
            m.hierarchies().forEach(h::put);
            ObjectNode s = o.putObject("suppression");
            s.put("rule", "records of every class smaller than suppressBelow get * in every quasi-identifier");
            s.put("suppressBelow", m.suppressBelow());
            s.put("records", m.suppressedRecords());
            ArrayNode dropped = o.putArray("droppedColumns");
            m.dropped().forEach(dropped::add);
        } else if (t instanceof Transformation.Trajectories tr) {
            o.put("spatial", tr.spatial());
            o.put("temporal", tr.temporal());
            if (tr.eventsPerUser() == null) {
                o.putNull("eventsPerUser");
            } else {
                o.put("eventsPerUser", tr.eventsPerUser());
            }
            o.put("seed", tr.seed());
        } else if (t instanceof Transformation.AggregatesCoarsened c) {
            o.put("method", "coarsen");
            ArrayNode arr = o.putArray("coarsened");
            for (Transformation.AggregatesCoarsened.Level l : c.levels()) {
                arr.addObject().put("table", l.table()).put("dimension", l.dimension()).put("from", l.from())
                        .put("to", l.to());
            }
        } else if (t instanceof Transformation.AggregatesRounded r) {
            o.put("method", "round");
            o.put("base", r.base());
            o.put("rule", Transformation.AggregatesRounded.RULE);
            o.put("margins", Transformation.AggregatesRounded.MARGINS);
            ArrayNode arr = o.putArray("tables");
            r.tables().forEach(arr::add);
        } else if (t instanceof Transformation.Aggregates a) {
            o.put("method", "suppress");
            o.put("objective", a.objective());
            o.put("token", a.token());
            ObjectNode w = o.putObject("withheld");
            for (Map.Entry<String, List<Transformation.Aggregates.Cell>> e : a.withheld().entrySet()) {
                ArrayNode arr = w.putArray(e.getKey());
                for (Transformation.Aggregates.Cell c : e.getValue()) {
                    arr.addObject().put("cell", c.key()).put("row", c.row()).put("reason", c.reason());
                }
            }
        }
        return o;
    }

    /** Reads a transformation back (the inverse of {@link #transformation}). */
    public static Transformation readTransformation(String lane, JsonNode o) {
        switch (lane) {
            case "microdata" -> {
                Map<String, Integer> levels = new LinkedHashMap<>();
                o.path("levels").fields().forEachRemaining(e -> levels.put(e.getKey(), e.getValue().asInt()));
                Map<String, String> h = new LinkedHashMap<>();
                o.path("hierarchies").fields().forEachRemaining(e -> h.put(e.getKey(), e.getValue().asText()));
                List<String> dropped = new ArrayList<>();
                o.path("droppedColumns").forEach(c -> dropped.add(c.asText()));
                return new Transformation.Microdata(levels, h, o.path("suppression").path("suppressBelow").asLong(),
                        o.path("suppression").path("records").asLong(), dropped);
            }
            case "trajectories" -> {
                JsonNode cap = o.path("eventsPerUser");
                return new Transformation.Trajectories(o.path("spatial").asText(), o.path("temporal").asText(),
                        cap.isNull() || cap.isMissingNode() ? null : cap.asInt(), o.path("seed").asLong());
            }
            case "aggregates" -> {
                String method = o.path("method").asText("suppress");
                if (method.equals("coarsen")) {
                    List<Transformation.AggregatesCoarsened.Level> levels = new ArrayList<>();
                    for (JsonNode l : o.path("coarsened")) {
                        levels.add(new Transformation.AggregatesCoarsened.Level(l.path("table").asText(),
                                l.path("dimension").asText(), l.path("from").asText(), l.path("to").asText()));
                    }
                    return new Transformation.AggregatesCoarsened(levels);
                }
                if (method.equals("round")) {
                    List<String> tables = new ArrayList<>();
                    o.path("tables").forEach(x -> tables.add(x.asText()));
                    return new Transformation.AggregatesRounded(o.path("base").asInt(), tables);
                }
                Map<String, List<Transformation.Aggregates.Cell>> w = new LinkedHashMap<>();
                o.path("withheld").fields().forEachRemaining(e -> {
                    List<Transformation.Aggregates.Cell> cells = new ArrayList<>();
                    for (JsonNode c : e.getValue()) {
                        cells.add(new Transformation.Aggregates.Cell(c.path("cell").asText(), c.path("row").asInt(),
                                c.path("reason").asText()));
                    }
                    w.put(e.getKey(), cells);
                });
                return new Transformation.Aggregates(w, o.path("objective").asText(), o.path("token").asText());
            }
            default -> throw new IllegalArgumentException("unknown lane " + lane);
        }
    }
}

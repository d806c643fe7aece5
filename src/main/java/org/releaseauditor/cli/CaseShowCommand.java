package org.releaseauditor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.releaseauditor.core.casefile.AttackerModel;
import org.releaseauditor.core.casefile.AuditEvent;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.casefile.DatasetEntry;
import org.releaseauditor.core.casefile.DecisionEntry;
import org.releaseauditor.core.casefile.FindingEntry;
import org.releaseauditor.core.casefile.RoleAssignment;
import org.releaseauditor.core.casefile.OutputDecision;
import org.releaseauditor.core.casefile.Review;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.service.cases.CaseRecords.DecisionDetails;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.cases.CaseService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code case show CASE [--format text|json] [--events]}: the case opened read-only. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a case (opened read-only).")
public final class CaseShowCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE")
    Path caseFile;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    String format;

    @Option(names = "--events", description = "Also list every event of the log (with --format json: as objects).")
    boolean events;

    @Override
    public Integer call() throws Exception {
        try (CaseService cs = CaseService.open(caseFile, true, LaneRegistry.global())) {
            PrintWriter out = spec.commandLine().getOut();
            if ("json".equalsIgnoreCase(format)) {
                out.println(JSON.writeValueAsString(json(cs)));
            } else {
                text(cs, out);
            }
        }
        return ExitCodes.OK;
    }

    private void text(CaseService cs, PrintWriter out) throws Exception {
        CaseInfo i = cs.info();
        out.println(Messages.get("casecli.show.case", i.title(), i.dataProduct(), i.controller(), i.auditor(),
                i.createdAt(), cs.schemaVersion()));
        for (DatasetEntry d : cs.datasets()) {
            out.println(Messages.get("casecli.show.dataset", d.id(), d.path(), d.sha256(), d.sizeBytes()));
        }
        for (RoleAssignment r : cs.roleAssignments()) {
            out.println(Messages.get("casecli.show.role", r.datasetId(), r.column(), r.role()));
        }
        for (AttackerModel a : cs.attackerModels()) {
            out.println(Messages.get("casecli.show.attacker", a.id(), a.name(), a.modelJson()));
        }
        for (RunEntry r : cs.runs()) {
            out.println(Messages.get("casecli.show.run", r.id(), r.lane(), r.datasetIds(), r.engineVersion(), r.at()));
            // the verdict of the run's latest evaluation of each policy, in the report's sentences
            var rv = new org.releaseauditor.service.policy.VerdictService().runVerdict(
                    new org.releaseauditor.service.policy.VerdictService.RunInput(r, cs.findings(r.id()),
                            java.util.Optional.empty()), Messages.locale());
            for (var f : rv.findings()) {
                out.println("    " + f.status() + "  " + f.policyId() + ": " + f.sentence());
            }
        }
        for (DecisionEntry d : cs.decisions()) {
            out.println(Messages.get("casecli.show.decision", d.id(), d.outcome(), d.auditor(), d.at(),
                    d.supersedes() == null ? "-" : d.supersedes(), d.rationale()));
            DecisionDetails det = cs.details(d);
            det.record().ifPresent(r -> {
                out.println(Messages.get("casecli.show.record", r.purpose(), r.legalBasis().stream()
                        .map(b -> "Art. " + b.article()).toList(), r.legalBasisText(), r.recipients(), r.retention(),
                        r.controller()));
                if (r.overridden()) {
                    out.println(Messages.get("casecli.show.override", r.overrideJustification()));
                }
            });
            for (OutputDecision o : det.outputs()) {
                out.println(Messages.get("casecli.show.output", o.datasetId(), o.approved() ? "APPROVE" : "REJECT",
                        o.comment()));
            }
            for (Review r : det.reviews()) {
                out.println(Messages.get("casecli.show.review", r.reviewer(), r.at(), r.comment()));
            }
        }
        if (events) {
            for (AuditEvent e : cs.history()) {
                out.println("  #" + e.id() + " " + e.occurredAt() + " " + e.actor() + " " + e.action() + " "
                        + e.hash());
            }
        }
        out.println(Messages.get("casecli.show.status", CaseCli.status(cs.status())));
        out.println(Messages.get("casecli.show.head", cs.history().size(), cs.headHash()));
    }

    private static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(s);
        }
    }

    private ObjectNode json(CaseService cs) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 1);
        CaseInfo i = cs.info();
        ObjectNode c = root.putObject("case");
        c.put("title", i.title());
        c.put("dataProduct", i.dataProduct());
        c.put("controller", i.controller());
        c.put("auditor", i.auditor());
        c.put("createdAt", String.valueOf(i.createdAt()));
        c.put("caseSchemaVersion", cs.schemaVersion());
        ArrayNode ds = root.putArray("datasets");
        for (DatasetEntry d : cs.datasets()) {
            ObjectNode o = ds.addObject();
            o.put("id", d.id());
            o.put("path", d.path());
            o.put("sha256", d.sha256());
            o.put("sizeBytes", d.sizeBytes());
            o.put("lastModified", d.lastModified().toString());
            o.set("schema", parse(d.schemaJson()));
        }
        ArrayNode roles = root.putArray("roles");
        for (RoleAssignment r : cs.roleAssignments()) {
            ObjectNode o = roles.addObject();
            o.put("datasetId", r.datasetId());
            o.put("column", r.column());
            o.put("role", r.role());
        }
        ArrayNode am = root.putArray("attackerModels");
        for (AttackerModel a : cs.attackerModels()) {
            ObjectNode o = am.addObject();
            o.put("id", a.id());
            o.put("name", a.name());
            o.set("model", parse(a.modelJson()));
        }
        ArrayNode runs = root.putArray("runs");
        for (RunEntry r : cs.runs()) {
            ObjectNode o = runs.addObject();
            o.put("id", r.id());
            o.put("lane", r.lane());
            o.put("engineVersion", r.engineVersion());
            o.put("at", r.at().toString());
            ArrayNode ids = o.putArray("datasetIds");
            r.datasetIds().forEach(ids::add);
            o.set("parameters", parse(r.paramsJson()));
            o.set("result", parse(r.resultJson()));
            ArrayNode fs = o.putArray("findings");
            for (FindingEntry f : cs.findings(r.id())) {
                ObjectNode fo = fs.addObject();
                fo.put("policy", f.policyId());
                fo.put("policyVersion", f.policyVersion());
                fo.put("metric", f.metric());
                fo.put("operator", f.operator());
                fo.put("threshold", f.threshold());
                if (f.measured() == null) {
                    fo.putNull("measured");
                } else {
                    fo.put("measured", f.measured());
                }
                fo.put("status", f.status());
                fo.put("explanation", f.explanation());
            }
        }
        ArrayNode dec = root.putArray("decisions");
        for (DecisionEntry d : cs.decisions()) {
            ObjectNode o = dec.addObject();
            o.put("id", d.id());
            o.put("outcome", d.outcome().name());
            o.put("conditions", d.conditions());
            o.put("rationale", d.rationale());
            o.put("auditor", d.auditor());
            o.put("at", d.at().toString());
            o.set("datasetSha256", parse(d.datasetSha256s()));
            ArrayNode ids = o.putArray("runIds");
            d.runIds().forEach(ids::add);
            o.put("chainHead", d.chainHead());
            if (d.supersedes() == null) {
                o.putNull("supersedes");
            } else {
                o.put("supersedes", d.supersedes());
            }
            o.set("policy", d.policyJson() == null ? JSON.getNodeFactory().nullNode() : parse(d.policyJson()));
            DecisionDetails det = cs.details(d);
            o.put("reviewRequired", det.reviewRequired());
            o.put("awaitingReview", det.awaitingReview());
            det.record().ifPresent(r -> {
                ObjectNode rec = o.putObject("record");
                rec.put("purpose", r.purpose());
                ArrayNode lb = rec.putArray("legalBasis");
                r.legalBasis().forEach(b -> lb.add(b.name()));
                rec.put("legalBasisText", r.legalBasisText());
                rec.put("recipients", r.recipients());
                rec.put("retention", r.retention());
                rec.put("controller", r.controller());
                if (r.overridden()) {
                    rec.put("overrideJustification", r.overrideJustification());
                } else {
                    rec.putNull("overrideJustification");
                }
                rec.set("overriddenFindings", parse(r.overriddenFindings()));
                ArrayNode conds = rec.putArray("conditions");
                r.conditions().forEach(cond -> {
                    ObjectNode co = conds.addObject();
                    co.put("text", cond.text());
                    if (cond.outputSha256() != null) {
                        ObjectNode out = co.putObject("output");
                        out.put("sha256", cond.outputSha256());
                        out.put("datasetId", cond.outputDatasetId());
                        if (cond.replaces() == null) {
                            out.putNull("replaces");
                        } else {
                            out.put("replaces", cond.replaces());
                        }
                    }
                });
                rec.set("seal", parse(r.seal()));
            });
            ArrayNode outs = o.putArray("outputs");
            for (OutputDecision od : det.outputs()) {
                ObjectNode x = outs.addObject();
                x.put("datasetId", od.datasetId());
                x.put("sha256", od.sha256());
                x.put("outcome", od.approved() ? "APPROVE" : "REJECT");
                x.put("comment", od.comment());
            }
            ArrayNode revs = o.putArray("reviews");
            for (Review r : det.reviews()) {
                ObjectNode x = revs.addObject();
                x.put("id", r.id());
                x.put("reviewer", r.reviewer());
                x.put("comment", r.comment());
                x.put("chainHead", r.chainHead());
                x.put("at", r.at().toString());
            }
        }
        org.releaseauditor.core.casefile.CaseStatus st = cs.status();
        ObjectNode status = root.putObject("status");
        status.put("state", st.state().name());
        status.put("closed", st.closed());
        if (st.decisionId() == null) {
            status.putNull("decisionId");
        } else {
            status.put("decisionId", st.decisionId());
        }
        status.put("eventsAfterDecision", st.eventsAfterDecision());
        status.put("reviewers", st.reviewers());
        List<AuditEvent> history = cs.history();
        root.put("eventCount", history.size());
        if (events) {
            ArrayNode ev = root.putArray("events");
            for (AuditEvent e : history) {
                ObjectNode x = ev.addObject();
                x.put("id", e.id());
                x.put("occurredAt", e.occurredAt());
                x.put("actor", e.actor());
                x.put("action", e.action());
                x.put("datasetSha256", e.datasetSha256());
                x.put("policyJson", e.policyJson());
                x.put("resultJson", e.resultJson());
                x.put("rationale", e.rationale());
                x.put("appVersion", e.appVersion());
                x.put("prevHash", e.prevHash());
                x.put("hash", e.hash());
            }
        } else {
            root.put("events", history.size());
        }
        root.put("headHash", cs.headHash());
        return root;
    }
}

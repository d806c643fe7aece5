package org.releaseauditor.ui.decision;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.casefile.Condition;
import org.releaseauditor.core.casefile.DecisionEntry;
import org.releaseauditor.core.casefile.DecisionRecord;
import org.releaseauditor.core.casefile.OutputDecision;
import org.releaseauditor.core.casefile.Review;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.verdict.OutputVerdict;
import org.releaseauditor.core.verdict.ReleaseResult;
import org.releaseauditor.core.verdict.ReleaseVerdict;
import org.releaseauditor.core.verdict.RunVerdict;
import org.releaseauditor.core.verdict.Verdict;
import org.releaseauditor.core.verdict.VerdictFinding;
import org.releaseauditor.service.cases.CaseRecords;
import org.releaseauditor.service.cases.CaseVerdictService;

/**
 * What the Verdict panel shows, as text, built from {@link CaseVerdictService.CaseVerdict}: the
 * same verdict the report's first page is made from (no threshold is compared here). Pure: no
 * JavaFX, so it is tested without a screen.
 *
 * @param title        "Verdict: case title"
 * @param result       the overall result of the release
 * @param resultText   its word ("FAIL") and the one-line explanation
 * @param decisionLine "Decision in force: Reject, by … on …" or "No decision has been recorded yet."
 * @param outputs      the release's outputs with SHA-256, verdict and decision on each
 * @param policies     one line per policy evaluated on the release's runs ("title: id …, version …")
 * @param problems     every WARN and FAIL, FAIL first, one sentence each
 * @param noProblems   what to say when {@code problems} is empty
 * @param notes        remarks on how a run's verdict was obtained (stored findings shown as recorded)
 * @param decision     the decision in force as label/value rows (empty when none)
 * @param override     the override justification of an approval despite a FAIL, or null
 * @param overridden   the findings it overrides ("Findings overridden: …"), or null
 * @param chainHead    the head hash of the event chain
 * @param verifyCommand the command that verifies the case
 */
public record VerdictContent(String title, ReleaseResult result, String resultText, String decisionLine,
        List<OutputRow> outputs, List<String> policies, List<ProblemRow> problems, String noProblems,
        List<String> notes, List<Row> decision, String override, String overridden, String chainHead,
        String verifyCommand) {

    public VerdictContent {
        outputs = List.copyOf(outputs);
        policies = List.copyOf(policies);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
        decision = List.copyOf(decision);
    }

    /** One output of the release. */
    public record OutputRow(String name, String sha256, ReleaseResult result, String resultText, String decision) {
    }

    /**
     * One WARN or FAIL finding: status word, sentence and where it comes from, and the metric it
     * judged (catalogue scope and result JSON path, for F1 help).
     */
    public record ProblemRow(String status, String statusText, String sentence, String where, String scope, String path) {
    }

    /** A label and its value. */
    public record Row(String label, String value) {
    }

    /** Builds the panel's text in {@code locale}. */
    public static VerdictContent of(CaseVerdictService.CaseVerdict cv, CaseInfo info, String headHash, Path caseFile,
            Locale locale) {
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(ZoneId.systemDefault());
        ReleaseVerdict rv = cv.release();
        CaseRecords.DecisionDetails dv = cv.decision().orElse(null);
        ReleaseResult result = rv.result();
        String resultText = t(locale, "vpage.result", t(locale, result.messageKey())) + " \u2014 "
                + t(locale, result.messageKey() + ".explain");
        String decisionLine = dv == null ? t(locale, "vpage.noDecision")
                : t(locale, "vpage.decisionLine", t(locale, "decision." + dv.decision().outcome().name()),
                        dv.decision().auditor(), time.format(dv.decision().at()));

        List<OutputRow> outputs = new ArrayList<>();
        Map<Long, String> names = new LinkedHashMap<>();
        for (OutputVerdict o : rv.outputs()) {
            names.put(o.datasetId(), o.name());
            String decided = "";
            if (dv != null) {
                decided = dv.outputs().stream().filter(x -> x.datasetId() == o.datasetId()).findFirst()
                        .map(x -> outputDecision(locale, x))
                        .orElse(dv.outputs().isEmpty() ? t(locale, "decision." + dv.decision().outcome().name())
                                : "");
            }
            outputs.add(new OutputRow(o.name(), o.sha256(), o.result(), t(locale, o.result().messageKey()), decided));
        }

        Map<String, PolicyProfile> policies = new LinkedHashMap<>();
        for (RunVerdict r : rv.runs()) {
            for (Verdict v : r.verdicts()) {
                if (v.policy() != null) {
                    policies.putIfAbsent(v.policy().id() + "\u0000" + v.policy().version(), v.policy());
                }
            }
        }
        List<String> policyLines = new ArrayList<>();
        for (PolicyProfile p : policies.values()) {
            policyLines.add(p.displayTitle(locale) + ": "
                    + t(locale, "vpage.policyIdVersion", p.id(), p.version(), p.rules().size()));
        }
        if (policyLines.isEmpty()) {
            policyLines.add(t(locale, "vpage.noPolicy"));
        }

        List<ProblemRow> problems = new ArrayList<>();
        for (VerdictFinding f : rv.problems()) {
            String outs = f.outputs().stream().map(id -> names.getOrDefault(id, Long.toString(id)))
                    .collect(Collectors.joining(", "));
            problems.add(new ProblemRow(f.status().name(), t(locale, "verdict.status." + f.status().name()),
                    f.sentence(), t(locale, "vpage.findingWhere", f.runId() == null ? "" : f.runId(), outs,
                            f.policyId()), f.scope(), f.path()));
        }
        String noProblems = problems.isEmpty() ? t(locale, rv.runs().stream().anyMatch(r -> !r.verdicts().isEmpty())
                ? "vpage.noProblems" : "vpage.nothingJudged") : "";
        List<String> notes = new ArrayList<>();
        rv.runs().forEach(r -> notes.addAll(r.notes()));

        List<Row> decision = new ArrayList<>();
        String override = null;
        String overridden = null;
        if (dv != null) {
            DecisionEntry d = dv.decision();
            DecisionRecord rec = dv.record().orElse(null);
            if (rec != null && rec.overridden()) {
                override = rec.overrideJustification();
                if (rec.overriddenFindings() != null && !rec.overriddenFindings().isBlank()) {
                    overridden = t(locale, "vpage.overridden", rec.overriddenFindings());
                }
            }
            decision.add(new Row(t(locale, "vpage.outcome"),
                    t(locale, "decision." + d.outcome().name()) + " (#" + d.id() + ")"));
            String conditions = d.conditions();
            if (rec != null && !rec.conditions().isEmpty()) {
                conditions = rec.conditions().stream().map(Condition::text).collect(Collectors.joining("; "));
            }
            if (conditions != null && !conditions.isBlank()) {
                decision.add(new Row(t(locale, "report.decision.conditions"), conditions));
            }
            decision.add(new Row(t(locale, "report.decision.rationale"), d.rationale()));
            decision.add(new Row(t(locale, "vpage.decidedBy"),
                    t(locale, "vpage.review.by", d.auditor(), time.format(d.at()))));
            decision.add(new Row(t(locale, "vpage.reviewedBy"), reviewers(locale, dv, time)));
            boolean gdpr = rec != null && !(blank(rec.purpose()) && rec.legalBasis().isEmpty()
                    && blank(rec.legalBasisText()) && blank(rec.recipients()) && blank(rec.retention()));
            String controller = rec != null && !blank(rec.controller()) ? rec.controller() : info.controller();
            if (gdpr) {
                decision.add(new Row(t(locale, "vpage.purpose"), orNot(locale, rec.purpose())));
                String bases = rec.legalBasis().stream().map(b -> t(locale, "vpage.article", b.article()))
                        .collect(Collectors.joining(", "));
                if (!blank(rec.legalBasisText())) {
                    bases = bases.isEmpty() ? rec.legalBasisText() : bases + "; " + rec.legalBasisText();
                }
                decision.add(new Row(t(locale, "vpage.legalBasis"), orNot(locale, bases)));
                decision.add(new Row(t(locale, "vpage.recipients"), orNot(locale, rec.recipients())));
                decision.add(new Row(t(locale, "vpage.retention"), orNot(locale, rec.retention())));
                decision.add(new Row(t(locale, "vpage.controller"), orNot(locale, controller)));
            } else {
                decision.add(new Row(t(locale, "vpage.controller"), orNot(locale, controller)));
                decision.add(new Row(t(locale, "vpage.gdpr"),
                        t(locale, rec == null ? "vpage.noRecord" : "vpage.gdprBlank")));
            }
        }
        return new VerdictContent(t(locale, "vpage.title", info.title()), result, resultText, decisionLine, outputs,
                policyLines, problems, noProblems, notes, decision, override, overridden,
                headHash == null ? "" : headHash, verifyCommand(caseFile));
    }

    /** {@code release-auditor verify "/path/to/case.rcase"} (quoted when the path has blanks). */
    static String verifyCommand(Path caseFile) {
        if (caseFile == null) {
            return "";
        }
        String p = caseFile.toAbsolutePath().normalize().toString();
        if (p.chars().anyMatch(c -> Character.isWhitespace(c) || "'\"$&;|()<>*?`".indexOf(c) >= 0)) {
            p = "\"" + p.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`") + "\"";
        }
        return "release-auditor verify " + p;
    }

    private static String reviewers(Locale locale, CaseRecords.DecisionDetails dv, DateTimeFormatter time) {
        if (dv.reviews().isEmpty()) {
            return t(locale, dv.reviewRequired() ? "vpage.review.awaiting" : "vpage.review.none");
        }
        List<String> out = new ArrayList<>();
        for (Review r : dv.reviews()) {
            out.add(t(locale, "vpage.review.by", r.reviewer(), time.format(r.at()))
                    + (blank(r.comment()) ? "" : ": " + r.comment()));
        }
        return String.join("; ", out);
    }

    private static String outputDecision(Locale locale, OutputDecision o) {
        String s = t(locale, o.approved() ? "vpage.approved" : "vpage.rejected");
        return blank(o.comment()) ? s : s + ": " + o.comment();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String orNot(Locale locale, String s) {
        return blank(s) ? t(locale, "vpage.notRecorded") : s;
    }

    private static String t(Locale locale, String key, Object... args) {
        return Messages.get(locale, key, args);
    }
}

package org.releaseauditor.report;

import static org.releaseauditor.report.HtmlReportWriter.esc;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.releaseauditor.core.casefile.Condition;
import org.releaseauditor.core.casefile.DecisionEntry;
import org.releaseauditor.core.casefile.DecisionRecord;
import org.releaseauditor.core.casefile.LegalBasis;
import org.releaseauditor.core.casefile.OutputDecision;
import org.releaseauditor.core.casefile.Review;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.verdict.OutputVerdict;
import org.releaseauditor.core.verdict.ReleaseResult;
import org.releaseauditor.core.verdict.ReleaseVerdict;
import org.releaseauditor.core.verdict.RunVerdict;
import org.releaseauditor.core.verdict.VerdictFinding;

/**
 * The first page of every report: the release and its outputs with their SHA-256, the policy and
 * its version, the overall result, every WARN and FAIL as one sentence with its number, the
 * decision in force (outcome, conditions, rationale, decided by, reviewed by, time, the GDPR record
 * and a highlighted override justification), the chain head and the command that verifies the
 * case. Legible in one minute; everything else follows in the appendix.
 */
final class VerdictPageWriter {

    private final StringBuilder sb;
    private final Locale locale;
    private final DateTimeFormatter time;

    private VerdictPageWriter(StringBuilder sb, Locale locale, DateTimeFormatter time) {
        this.sb = sb;
        this.locale = locale;
        this.time = time;
    }

    static void write(StringBuilder sb, ReportModel m, Locale locale, DateTimeFormatter time) {
        new VerdictPageWriter(sb, locale, time).page(m);
    }

    private String t(String key, Object... args) {
        return Messages.get(locale, key, args);
    }

    private void kv(String key, String value) {
        sb.append("<tr><td class=\"k\">").append(esc(key)).append("</td><td>").append(esc(value))
                .append("</td></tr>\n");
    }

    private void page(ReportModel m) {
        VerdictView v = m.verdict();
        ReleaseVerdict rv = v.release();
        VerdictView.DecisionView dv = v.decision();
        sb.append("<div class=\"verdict-page\">\n<h1>").append(esc(t("vpage.title", m.info().title())))
                .append("</h1>\n<p class=\"expl\">")
                .append(esc(t("report.generated", time.format(m.generatedAt()), m.appVersion(), m.caseFileName())))
                .append("</p>\n");
        ReleaseResult result = rv.result();
        sb.append("<div class=\"banner ").append(result.status().name()).append("\">")
                .append(esc(t("vpage.result", t(result.messageKey())))).append("<div class=\"sub\">")
                .append(esc(t(result.messageKey() + ".explain")));
        if (dv != null) {
            sb.append("<br/>").append(esc(t("vpage.decisionLine", t("decision." + dv.decision().outcome().name()),
                    dv.decision().auditor(), time.format(dv.decision().at()))));
        } else {
            sb.append("<br/>").append(esc(t("vpage.noDecision")));
        }
        sb.append("</div></div>\n");

        outputs(rv, dv);
        policies(v.policies());
        findings(rv, m);
        decision(dv, m);
        integrity(m);
        sb.append("</div>\n");
    }

    private void outputs(ReleaseVerdict rv, VerdictView.DecisionView dv) {
        sb.append("<h2>").append(esc(t("vpage.release"))).append("</h2>\n<table class=\"metrics\">\n")
                .append("<col style=\"width:25%\"/><col style=\"width:36%\"/><col style=\"width:11%\"/>")
                .append("<col style=\"width:28%\"/>\n<tr><th>")
                .append(esc(t("vpage.output"))).append("</th><th>SHA-256</th><th>").append(esc(t("vpage.verdict")))
                .append("</th><th>").append(esc(t("vpage.outputDecision"))).append("</th></tr>\n");
        if (rv.outputs().isEmpty()) {
            sb.append("<tr><td colspan=\"4\">").append(esc(t("report.none"))).append("</td></tr>\n");
        }
        for (OutputVerdict o : rv.outputs()) {
            String decided = "";
            if (dv != null) {
                decided = dv.output(o.datasetId()).map(this::outputDecision).orElse(
                        dv.outputs().isEmpty() ? t("decision." + dv.decision().outcome().name()) : "");
            }
            sb.append("<tr><td>").append(esc(o.name())).append("</td><td class=\"sha\">").append(esc(o.sha256()))
                    .append("</td><td><span class=\"tag ").append(o.result().status().name()).append("\">")
                    .append(esc(t(o.result().messageKey()))).append("</span></td><td>").append(esc(decided))
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    private String outputDecision(OutputDecision o) {
        String s = t(o.approved() ? "vpage.approved" : "vpage.rejected");
        return o.comment() == null || o.comment().isBlank() ? s : s + ": " + o.comment();
    }

    private void policies(List<PolicyProfile> policies) {
        sb.append("<h2>").append(esc(t("vpage.policy"))).append("</h2>\n");
        if (policies.isEmpty()) {
            sb.append("<p>").append(esc(t("vpage.noPolicy"))).append("</p>\n");
            return;
        }
        sb.append("<table>\n");
        for (PolicyProfile p : policies) {
            kv(p.displayTitle(locale), t("vpage.policyIdVersion", p.id(), p.version(),
                    p.rules().size()));
        }
        sb.append("</table>\n");
    }

    private void findings(ReleaseVerdict rv, ReportModel m) {
        List<VerdictFinding> problems = rv.problems();
        sb.append("<h2>").append(esc(t("vpage.findings", problems.size()))).append("</h2>\n");
        if (problems.isEmpty()) {
            sb.append("<p>").append(esc(t(rv.runs().stream().anyMatch(r -> !r.verdicts().isEmpty())
                    ? "vpage.noProblems" : "vpage.nothingJudged"))).append("</p>\n");
        } else {
            Map<Long, String> names = rv.outputs().stream().collect(Collectors.toMap(OutputVerdict::datasetId,
                    OutputVerdict::name));
            sb.append("<ul class=\"findings\">\n");
            for (VerdictFinding f : problems) {
                List<String> outs = new ArrayList<>();
                f.outputs().forEach(id -> outs.add(names.getOrDefault(id, Long.toString(id))));
                sb.append("<li><span class=\"tag ").append(f.status().name()).append("\">")
                        .append(esc(t("verdict.status." + f.status().name()))).append("</span> ")
                        .append(esc(f.sentence())).append(" <span class=\"expl\">")
                        .append(esc(t("vpage.findingWhere", f.runId() == null ? "" : f.runId(), String.join(", ",
                                outs), f.policyId())))
                        .append("</span></li>\n");
            }
            sb.append("</ul>\n");
        }
        for (RunVerdict r : rv.runs()) {
            for (String note : r.notes()) {
                sb.append("<p class=\"note\">").append(esc(note)).append("</p>\n");
            }
        }
    }

    private void decision(VerdictView.DecisionView dv, ReportModel m) {
        sb.append("<h2>").append(esc(t("vpage.decision"))).append("</h2>\n");
        if (dv == null) {
            sb.append("<p>").append(esc(t("report.noDecision"))).append("</p>\n");
            return;
        }
        DecisionEntry d = dv.decision();
        DecisionRecord rec = dv.record().orElse(null);
        if (rec != null && rec.overridden()) {
            sb.append("<div class=\"override\"><b>").append(esc(t("vpage.override"))).append("</b> ")
                    .append(esc(rec.overrideJustification()));
            if (rec.overriddenFindings() != null && !rec.overriddenFindings().isBlank()) {
                sb.append("<br/><span class=\"expl\">").append(esc(t("vpage.overridden", rec.overriddenFindings())))
                        .append("</span>");
            }
            sb.append("</div>\n");
        }
        sb.append("<table>\n");
        kv(t("vpage.outcome"), t("decision." + d.outcome().name()) + " (#" + d.id() + ")");
        String conditions = d.conditions();
        if (rec != null && !rec.conditions().isEmpty()) {
            conditions = rec.conditions().stream().map(Condition::text).collect(Collectors.joining("; "));
        }
        if (conditions != null && !conditions.isBlank()) {
            kv(t("report.decision.conditions"), conditions);
        }
        kv(t("report.decision.rationale"), d.rationale());
        kv(t("vpage.decidedBy"), t("vpage.review.by", d.auditor(), time.format(d.at())));
        kv(t("vpage.reviewedBy"), reviewers(dv));
        boolean gdpr = rec != null && !(isBlank(rec.purpose()) && rec.legalBasis().isEmpty()
                && isBlank(rec.legalBasisText()) && isBlank(rec.recipients()) && isBlank(rec.retention()));
        if (gdpr) {
            kv(t("vpage.purpose"), blank(rec.purpose()));
            String bases = rec.legalBasis().stream().map(b -> t("vpage.article", b.article()))
                    .collect(Collectors.joining(", "));
            if (rec.legalBasisText() != null && !rec.legalBasisText().isBlank()) {
                bases = bases.isEmpty() ? rec.legalBasisText() : bases + "; " + rec.legalBasisText();
            }
            kv(t("vpage.legalBasis"), blank(bases));
            kv(t("vpage.recipients"), blank(rec.recipients()));
            kv(t("vpage.retention"), blank(rec.retention()));
            kv(t("vpage.controller"), blank(rec.controller() == null || rec.controller().isBlank()
                    ? m.info().controller() : rec.controller()));
        } else {
            kv(t("vpage.controller"), blank(rec != null && !isBlank(rec.controller()) ? rec.controller()
                    : m.info().controller()));
            kv(t("vpage.gdpr"), t(rec == null ? "vpage.noRecord" : "vpage.gdprBlank"));
        }
        sb.append("</table>\n");
    }

    private String reviewers(VerdictView.DecisionView dv) {
        if (dv.reviews().isEmpty()) {
            return t(dv.reviewRequired() ? "vpage.review.awaiting" : "vpage.review.none");
        }
        List<String> out = new ArrayList<>();
        for (Review r : dv.reviews()) {
            out.add(t("vpage.review.by", r.reviewer(), time.format(r.at()))
                    + (r.comment() == null || r.comment().isBlank() ? "" : ": " + r.comment()));
        }
        return String.join("; ", out);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private String blank(String s) {
        return s == null || s.isBlank() ? t("vpage.notRecorded") : s;
    }

    private void integrity(ReportModel m) {
        boolean ok = m.verification().allOk();
        sb.append("<h2>").append(esc(t("vpage.integrity"))).append("</h2>\n<table>\n");
        kv(t("vpage.verified"), t(ok ? "vpage.integrity.ok" : "vpage.integrity.broken"));
        sb.append("<tr><td class=\"k\">").append(esc(t("vpage.chainHead"))).append("</td><td class=\"sha\">")
                .append(esc(m.headHash())).append("</td></tr>\n<tr><td class=\"k\">")
                .append(esc(t("vpage.verifyWith"))).append("</td><td class=\"cmd\">").append(esc(m.verifyCommand()))
                .append("</td></tr>\n</table>\n");
    }

    /** For tests and the API note: the legal bases as articles. */
    static String articles(List<LegalBasis> b) {
        return b.stream().map(LegalBasis::article).collect(Collectors.joining(", "));
    }
}

package org.releaseauditor.ui.decision;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.casefile.FindingEntry;
import org.releaseauditor.core.casefile.LegalBasis;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.PolicyEvaluator;
import org.releaseauditor.service.cases.CaseRecords.FailedFinding;

/**
 * The words of the decision form. The case service decides what is refused (so the GUI and the
 * CLI cannot disagree); its messages speak of command-line options, so the form shows the same
 * refusal in words of the form instead: the field to fill, never a flag.
 */
public final class DecisionFormText {

    /** Service message key → form message key (arguments passed on unchanged unless noted). */
    private static final Map<String, String> FORM_KEYS = Map.ofEntries(
            Map.entry("case.error.overrideRequired", "decision.form.error.override"),
            Map.entry("case.error.conditionsRequired", "decision.form.error.conditionsRequired"),
            Map.entry("case.error.conditionsOnlyWithConditions", "decision.form.error.conditionsOnlyWithConditions"),
            Map.entry("case.error.outputMissing", "decision.form.error.outputMissing"),
            Map.entry("case.error.outcomeMismatch", "decision.form.error.outcomeMismatch"),
            Map.entry("case.error.outcomeRequired", "case.error.outcome"),
            Map.entry("case.error.rationaleRequired", "case.error.rationale"),
            Map.entry("case.error.auditorRequired", "case.error.auditor"),
            Map.entry("case.error.noRuns", "decision.form.error.noRuns"),
            Map.entry("audit.error.headMoved", "decision.form.error.headMoved"),
            Map.entry("case.error.reviewerRequired", "case.review.error.reviewerRequired"),
            Map.entry("case.error.nothingToReview", "case.review.error.nothing"),
            Map.entry("case.error.reviewerIsDecider", "case.review.error.isDecider"),
            Map.entry("case.error.alreadyReviewed", "case.review.error.already"),
            Map.entry("case.error.exportTarget", "case.exportDir.notEmpty"));

    private DecisionFormText() {
    }

    /**
     * Why a recorded finding's rule exists: its recorded explanation without the leading sentence
     * that restates the metric, the measured value and the threshold ("k = 1 violates >= 5."), which
     * the findings list already shows in the UI language. That sentence was written in the language
     * of the session that recorded it (English or German, with or without local decimals); when it
     * is not recognised the whole recorded text is kept.
     */
    public static String findingReason(FindingEntry f) {
        String e = f.explanation() == null ? "" : f.explanation().trim();
        double measured = f.measured() == null ? Double.NaN : f.measured();
        for (Locale l : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            for (String key : List.of("policy.finding.violated", "policy.finding.pass")) {
                for (boolean local : new boolean[] {true, false}) {
                    String head = Messages.get(l, key, f.metric(),
                            local ? PolicyEvaluator.format(measured, l) : PolicyEvaluator.format(measured),
                            f.operator(), local ? PolicyEvaluator.format(f.threshold(), l)
                                    : PolicyEvaluator.format(f.threshold()), "").trim();
                    if (e.startsWith(head)) {
                        return e.substring(head.length()).trim();
                    }
                }
            }
        }
        return e;
    }

    /** A refusal of the case service in the words of the form (its own message when the form has none). */
    public static String refusal(AuditException e) {
        String key = e.messageKey();
        Object[] args = e.args();
        if ("case.error.nothingApproved".equals(key) && args.length > 1) {
            // the reason (second argument) is already in the user's words
            return Messages.get("case.exportDir.nothing", args[1]);
        }
        if ("case.error.outcomeMismatch".equals(key)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof DecisionOutcome o) {
                    args[i] = outcome(o);
                }
            }
        }
        String formKey = FORM_KEYS.get(key);
        return formKey == null ? e.getLocalizedMessage() : Messages.get(formKey, args);
    }

    /** An outcome in words ("Approve with conditions"). */
    public static String outcome(DecisionOutcome o) {
        return o == null ? "" : Messages.get("decision." + o.name());
    }

    /** A legal basis in words, with its article ("Art. 6(1)(e) GDPR – task in the public interest…"). */
    public static String legalBasis(LegalBasis b) {
        return b == null ? Messages.get("decision.form.legalBasis.none") : Messages.get("decision.form.legalBasis."
                + b.name());
    }

    /** One failed finding as the form names it: "run 1: k >= 5 (measured 2)", numbers in the user's locale. */
    public static String finding(FailedFinding f) {
        Locale locale = Messages.locale();
        return f.measured() == null
                ? Messages.get("decision.form.finding.unmeasured", Long.toString(f.runId()), f.metric(), f.operator(),
                        number(f.threshold(), locale))
                : Messages.get("decision.form.finding", Long.toString(f.runId()), f.metric(), f.operator(),
                        number(f.threshold(), locale), number(f.measured(), locale));
    }

    /** The failed findings, joined with "; ". */
    public static String findings(List<FailedFinding> failed) {
        return String.join("; ", failed.stream().map(DecisionFormText::finding).toList());
    }

    static String number(double v, Locale locale) {
        NumberFormat nf = NumberFormat.getNumberInstance(locale);
        nf.setMaximumFractionDigits(4);
        nf.setGroupingUsed(false);
        return nf.format(v);
    }
}

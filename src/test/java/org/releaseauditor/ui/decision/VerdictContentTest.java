package org.releaseauditor.ui.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.casefile.DecisionEntry;
import org.releaseauditor.core.casefile.DecisionOutcome;
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
import org.releaseauditor.core.verdict.Verdict;
import org.releaseauditor.service.cases.CaseRecords;
import org.releaseauditor.service.cases.CaseVerdictService;
import org.releaseauditor.service.policy.VerdictService;

/**
 * The Verdict panel's text from a hand-made case verdict: an approval that overrides a FAIL shows
 * the justification (highlighted by the panel), the GDPR record, the per-output decisions, the
 * review state and the verify command.
 */
class VerdictContentTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final String SHA = "ab".repeat(32);

    private CaseVerdictService.CaseVerdict caseVerdict(Optional<DecisionRecord> rec, List<Review> reviews,
            boolean reviewRequired) throws Exception {
        PolicyProfile arx = new VerdictService().defaultPolicy("microdata").orElseThrow();
        // hand-made result: success rate 50 % > 5 % fails; highest 0.1 and 0 % at risk pass
        Verdict v = new VerdictService().verdict(arx, "{\"lane\":\"microdata\",\"schemaVersion\":1,"
                + "\"prosecutor\":{\"successRate\":0.5,\"highest\":0.1,\"recordsAtRisk\":0.0}}", Locale.ENGLISH);
        RunVerdict run = new RunVerdict(1, "microdata", List.of(7L), List.of(v), List.of());
        ReleaseVerdict rv = new ReleaseVerdict(List.of(run), List.of(new OutputVerdict(7, "customers.csv", SHA,
                List.of(1L), ReleaseResult.FAIL)), List.of(), Locale.ENGLISH);
        DecisionEntry d = new DecisionEntry(2, DecisionOutcome.APPROVE, null, "Needed for the study.", "Dana DPO",
                SHA, "{}", List.of(1L), "h", null, AT);
        var details = new CaseRecords.DecisionDetails(d, rec,
                List.of(new OutputDecision(1, 2, 7, SHA, true, "fine for the enclave")), reviews, reviewRequired);
        return new CaseVerdictService.CaseVerdict(rv, List.of(run), Optional.of(details));
    }

    private static CaseInfo info() {
        return new CaseInfo("Study release", "extract", "Clinic controller", "Dana DPO", AT);
    }

    @Test
    void anOverridingApprovalShowsTheJustificationTheGdprRecordAndTheFailSentence() throws Exception {
        DecisionRecord rec = new DecisionRecord(2, "Cohort study", List.of(LegalBasis.ART89), "national law",
                "Research enclave", "5 years", null, "The enclave admits vetted researchers only.",
                "prosecutor.successRate", List.of(), true, "seal", AT);
        VerdictContent c = VerdictContent.of(caseVerdict(Optional.of(rec), List.of(), true), info(), "headhash",
                Path.of("/cases/my case.rcase"), Locale.ENGLISH);
        assertEquals(ReleaseResult.FAIL, c.result());
        assertEquals("The enclave admits vetted researchers only.", c.override());
        assertTrue(c.overridden().contains("prosecutor.successRate"), c.overridden());
        assertEquals(1, c.problems().size());
        assertEquals("FAIL", c.problems().get(0).status());
        assertTrue(c.problems().get(0).sentence().contains("50 %"), c.problems().get(0).sentence());
        assertEquals("Approved: fine for the enclave", c.outputs().get(0).decision());
        assertEquals(SHA, c.outputs().get(0).sha256());
        assertTrue(c.decision().contains(new VerdictContent.Row("Purpose", "Cohort study")));
        assertTrue(c.decision().contains(new VerdictContent.Row("Legal basis (GDPR)", "Art. 89; national law")));
        assertTrue(c.decision().contains(new VerdictContent.Row("Controller", "Clinic controller")),
                "the case's controller when the record names none");
        assertTrue(c.decision().contains(new VerdictContent.Row("Reviewed by (four eyes)",
                Messages.get(Locale.ENGLISH, "vpage.review.awaiting"))));
        assertEquals("release-auditor verify \"" + Path.of("/cases/my case.rcase").toAbsolutePath() + "\"",
                c.verifyCommand());
        assertTrue(c.policies().get(0).startsWith("ARX defaults: id arx-defaults, version 1.0"), c.policies().get(0));
    }

    @Test
    void aDecisionWithoutARecordSaysSoAndShowsTheReviewer() throws Exception {
        Review r = new Review(1, 2, "Rob Reviewer", "agreed", "h2", AT);
        VerdictContent c = VerdictContent.of(caseVerdict(Optional.empty(), List.of(r), false), info(), "head",
                Path.of("/cases/a.rcase"), Locale.ENGLISH);
        assertNull(c.override());
        assertTrue(c.decision().contains(new VerdictContent.Row("GDPR record",
                Messages.get(Locale.ENGLISH, "vpage.noRecord"))));
        assertTrue(c.decision().stream().anyMatch(x -> x.label().equals("Reviewed by (four eyes)")
                && x.value().startsWith("Rob Reviewer on ") && x.value().endsWith(": agreed")), c.decision().toString());
        assertEquals("release-auditor verify " + Path.of("/cases/a.rcase").toAbsolutePath(), c.verifyCommand());
    }
}

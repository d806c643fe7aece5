package org.releaseauditor.ui.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.casefile.FindingEntry;
import org.releaseauditor.core.casefile.LegalBasis;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.cases.CaseRecords.FailedFinding;
import org.releaseauditor.service.cases.DecisionRules;

/**
 * The form's words for the service's refusals: every refusal the form can meet reads without a
 * command-line option, in English and German; the override rule is the service's.
 */
class DecisionFormTextTest {

    @AfterEach
    void reset() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private static FindingEntry finding(String explanation, Double measured) {
        return new FindingEntry(1, 3, "trajectory-unicity-10", "1.0", "unicity.3.fraction", "<=", 0.1, measured,
                "FAIL", explanation, java.time.Instant.EPOCH);
    }

    @Test
    void findingReasonDropsTheRecordedValueSentenceInEitherLanguage() {
        String why = "Four known points must not single out more than 10 % of the users.";
        // recorded in English, in German with local decimals, and in German before local decimals
        for (String recorded : List.of("unicity.3.fraction = 0.8725 violates <= 0.1. " + why,
                "unicity.3.fraction = 0,8725 verletzt <= 0,1. " + why,
                "unicity.3.fraction = 0.8725 verletzt <= 0.1. " + why)) {
            assertEquals(why, DecisionFormText.findingReason(finding(recorded, 0.8725)), recorded);
        }
        assertEquals("", DecisionFormText.findingReason(finding("unicity.3.fraction = 0.05 satisfies <= 0.1.", 0.05)));
        // a sentence that does not restate these numbers is kept whole
        String other = "unicity.3.fraction was not measured in this result, so the rule <= 0.1 could not be checked.";
        assertEquals(other, DecisionFormText.findingReason(finding(other, null)));
        assertEquals(other, DecisionFormText.findingReason(finding(other, 0.8725)));
    }

    /** Every service refusal of decide, review and export, with arguments as the service gives them. */
    private static List<AuditException> refusals() {
        return List.of(new ConfigurationException("case.error.overrideRequired", "run 1: k >= 5 (measured 2)"),
                new ConfigurationException("case.error.conditionsRequired"),
                new ConfigurationException("case.error.conditionsOnlyWithConditions", DecisionOutcome.APPROVE),
                new ConfigurationException("case.error.outputMissing", "[3]"),
                new ConfigurationException("case.error.outcomeMismatch", DecisionOutcome.APPROVE,
                        DecisionOutcome.APPROVE_WITH_CONDITIONS),
                new ConfigurationException("case.error.outcomeRequired"),
                new ConfigurationException("case.error.rationaleRequired"),
                new ConfigurationException("case.error.auditorRequired"),
                new ConfigurationException("case.error.noRuns", "c.rcase"),
                new ConfigurationException("case.error.reviewerRequired"),
                new ConfigurationException("case.error.nothingToReview", "c.rcase"),
                new ConfigurationException("case.error.reviewerIsDecider", "Dana", 3L),
                new ConfigurationException("case.error.alreadyReviewed", "Rita", 3L),
                new ConfigurationException("case.error.exportTarget", "/tmp/x"));
    }

    @Test
    void refusalsReadWithoutCommandLineOptionsInEnglishAndGerman() {
        for (Locale l : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            Messages.setLocale(l);
            for (AuditException e : refusals()) {
                String text = DecisionFormText.refusal(e);
                assertFalse(text.contains("--"), l + " " + e.messageKey() + ": " + text);
                assertFalse(text.startsWith("decision.form") || text.startsWith("case."), "a key without text: " + text);
            }
        }
    }

    @Test
    void refusalsKeepTheirArgumentsAndNameOutcomesInWords() {
        assertEquals("Dana made decision #3 and cannot also review it (four eyes): another person must sign.",
                DecisionFormText.refusal(new ConfigurationException("case.error.reviewerIsDecider", "Dana", 3L)));
        assertEquals("The outcome chosen does not follow from the decisions per output, which give Approve with "
                + "conditions.", DecisionFormText.refusal(new ConfigurationException("case.error.outcomeMismatch",
                        DecisionOutcome.APPROVE, DecisionOutcome.APPROVE_WITH_CONDITIONS)));
        Messages.setLocale(Locale.GERMAN);
        assertEquals("Nichts exportiert: Entscheidung 2 gibt keine Ausgabe frei.", DecisionFormText.refusal(
                new ConfigurationException("case.error.nothingApproved", "c.rcase",
                        Messages.get("case.export.rejected", 2L))));
        // a refusal the form has no words of its own for keeps the service's message
        assertEquals(Messages.get("case.error.badHead", "x"), DecisionFormText.refusal(new ConfigurationException(
                "case.error.badHead", "x")));
    }

    @Test
    void findingsAndLegalBasesInWords() {
        FailedFinding f = new FailedFinding(1, 7, "min-group-5", "k", ">=", 5, 2.0, "k too small", List.of(1L));
        assertEquals("run 1: k >= 5 (measured 2)", DecisionFormText.finding(f));
        FailedFinding share = new FailedFinding(2, 8, "arx-defaults", "prosecutor.recordsAtRisk", "<=", 0.05, 0.125,
                "", List.of(2L));
        assertEquals("run 1: k >= 5 (measured 2); run 2: prosecutor.recordsAtRisk <= 0.05 (measured 0.125)",
                DecisionFormText.findings(List.of(f, share)));
        Messages.setLocale(Locale.GERMAN);
        assertEquals("Analyse 2: prosecutor.recordsAtRisk <= 0,05 (gemessen 0,125)", DecisionFormText.finding(share));
        assertEquals("Art. 89 DSGVO \u2013 Archivzwecke im \u00f6ffentlichen Interesse, Forschung oder Statistik",
                DecisionFormText.legalBasis(LegalBasis.ART89));
        for (LegalBasis b : LegalBasis.values()) {
            assertTrue(DecisionFormText.legalBasis(b).startsWith("Art. "), b.name());
        }
    }

    @Test
    void theOverrideRuleIsTheServicesOne() {
        FailedFinding onOne = new FailedFinding(1, 7, "min-group-5", "k", ">=", 5, 2.0, "", List.of(1L));
        // rejecting overrides nothing; approving output 2 only does not override run 1's finding on output 1
        assertTrue(DecisionRules.overridden(List.of(onOne), DecisionOutcome.REJECT, List.of(1L)).isEmpty());
        assertTrue(DecisionRules.overridden(List.of(onOne), DecisionOutcome.APPROVE_WITH_CONDITIONS, List.of(2L))
                .isEmpty());
        assertEquals(List.of(onOne), DecisionRules.overridden(List.of(onOne), DecisionOutcome.APPROVE,
                List.of(1L, 2L)));
        assertTrue(DecisionRules.overridden(List.of(onOne), null, List.of(1L)).isEmpty(), "no outcome yet");
    }
}

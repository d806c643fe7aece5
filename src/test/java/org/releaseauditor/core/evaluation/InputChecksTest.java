package org.releaseauditor.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.CancelledException;
import org.releaseauditor.core.progress.ProgressMonitor;

class InputChecksTest {

    private static Dataset table(String name, String[] header, String[]... rows) {
        return EvalFixtures.dataset(name, header, List.of(rows));
    }

    private static EvaluationConfig config(int attacks) {
        return new EvaluationConfig(List.of(), attacks, 1, 0.95,
                new EvaluationConfig.SinglingOutOptions(true, true, 2, 10_000),
                new EvaluationConfig.LinkabilityOptions(List.of("age"), List.of("sex", "income"), 1),
                new EvaluationConfig.InferenceOptions(List.of(), "job", 0.05));
    }

    @Test
    void missingAndExtraColumnsAreNamed() {
        Dataset o = table("original.csv", new String[] {"age", "sex", "zip"}, new String[] {"1", "F", "a"});
        Dataset r = table("release.csv", new String[] {"age", "gender", "zip", "weight"},
                new String[] {"1", "F", "a", "2"});
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> EvaluationData.align(o, r, null, List.of()));
        assertEquals("evaluation.error.columnsDiffer.release", e.messageKey());
        String text = e.getMessage();
        assertTrue(text.contains("release.csv"), text);
        assertTrue(text.contains("Missing in the release: sex."), text);
        assertTrue(text.contains("Only in the release: gender, weight."), text);
        assertTrue(text.contains("(age,zip)"), text);
        // the control set is checked too
        ConfigurationException ce = assertThrows(ConfigurationException.class, () -> EvaluationData.align(o,
                table("r", new String[] {"age", "sex", "zip"}, new String[] {"1", "F", "a"}),
                table("control.csv", new String[] {"age", "sex"}, new String[] {"1", "F"}), List.of()));
        assertEquals("evaluation.error.columnsDiffer.control", ce.messageKey());
        assertTrue(ce.getMessage().contains("Missing in the control set: zip."), ce.getMessage());
    }

    @Test
    void chosenColumnsMayLeaveOutWhatTheFilesDoNotShare() throws Exception {
        Dataset o = table("o", new String[] {"id", "age", "sex"}, new String[] {"1", "30", "F"},
                new String[] {"2", "40", "M"});
        Dataset r = table("r", new String[] {"sex", "age", "noise"}, new String[] {"F", "31", "x"});
        EvaluationData d = EvaluationData.align(o, r, null, List.of("age", "sex"));
        assertEquals(List.of("age", "sex"), d.columns().stream().map(EvaluationColumn::name).toList());
        assertEquals(ColumnKind.NUMERIC, d.columns().get(0).kind());
        assertEquals(10.0, d.columns().get(0).range(), 0.0, "30, 40 and 31 across both files");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> EvaluationData.align(o, r, null, List.of("age", "id")));
        assertEquals("evaluation.error.columnsMissing.release", e.messageKey());
        assertTrue(e.getMessage().contains("no column id"), e.getMessage());
    }

    @Test
    void typeMismatchNamesTheColumnAndTheTypesInEachFile() {
        Dataset o = table("o", new String[] {"age", "zip"}, new String[] {"30", "12345"});
        Dataset r = table("r", new String[] {"age", "zip"}, new String[] {"thirty", "12345"});
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> EvaluationData.align(o, r, null, List.of()));
        assertEquals("evaluation.error.typeMismatch", e.messageKey());
        assertTrue(e.getMessage().contains("age (original INTEGER, release CATEGORICAL)"), e.getMessage());
        assertTrue(!e.getMessage().contains("zip ("), "zip agrees: " + e.getMessage());
    }

    @Test
    void aColumnWithoutValuesAdoptsTheOtherFilesKind() throws Exception {
        Dataset o = table("o", new String[] {"age"}, new String[] {"30"}, new String[] {"40"});
        Dataset r = table("r", new String[] {"age"}, new String[] {""}, new String[] {""});
        EvaluationData d = EvaluationData.align(o, r, null, List.of());
        assertEquals(ColumnKind.NUMERIC, d.columns().get(0).kind());
    }

    @Test
    void emptyInputsAreRefused() {
        Dataset o = table("o", new String[] {"age"}, new String[] {"30"});
        Dataset empty = table("empty.csv", new String[] {"age"});
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> EvaluationData.align(o, empty, null, List.of()));
        assertEquals("evaluation.error.emptyRelease", e.messageKey());
        assertTrue(e.getMessage().contains("empty.csv"));
        assertEquals("evaluation.error.emptyControl", assertThrows(ConfigurationException.class,
                () -> EvaluationData.align(o, o, empty, List.of())).messageKey());
    }

    @Test
    void optionsAreCheckedBeforeAnyAttack() throws Exception {
        EvaluationData d = EvaluationData.align(EvalFixtures.people("o", 50, 1), EvalFixtures.people("r", 50, 2),
                null, List.of());
        EvaluationConfig ok = config(10);
        ReleaseEvaluator.validate(d, ok);
        assertKey("evaluation.error.attacks", d, new EvaluationConfig(List.of(), 0, 1, 0.95, ok.singlingOut(),
                null, null));
        assertKey("evaluation.error.confidence", d, new EvaluationConfig(List.of(), 10, 1, 1.0, ok.singlingOut(),
                null, null));
        assertKey("evaluation.error.columnsPerPredicate", d, new EvaluationConfig(List.of(), 10, 1, 0.95,
                new EvaluationConfig.SinglingOutOptions(false, true, 7, 100), null, null));
        assertKey("evaluation.error.unknownColumn", d, new EvaluationConfig(List.of(), 10, 1, 0.95, null,
                new EvaluationConfig.LinkabilityOptions(List.of("age"), List.of("salary"), 1), null));
        assertKey("evaluation.error.noColumnsGiven", d, new EvaluationConfig(List.of(), 10, 1, 0.95, null,
                new EvaluationConfig.LinkabilityOptions(List.of(), List.of("age"), 1), null));
        assertKey("evaluation.error.neighbours", d, new EvaluationConfig(List.of(), 10, 1, 0.95, null,
                new EvaluationConfig.LinkabilityOptions(List.of("age"), List.of("sex"), 0), null));
        assertKey("evaluation.error.secretInAux", d, new EvaluationConfig(List.of(), 10, 1, 0.95, null, null,
                new EvaluationConfig.InferenceOptions(List.of("age", "job"), "job", 0.05)));
        assertKey("evaluation.error.tolerance", d, new EvaluationConfig(List.of(), 10, 1, 0.95, null, null,
                new EvaluationConfig.InferenceOptions(List.of(), "job", 5)));
        assertKey("evaluation.error.nothingToRun", d, new EvaluationConfig(List.of(), 10, 1, 0.95,
                new EvaluationConfig.SinglingOutOptions(false, false, 3, 100), null, null));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ReleaseEvaluator.validate(d,
                new EvaluationConfig(List.of(), 10, 1, 0.95, null,
                        new EvaluationConfig.LinkabilityOptions(List.of("age"), List.of("salary"), 1), null)));
        assertTrue(e.getMessage().contains("salary") && e.getMessage().contains("age, sex, region, income, score, job"),
                e.getMessage());
    }

    private static void assertKey(String key, EvaluationData d, EvaluationConfig c) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ReleaseEvaluator.validate(d, c));
        assertEquals(key, e.messageKey());
        assertTrue(Messages.has(key), key);
    }

    @Test
    void withoutControlTheResidualRiskIsNotAvailableAndSaysWhy() throws Exception {
        EvaluationData d = EvaluationData.align(EvalFixtures.people("o", 300, 1), EvalFixtures.people("r", 300, 2),
                null, List.of());
        EvaluationResult r = ReleaseEvaluator.evaluate(d, config(100), ProgressMonitor.none());
        assertEquals(4, r.attacks().size());
        for (AttackResult a : r.attacks()) {
            assertNull(a.controlRate());
            assertNull(a.residualRisk());
            assertEquals("evaluation.reading.addControl", a.reading().conclusionKey());
            assertTrue(a.reading().key().endsWith(".noControl"));
        }
        assertEquals("evaluation.note.noControl", r.notes().get(0).key());
        assertTrue(Double.isNaN(r.highestResidualRisk()));
    }

    @Test
    void readingsAndNotesResolveInEnglishAndGerman() throws Exception {
        EvaluationData d = EvaluationData.align(EvalFixtures.people("o", 300, 1), EvalFixtures.people("r", 300, 2),
                EvalFixtures.people("c", 200, 3), List.of());
        for (EvaluationData data : List.of(d, EvaluationData.align(EvalFixtures.people("o", 300, 1),
                EvalFixtures.people("r", 300, 2), null, List.of()))) {
            EvaluationResult r = ReleaseEvaluator.evaluate(data, config(500), ProgressMonitor.none());
            for (AttackResult a : r.attacks()) {
                for (Locale l : List.of(Locale.ENGLISH, Locale.GERMAN)) {
                    String text = a.reading().text(l);
                    assertTrue(!text.contains("evaluation.") && !text.contains("{"), text);
                    for (EvaluationNote n : a.notes()) {
                        assertTrue(!n.text(l).contains("evaluation.") && !n.text(l).contains("{"), n.text(l));
                    }
                }
            }
            // 500 attacks on 300 rows: every row once, and said so
            assertEquals(300, r.linkability().attacks());
            assertTrue(r.linkability().notes().stream().anyMatch(n -> n.key().equals("evaluation.note.attacksClamped")));
        }
        String de = ReleaseEvaluator.evaluate(d, config(100), ProgressMonitor.none()).inference().reading()
                .text(Locale.GERMAN);
        assertTrue(de.contains("Restrisiko") && de.contains("job"), de);
    }

    @Test
    void sameSeedGivesTheSameResultAndAnotherSeedOtherDraws() throws Exception {
        EvaluationData d = EvaluationData.align(EvalFixtures.people("o", 400, 1), EvalFixtures.people("r", 400, 2),
                EvalFixtures.people("c", 400, 3), List.of());
        EvaluationResult a = ReleaseEvaluator.evaluate(d, config(150), ProgressMonitor.none());
        EvaluationResult b = ReleaseEvaluator.evaluate(d, config(150), ProgressMonitor.none());
        assertEquals(a, b);
        EvaluationConfig other = new EvaluationConfig(List.of(), 150, 2, 0.95, config(150).singlingOut(),
                config(150).linkability(), config(150).inference());
        EvaluationResult c = ReleaseEvaluator.evaluate(d, other, ProgressMonitor.none());
        assertNotEquals(a, c);
    }

    @Test
    void cancellationStopsTheEvaluation() throws Exception {
        EvaluationData d = EvaluationData.align(EvalFixtures.people("o", 3000, 1), EvalFixtures.people("r", 3000, 2),
                EvalFixtures.people("c", 3000, 3), List.of());
        for (int after : new int[] {1, 5, 20}) {
            assertThrows(CancelledException.class,
                    () -> ReleaseEvaluator.evaluate(d, config(2000), EvalFixtures.cancelAfter(after)));
        }
    }
}

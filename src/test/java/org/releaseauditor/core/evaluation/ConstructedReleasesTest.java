package org.releaseauditor.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Releases whose success counts are known by construction: a copy of the original, independent
 * noise from the same distribution, and a release that leaks exactly one attribute.
 */
class ConstructedReleasesTest {

    private static EvaluationConfig all(int attacks, List<String> auxA, List<String> auxB, String secret,
            double tolerance) {
        return new EvaluationConfig(List.of(), attacks, 11, 0.95,
                new EvaluationConfig.SinglingOutOptions(true, true, 3, 200_000),
                new EvaluationConfig.LinkabilityOptions(auxA, auxB, 1),
                new EvaluationConfig.InferenceOptions(List.of(), secret, tolerance));
    }

    /**
     * A release that copies the original (rows shuffled). Every predicate that singles out a
     * release record singles out the same record in the original, so singling-out successes equal
     * the predicates formed (200 of 200). Income is unique per person, so each half of a target in
     * the linkability attack (A = age, income; B = income, job) finds its own record at distance 0,
     * and so does the inference attack: 200 of 200 each. The control set has none of these people.
     */
    @Test
    void copyOfTheOriginalIsAttackedSuccessfullyEveryTime() throws Exception {
        List<String[]> rows = EvalFixtures.people(600, 1);
        List<String[]> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new java.util.Random(5));
        Dataset original = EvalFixtures.dataset("original", EvalFixtures.PEOPLE, rows);
        Dataset release = EvalFixtures.dataset("release", EvalFixtures.PEOPLE, shuffled);
        Dataset control = EvalFixtures.people("control", 600, 2);
        EvaluationResult r = ReleaseEvaluator.evaluate(EvaluationData.align(original, release, control, List.of()),
                all(200, List.of("age", "income"), List.of("income", "job"), "job", 0.05), ProgressMonitor.none());
        for (AttackResult a : r.attacks()) {
            assertEquals(200, a.attacks(), a.type().name());
            assertEquals(200.0, a.attackRate().successes(), a.type().name());
            assertTrue(a.residualRisk().value() > 0.9, a.type() + " residual " + a.residualRisk());
            assertTrue(a.residualRisk().significant(), a.type().name());
            assertTrue(a.controlRate().value() < 0.3, a.type() + " control " + a.controlRate());
        }
        AttackSetup.SinglingOut so = (AttackSetup.SinglingOut) r.singlingOutMultivariate().setup();
        assertEquals(200, so.predicates());
        assertEquals("none", so.controlSizeCorrection(), "same size: no correction");
        // 200 of 200 is the Wilson centre (200 + z²/2) / (200 + z²) = 0.990577 (201.92 / 203.84)
        assertEquals(0.990577, r.inference().attackRate().value(), 1e-6);
    }

    /**
     * A release drawn independently from the same distribution as the original and the control set
     * leaks nothing about the original: the attacks do as well on the control set, and no residual
     * risk is measurable.
     */
    @Test
    void independentNoiseGivesNoMeasurableResidualRisk() throws Exception {
        Dataset original = EvalFixtures.people("original", 1500, 21);
        Dataset release = EvalFixtures.people("release", 1500, 22);
        Dataset control = EvalFixtures.people("control", 1500, 23);
        EvaluationResult r = ReleaseEvaluator.evaluate(EvaluationData.align(original, release, control, List.of()),
                all(500, List.of("age", "sex", "region"), List.of("income", "score"), "job", 0.05),
                ProgressMonitor.none());
        for (AttackResult a : r.attacks()) {
            assertFalse(a.residualRisk().significant(), a.type() + " residual " + a.residualRisk());
            assertTrue(Math.abs(a.attackRate().value() - a.controlRate().value()) < 0.06,
                    a.type() + " attack " + a.attackRate() + " control " + a.controlRate());
        }
        // nearest neighbours in unrelated data link or infer no better than guessing
        assertTrue(r.linkability().attackRate().high() > r.linkability().baselineRate().value());
        assertTrue(r.linkability().attackRate().value() < 0.02);
        assertTrue(Math.abs(r.inference().attackRate().value() - r.inference().baselineRate().value()) < 0.07);
    }

    /**
     * A release that keeps every person's key, age and region, copies the job exactly, replaces
     * the hobby by an independent random value and scales the income by a random factor 1 + u with
     * |u| ≤ 4 %. All 300 originals are attacked, so the counts are exact: job 300 (its nearest
     * release record is the person's own, through the key); income 300 at a 5 % tolerance and the
     * number of people with |u| ≤ 1 % at a 1 % tolerance; hobby the number of people whose random
     * hobby happens to equal the true one.
     */
    @Test
    void releaseThatLeaksOneAttributeIsInferredOnlyOnThatSecret() throws Exception {
        int n = 300;
        SplittableRandom rnd = new SplittableRandom(31);
        String[] header = {"key", "age", "region", "job", "hobby", "income"};
        String[] jobs = {"clerk", "nurse", "driver", "teacher", "engineer"};
        String[] hobbies = {"chess", "football", "music", "hiking"};
        List<String[]> orig = new ArrayList<>();
        List<String[]> rel = new ArrayList<>();
        List<String[]> ctrl = new ArrayList<>();
        int hobbyMatches = 0;
        int withinOnePercent = 0;
        for (int i = 0; i < n; i++) {
            String key = String.format(Locale.ROOT, "K%04d", i);
            String age = Integer.toString(18 + rnd.nextInt(70));
            String region = "R" + rnd.nextInt(5);
            String job = jobs[rnd.nextInt(jobs.length)];
            String hobby = hobbies[rnd.nextInt(hobbies.length)];
            double income = 20000 + rnd.nextInt(60000);
            orig.add(new String[] {key, age, region, job, hobby, fmt(income)});
            String fakeHobby = hobbies[rnd.nextInt(hobbies.length)];
            hobbyMatches += fakeHobby.equals(hobby) ? 1 : 0;
            // u on a grid of 0.1 % steps in [−4 %, 4 %], never exactly ±1 %, so no rounding decides
            double u = (rnd.nextInt(80) - 40 + 0.5) / 1000.0;
            withinOnePercent += Math.abs(u) <= 0.01 ? 1 : 0;
            rel.add(new String[] {key, age, region, job, fakeHobby, fmt(income * (1 + u))});
            ctrl.add(new String[] {String.format(Locale.ROOT, "C%04d", i), Integer.toString(18 + rnd.nextInt(70)),
                "R" + rnd.nextInt(5), jobs[rnd.nextInt(jobs.length)], hobbies[rnd.nextInt(hobbies.length)],
                fmt(20000 + rnd.nextInt(60000))});
        }
        Dataset o = EvalFixtures.dataset("original", header, orig);
        Dataset r = EvalFixtures.dataset("release", header, rel);
        Dataset c = EvalFixtures.dataset("control", header, ctrl);
        EvaluationData data = EvaluationData.align(o, r, c, List.of());

        AttackResult job = infer(data, "job", List.of("key", "age", "region"), 0.05);
        assertEquals(300.0, job.attackRate().successes());
        assertTrue(job.residualRisk().value() > 0.7, "job " + job.residualRisk());
        assertTrue(job.residualRisk().significant());

        AttackResult hobby = infer(data, "hobby", List.of("key", "age", "region"), 0.05);
        assertEquals(hobbyMatches, (int) hobby.attackRate().successes());
        assertFalse(hobby.residualRisk().significant(), "hobby " + hobby.residualRisk());

        AttackResult income5 = infer(data, "income", List.of("key", "age", "region"), 0.05);
        assertEquals(300.0, income5.attackRate().successes());
        assertTrue(((AttackSetup.Inference) income5.setup()).numericSecret());
        AttackResult income1 = infer(data, "income", List.of("key", "age", "region"), 0.01);
        assertEquals(withinOnePercent, (int) income1.attackRate().successes());
        assertTrue(withinOnePercent > 40 && withinOnePercent < 120, "construction: " + withinOnePercent);
    }

    private static AttackResult infer(EvaluationData data, String secret, List<String> aux, double tolerance)
            throws Exception {
        EvaluationConfig cfg = new EvaluationConfig(List.of(), 300, 3, 0.95, null, null,
                new EvaluationConfig.InferenceOptions(aux, secret, tolerance));
        AttackResult a = ReleaseEvaluator.evaluate(data, cfg, ProgressMonitor.none()).inference();
        assertNotNull(a);
        assertEquals(300, a.attacks());
        return a;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}

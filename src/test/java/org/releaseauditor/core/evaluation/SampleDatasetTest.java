package org.releaseauditor.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.CsvImporter;

/**
 * The bundled sample ({@code sample-datasets/evaluation}, made by {@code generate evaluation} with
 * seed 1): a release with 200 of 2,000 rows copied from the original. The numbers below are the
 * ones its datasheet quotes; the demo configuration is the one the datasheet gives.
 */
class SampleDatasetTest {

    static final Path DIR = Path.of("sample-datasets", "evaluation");

    static EvaluationConfig demoConfig() {
        return new EvaluationConfig(List.of(), 500, 1, 0.95,
                new EvaluationConfig.SinglingOutOptions(true, true, 3, 1_000_000),
                new EvaluationConfig.LinkabilityOptions(List.of("age", "gender", "home_area", "device"),
                        List.of("tariff", "monthly_spend", "data_gb", "calls_per_month", "tenure_months"), 1),
                new EvaluationConfig.InferenceOptions(List.of("age", "gender", "home_area", "tariff", "device"),
                        "monthly_spend", 0.05));
    }

    private static Dataset load(String name) throws Exception {
        return new CsvImporter().read(DIR.resolve(name), ImportOptions.defaults(), ProgressMonitor.none());
    }

    @Test
    void theKnownLeakShowsAsResidualRisk() throws Exception {
        EvaluationData data = EvaluationData.align(load("original.csv"), load("release.csv"), load("control.csv"),
                List.of());
        EvaluationResult r = ReleaseEvaluator.evaluate(data, demoConfig(), ProgressMonitor.none());
        // successes on the original and on the control set (same size: no correction), 500 attacks each
        int[][] counts = {{143, 126}, {156, 111}, {54, 0}, {89, 45}};
        for (int i = 0; i < 4; i++) {
            AttackResult a = r.attacks().get(i);
            assertEquals(counts[i][0], (int) a.attackRate().successes(), a.type().path());
            assertEquals(counts[i][1], (int) a.controlRate().successes(), a.type().path());
        }
        // residual risks as quoted in the datasheet (rounded to 0.1 %)
        assertEquals(0.045, r.singlingOutUnivariate().residualRisk().value(), 5e-4);
        assertEquals(0.115, r.singlingOutMultivariate().residualRisk().value(), 5e-4);
        assertEquals(0.108, r.linkability().residualRisk().value(), 5e-4);
        assertEquals(0.096, r.inference().residualRisk().value(), 5e-4);
        assertTrue(!r.singlingOutUnivariate().residualRisk().significant());
        assertTrue(r.singlingOutMultivariate().residualRisk().significant());
        assertTrue(r.inference().residualRisk().significant());
        assertEquals(10, r.columns().size());
        assertTrue(r.linkability().residualRisk().significant());
    }
}

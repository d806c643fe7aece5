package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.parallel.Workers;
import org.releaseauditor.core.progress.CancellationFlag;
import org.releaseauditor.core.progress.CancelledException;
import org.releaseauditor.core.progress.ProgressMonitor;

/** The progressive pipeline reports each part once, in order, and returns what the parts compute on their own. */
class MicrodataPipelineTest {

    private static final double[] CURVE = {0.01, 0.1};

    private static Dataset adult() {
        return TestTables.readSemicolon(java.nio.file.Path.of("sample-datasets/microdata/adult.csv"));
    }

    @Test
    void partsArriveInOrderAndEqualTheFinalAnalysis() throws Exception {
        Dataset data = adult();
        List<String> qis = List.of("age", "sex", "race", "marital-status", "education");
        MicrodataConfig cfg = MicrodataConfig.defaults(qis).withSamplingFraction(0.1)
                .withSensitive(List.of(new SensitiveAttribute("salary-class", false)));
        List<String> calls = new ArrayList<>();
        List<Object> parts = new ArrayList<>();
        MicrodataListener listener = new MicrodataListener() {
            @Override
            public void summary(MicrodataResult r) {
                calls.add("summary");
                parts.add(r);
            }

            @Override
            public void populationCurve(List<MicrodataResult.PopulationUniqueness> c) {
                calls.add("curve");
                parts.add(c);
            }

            @Override
            public void qiContribution(List<QiContribution> c) {
                calls.add("qi");
                parts.add(c);
            }

            @Override
            public void individualRisk(IndividualRiskResult r) {
                calls.add("individual");
                parts.add(r);
            }

            @Override
            public void suda(SudaResult s) {
                calls.add("suda");
                parts.add(s);
            }
        };
        MicrodataAnalysis a = MicrodataPipeline.run(data, cfg, null,
                new MicrodataPipeline.Options(true, 4, Suda2.DEFAULT_DIS_FRACTION, CURVE, Workers.defaults()), listener,
                ProgressMonitor.none());
        assertEquals(List.of("summary", "curve", "qi", "individual", "suda"), calls);
        assertSame(a.result(), parts.get(0));
        assertEquals(a.populationCurve(), parts.get(1));
        assertEquals(a.qiContribution(), parts.get(2));
        assertSame(a.individualRisk(), parts.get(3));
        assertSame(a.suda(), parts.get(4));
        // the same numbers as the analyses run one by one
        List<Column> cols = qis.stream().map(q -> data.column(q).orElseThrow()).toList();
        assertEquals(MicrodataAnalyzer.analyze(data, cfg, null, ProgressMonitor.none()), a.result());
        assertEquals(QiContributionAnalysis.compute(cols, 10, ProgressMonitor.none()), a.qiContribution());
        SudaResult suda = Suda2.compute(cols, 4, Suda2.DEFAULT_DIS_FRACTION, ProgressMonitor.none());
        assertEquals(suda.score(), a.suda().score());
        assertEquals(suda.msusBySize(), a.suda().msusBySize());
        assertEquals(suda.variableContributions(), a.suda().variableContributions());
        // curve: the two fractions plus the configured 0.1
        assertEquals(3, a.populationCurve().size());
        // without weights r = 1/f_k, as the individual-risk analysis alone
        assertEquals(IndividualRisk.compute(data, cfg, ProgressMonitor.none()), a.individualRisk());
    }

    @Test
    void withoutSudaThereIsNoSudaCallAndCancellingStops() throws Exception {
        Dataset data = adult();
        MicrodataConfig cfg = MicrodataConfig.defaults(List.of("age", "sex"));
        List<String> calls = new ArrayList<>();
        MicrodataAnalysis a = MicrodataPipeline.run(data, cfg, null,
                new MicrodataPipeline.Options(false, 4, 0.01, new double[0], Workers.sequential()),
                new MicrodataListener() {
                    @Override
                    public void suda(SudaResult s) {
                        calls.add("suda");
                    }

                    @Override
                    public void summary(MicrodataResult r) {
                        calls.add("summary");
                    }
                }, ProgressMonitor.none());
        assertEquals(List.of("summary"), calls);
        assertNull(a.suda());
        assertNotNull(a.qiContribution());
        assertEquals(List.of(), a.populationCurve());
        CancellationFlag cancelled = new CancellationFlag();
        cancelled.cancel();
        assertThrows(CancelledException.class, () -> MicrodataPipeline.run(data, cfg, null,
                new MicrodataPipeline.Options(true, 4, 0.01, CURVE, Workers.defaults()), MicrodataListener.none(),
                cancelled));
    }
}

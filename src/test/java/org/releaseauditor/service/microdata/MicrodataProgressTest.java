package org.releaseauditor.service.microdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.risk.IndividualRiskResult;
import org.releaseauditor.core.risk.MicrodataResult;
import org.releaseauditor.core.risk.QiContribution;
import org.releaseauditor.core.risk.SudaResult;
import org.releaseauditor.service.LaneInputs;

/** The microdata lane reports each part of the analysis as soon as it is known (issue 15 item 3). */
class MicrodataProgressTest {
    @TempDir
    Path dir;

    @Test
    void thePartsArriveSummaryFirstAndAreThoseOfTheCompleteAnalysis() throws Exception {
        Path f = dir.resolve("w.csv");
        // (age, sex): {30,m}×2, {40,f}×1 - 2 classes, k = 1 (counted by hand)
        Files.writeString(f, "age,sex,w\n30,m,10\n30,m,12\n40,f,5\n", StandardCharsets.UTF_8);
        MicrodataRequest.Builder b = MicrodataRequest.builder().quasiIdentifiers(List.of("age", "sex")).weight("w")
                .suda(true);
        b.importing().options(ImportOptions.defaults());
        List<String> order = new ArrayList<>();
        List<Object> parts = new ArrayList<>();
        MicrodataProgress listener = new MicrodataProgress() {
            @Override
            public void summary(MicrodataResult s) {
                order.add("summary classes=" + s.classes() + " k=" + s.k());
                parts.add(s);
            }

            @Override
            public void populationCurve(List<MicrodataResult.PopulationUniqueness> c) {
                order.add("curve");
                parts.add(c);
            }

            @Override
            public void qiContribution(List<QiContribution> q) {
                order.add("qi");
                parts.add(q);
            }

            @Override
            public void individualRisk(IndividualRiskResult r) {
                order.add("individual");
                parts.add(r);
            }

            @Override
            public void suda(SudaResult s) {
                order.add("suda");
                parts.add(s);
            }
        };
        MicrodataLane lane = new MicrodataLane();
        var result = lane.analyze(b.build(), LaneInputs.of(MicrodataRequest.DATA, f), listener, ProgressMonitor.none());
        assertEquals(List.of("summary classes=2 k=1", "curve", "qi", "individual", "suda"), order);
        var a = result.output();
        assertSame(a.result(), parts.get(0));
        assertEquals(a.populationCurve(), parts.get(1));
        assertEquals(a.qiContribution(), parts.get(2));
        assertSame(a.individualRisk(), parts.get(3));
        assertSame(a.suda(), parts.get(4));
        assertNotNull(a.suda());

        // without SUDA that part is not reported (the individual risk always is); a cached analysis reports none
        order.clear();
        MicrodataRequest.Builder pb = MicrodataRequest.builder().quasiIdentifiers(List.of("age", "sex")).suda(false);
        pb.importing().options(ImportOptions.defaults());
        MicrodataRequest plain = pb.build();
        lane.analyze(plain, LaneInputs.of(MicrodataRequest.DATA, f), listener, ProgressMonitor.none());
        assertEquals(List.of("summary classes=2 k=1", "curve", "qi", "individual"), order);
        assertTrue(lane.analyze(plain, LaneInputs.of(MicrodataRequest.DATA, f), ProgressMonitor.none()).output()
                .suda() == null);
    }
}

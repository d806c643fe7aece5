package org.releaseauditor.ui.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.core.verdict.Verdict;
import org.releaseauditor.core.verdict.VerdictStatus;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.microdata.MicrodataLane;
import org.releaseauditor.service.policy.VerdictService;
import org.releaseauditor.ui.charts.PolicyChooser;
import org.releaseauditor.ui.charts.StatusBarRenderer;
import org.releaseauditor.ui.charts.SummaryCard.Status;
import org.releaseauditor.ui.charts.VerdictStyles;
import org.releaseauditor.ui.fx.Debouncer;
import org.releaseauditor.ui.fx.ManualTaskRunner;
import org.releaseauditor.ui.main.LoadedDataset;

/**
 * Issue 13: switching the policy of the microdata dashboard re-judges the shown result at once (no
 * new analysis) and recolours cards, the class-size and risk-distribution charts, the riskiest
 * classes and the QI-contribution chart from the new verdict; a number the policy does not judge
 * stays neutral.
 *
 * <p>Data (by hand): age,sex on 6 rows gives classes {30,m}×3, {30,f}×2, {40,m}×1, so k = 1,
 * highest prosecutor risk 1/1 = 1, success rate 3/6 = 50 %, sample uniqueness 1/6 = 16.7 %.
 * arx-defaults (highest ≤ 0.2, records at risk ≤ 5 %, success rate ≤ 5 %) fails on highest, so a
 * class of size s breaks it when 1/s &gt; 0.2, i.e. s ≤ 4; it does not read k or sample uniqueness.
 * strict-k-10 (src/test/resources/policies: k ≥ 10 FAIL, sample uniqueness ≤ 1 % WARN) fails on
 * k = 1, so a class breaks it when its size is below 10, and warns on 16.7 % &gt; 1 %.
 */
class RiskPolicySwitchTest {
    static final Path STRICT = Path.of("src/test/resources/policies/strict-k-10.json");
    @TempDir
    Path dir;
    private ManualTaskRunner runner;
    private RiskDashboardViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        runner = ManualTaskRunner.manual();
        vm = new RiskDashboardViewModel(new MicrodataLane(), runner, Debouncer.immediate(),
                new AttackerModelViewModel());
        Path f = dir.resolve("patients.csv");
        Files.writeString(f, String.join("\n", "age,sex,zip,diagnosis", "30,m,10115,flu", "30,m,10115,cold",
                "30,m,10117,flu", "30,f,10115,asthma", "30,f,10115,flu", "40,m,10117,cold") + "\n",
                StandardCharsets.UTF_8);
        var data = new DatasetService().loadInput(DatasetRef.of(f), ImportOptions.defaults(), ProgressMonitor.none())
                .data();
        vm.attackerModel().presetProperty().set(AttackerPreset.builtIn().stream()
                .filter(p -> p.id().equals("prosecutor")).findFirst().orElseThrow());
        vm.datasetProperty().set(new LoadedDataset(f, data, Map.of("age", AttributeRole.QUASI_IDENTIFIER, "sex",
                AttributeRole.QUASI_IDENTIFIER, "zip", AttributeRole.INSENSITIVE, "diagnosis",
                AttributeRole.SENSITIVE)));
        runner.last().runToEnd();
    }

    private Status card(String id) {
        return vm.cards().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().status();
    }

    private static VerdictStatus bar(JFreeChart chart, int row, int column) {
        return ((StatusBarRenderer) chart.getCategoryPlot().getRenderer()).statusAt(row, column);
    }

    @Test
    void switchingThePolicyRecoloursCardsAndChartsWithoutANewRun() throws Exception {
        MicrodataAnalysis a = vm.analysisProperty().get();
        assertNotNull(a);
        int runs = runner.jobs().size();
        Verdict arx = vm.verdictProperty().get();
        assertEquals("arx-defaults", arx.policy().id());
        // arx-defaults: k not judged (neutral), success rate 50 % > 5 % FAIL, uniques not judged, records never judged
        assertEquals(Status.NEUTRAL, card("cardK"));
        assertEquals(Status.FAIL, card("cardSuccess"));
        assertEquals(Status.NEUTRAL, card("cardUniques"));
        assertEquals(Status.NEUTRAL, card("cardRecords"));
        // class sizes: bins 1, 2, 3, 4 break highest <= 0.2 (FAIL); 5 (risk exactly 0.2) and up are neutral
        JFreeChart sizes = MicrodataCharts.classSizes(a.result().histogram(), false, arx);
        for (int bin = 0; bin < 4; bin++) {
            assertEquals(VerdictStatus.FAIL, bar(sizes, 0, bin), "bin " + MicrodataCharts.sizeLabel(bin));
        }
        assertEquals(VerdictStatus.NOT_JUDGED, bar(sizes, 0, 4), "bin 5");
        assertEquals(VerdictStatus.NOT_JUDGED, bar(sizes, 0, 5), "bin 6-10");
        assertEquals(VerdictStyles.chartPaint(VerdictStatus.FAIL),
                sizes.getCategoryPlot().getRenderer().getItemPaint(0, 0));
        assertEquals(VerdictStyles.chartPaint(VerdictStatus.NOT_JUDGED),
                sizes.getCategoryPlot().getRenderer().getItemPaint(0, 5));
        // riskiest classes: sizes 1, 2, 3 all have risk > 0.2: FAIL rows
        assertEquals(VerdictStatus.FAIL, MicrodataVerdictColours.classStatus(arx, 3));
        assertEquals(VerdictStatus.NOT_JUDGED, MicrodataVerdictColours.classStatus(arx, 5));
        // risk distribution: records with risk up to 0.2 are neutral, above it FAIL
        assertEquals(VerdictStatus.NOT_JUDGED, MicrodataVerdictColours.riskBinStatus(arx, 0.2));
        assertEquals(VerdictStatus.FAIL, MicrodataVerdictColours.riskBinStatus(arx, 0.25));

        PolicyProfile strict = new VerdictService().loadPolicyFile(STRICT);
        vm.policyProperty().set(strict);
        Verdict v = vm.verdictProperty().get();
        assertEquals("strict-k-10", v.policy().id());
        assertEquals(runs, runner.jobs().size(), "no new analysis: the shown result is judged again");
        assertSame(a, vm.analysisProperty().get());
        // strict-k-10: k = 1 < 10 FAIL, uniques 16.7 % > 1 % WARN, success rate not judged any more
        assertEquals(Status.FAIL, card("cardK"));
        assertEquals(Status.WARN, card("cardUniques"));
        assertEquals(Status.NEUTRAL, card("cardSuccess"));
        assertEquals(Status.NEUTRAL, card("cardRecords"));
        sizes = MicrodataCharts.classSizes(a.result().histogram(), false, v);
        assertEquals(VerdictStatus.FAIL, bar(sizes, 0, 4), "bin 5 is below k 10");
        assertEquals(VerdictStatus.FAIL, bar(sizes, 0, 5), "bin 6-10 holds classes below 10");
        assertEquals(VerdictStatus.NOT_JUDGED, bar(sizes, 0, 6), "bin 11-20");
        // the risk distribution is not judged by a policy without a rule on the highest risk
        assertEquals(VerdictStatus.NOT_JUDGED, MicrodataVerdictColours.riskBinStatus(v, 1.0));
        assertEquals("FAIL under strict-k-10 1.0: 1 finding fails, 1 warns.", PolicyChooser.resultLine(v));
        assertEquals("FAIL under arx-defaults 1.0: 3 findings fail.", PolicyChooser.resultLine(arx));

        // no policy: nothing judged, every card neutral
        vm.policyProperty().set(null);
        assertEquals(Status.NEUTRAL, card("cardK"));
        assertEquals(Status.NEUTRAL, card("cardSuccess"));
    }

    @Test
    void qiContributionBarsAreNeutralUnlessThePolicyJudgesThem() throws Exception {
        MicrodataAnalysis a = vm.analysisProperty().get();
        List<String> names = List.of("age", "sex");
        List<double[]> values = List.of(new double[] {0.1, 0.2}, new double[] {0.3, 0.4});
        int age = -1;
        for (int i = 0; i < a.qiContribution().size(); i++) {
            if (a.qiContribution().get(i).qis().equals(List.of("age"))) {
                age = i;
            }
        }
        // arx-defaults reads no QI contribution: both series keep their decorative colours
        JFreeChart chart = MicrodataCharts.singleQis(names, values, List.of(age, age), vm.verdictProperty().get());
        assertEquals(VerdictStatus.NOT_JUDGED, bar(chart, 0, 0));
        assertEquals(org.releaseauditor.ui.charts.ChartTheme.SERIES[0], chart.getCategoryPlot().getRenderer()
                .getItemPaint(0, 0));
        // a policy on the distinction of age (2 distinct values in 6 records: 2/6 = 33.3 % > 10 %) colours that bar only
        PolicyProfile p = new VerdictService().policiesFor("microdata").get(0);
        PolicyProfile qi = new PolicyProfile("qi", "1", "QI", "", "", List.of(new org.releaseauditor.core.policy.PolicyRule(
                "qiContribution." + age + ".distinction", org.releaseauditor.core.policy.Operator.LE, 0.1,
                org.releaseauditor.core.policy.Severity.FAIL, "")));
        assertEquals("arx-defaults", p.id());
        vm.policyProperty().set(qi);
        chart = MicrodataCharts.singleQis(names, values, List.of(age, age), vm.verdictProperty().get());
        assertEquals(VerdictStatus.FAIL, bar(chart, 0, 0), "distinction of age");
        assertEquals(VerdictStatus.NOT_JUDGED, bar(chart, 1, 0), "separation of age is not judged");
        assertEquals(org.releaseauditor.ui.charts.ChartTheme.SERIES[1], chart.getCategoryPlot().getRenderer()
                .getItemPaint(1, 0));
    }
}

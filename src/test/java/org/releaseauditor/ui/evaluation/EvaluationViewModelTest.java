package org.releaseauditor.ui.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.releaseauditor.cli.EvaluationOptions;
import org.releaseauditor.core.evaluation.AttackResult;
import org.releaseauditor.core.evaluation.EvaluationResult;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.evaluation.EvaluationLane;
import org.releaseauditor.service.evaluation.EvaluationRequest;
import org.releaseauditor.ui.charts.SummaryCard.Status;
import org.releaseauditor.ui.evaluation.EvaluationDashboardViewModel.AttackRow;
import org.releaseauditor.ui.risk.CardData;
import picocli.CommandLine;

/**
 * The evaluation tab's view models without the toolkit: the settings start from the request's
 * defaults and build the same request as the command line; results become rows, cards and chart
 * data. Results come from the lane on the bundled sample (its datasheet gives the numbers).
 */
class EvaluationViewModelTest {
    static final Path DIR = Path.of("sample-datasets", "evaluation");
    static final List<String> COLUMNS = List.of("age", "gender", "home_area", "tariff", "device", "segment",
            "monthly_spend", "data_gb", "calls_per_month", "tenure_months");
    private static EvaluationResult withControl;
    private static EvaluationResult withoutControl;
    private static org.releaseauditor.core.verdict.Verdict withControlVerdict;
    private static org.releaseauditor.core.verdict.Verdict withoutControlVerdict;
    private EvaluationSettingsViewModel s;

    @BeforeAll
    static void evaluateTheSample() throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        EvaluationSettingsViewModel v = datasheet();
        LaneCall<EvaluationRequest> call = v.toRequest();
        var withControlRun = new EvaluationLane().analyze(call.request(), EvaluationDashboardViewModel.inputs(call),
                ProgressMonitor.none());
        withControl = withControlRun.output();
        var policy = new org.releaseauditor.service.policy.VerdictService().defaultPolicy("evaluation").orElseThrow();
        withControlVerdict = new org.releaseauditor.service.policy.VerdictService().verdict(policy, withControlRun,
                Locale.ENGLISH);
        v.controlProperty().set(null);
        v.attacksProperty().set(100);
        call = v.toRequest();
        var withoutControlRun = new EvaluationLane().analyze(call.request(),
                EvaluationDashboardViewModel.inputs(call), ProgressMonitor.none());
        withoutControl = withoutControlRun.output();
        withoutControlVerdict = new org.releaseauditor.service.policy.VerdictService().verdict(policy,
                withoutControlRun, Locale.ENGLISH);
    }

    @BeforeEach
    void setUp() {
        Messages.setLocale(Locale.ENGLISH);
        s = new EvaluationSettingsViewModel();
    }

    /** The settings of the sample's datasheet, as the tab opens it. */
    static EvaluationSettingsViewModel datasheet() {
        EvaluationSettingsViewModel v = new EvaluationSettingsViewModel();
        v.setColumns(COLUMNS);
        v.originalProperty().set(DIR.resolve("original.csv"));
        v.releaseProperty().set(DIR.resolve("release.csv"));
        v.controlProperty().set(DIR.resolve("control.csv"));
        EvaluationSettingsViewModel.select(v.auxA(), List.of("age", "gender", "home_area", "device"));
        EvaluationSettingsViewModel.select(v.auxB(), List.of("tariff", "monthly_spend", "data_gb", "calls_per_month",
                "tenure_months"));
        v.linkabilityProperty().set(true);
        v.secretProperty().set("monthly_spend");
        EvaluationSettingsViewModel.select(v.known(), List.of("age", "gender", "home_area", "tariff", "device"));
        v.inferenceProperty().set(true);
        return v;
    }

    @Test
    void theSettingsStartFromTheRequestDefaults() {
        EvaluationRequest d = EvaluationRequest.defaults();
        assertEquals(d.attacks(), s.attacksProperty().get());
        assertEquals(d.seed(), s.seedProperty().get());
        assertEquals(d.confidenceLevel(), s.confidenceProperty().get());
        assertEquals(d.univariate(), s.univariateProperty().get());
        assertEquals(d.multivariate(), s.multivariateProperty().get());
        assertEquals(d.columnsPerPredicate(), s.columnsPerPredicateProperty().get());
        assertEquals(d.maxAttempts(), s.maxAttemptsProperty().get());
        assertEquals(d.neighbours(), s.neighboursProperty().get());
        assertEquals(d.tolerance(), s.toleranceProperty().get());
        assertFalse(s.linkabilityProperty().get() || s.inferenceProperty().get());
    }

    @Test
    void withoutFilesTheValidationSaysWhatIsMissing() {
        assertTrue(s.validate().isEmpty());
        assertEquals("Choose the original: the data the release was made from.", s.validationProperty().get());
        s.originalProperty().set(DIR.resolve("original.csv"));
        s.setColumns(COLUMNS);
        assertTrue(s.validate().isEmpty());
        assertTrue(s.validationProperty().get().contains("release"), s.validationProperty().get());
        s.releaseProperty().set(DIR.resolve("release.csv"));
        assertTrue(s.validate().isPresent());
        assertEquals("", s.validationProperty().get());
        // linkability without source B, inference without a secret: named before any run
        s.linkabilityProperty().set(true);
        EvaluationSettingsViewModel.select(s.auxA(), List.of("age"));
        assertTrue(s.validate().isEmpty());
        assertTrue(s.validationProperty().get().contains("source B"), s.validationProperty().get());
        s.linkabilityProperty().set(false);
        s.inferenceProperty().set(true);
        assertTrue(s.validate().isEmpty());
        assertTrue(s.validationProperty().get().contains("secret"), s.validationProperty().get());
        // a value the request's builder refuses is reported in its words
        s.inferenceProperty().set(false);
        s.univariateProperty().set(false);
        s.multivariateProperty().set(false);
        assertTrue(s.validate().isEmpty());
        assertTrue(s.validationProperty().get().startsWith("No attack is selected"), s.validationProperty().get());
    }

    @Test
    void theTabBuildsTheSameRequestAsTheCommandLine() throws Exception {
        LaneCall<EvaluationRequest> gui = datasheet().toRequest();
        EvaluationOptions o = new EvaluationOptions();
        new CommandLine(o).parseArgs("--original", DIR.resolve("original.csv").toString(), "--release",
                DIR.resolve("release.csv").toString(), "--control", DIR.resolve("control.csv").toString(),
                "--aux-a", "age,gender,home_area,device", "--aux-b",
                "tariff,monthly_spend,data_gb,calls_per_month,tenure_months", "--secret", "monthly_spend", "--aux",
                "age,gender,home_area,tariff,device");
        LaneCall<? extends org.releaseauditor.service.LaneRequest> cli = o.build(null);
        assertEquals(cli.request().toJson(), gui.request().toJson());
        assertEquals(cli.inputs(), gui.inputs());
        // unticking a column names the used columns; a secret ticked as known is not sent as known
        EvaluationSettingsViewModel v = datasheet();
        v.usedColumns().get(5).selectedProperty().set(false);
        v.known().get(6).selectedProperty().set(true);
        EvaluationRequest r = v.toRequest().request();
        assertEquals(9, r.columns().size());
        assertFalse(r.columns().contains("segment"));
        assertFalse(r.inferenceAux().contains("monthly_spend"));
        assertEquals(List.of(), datasheet().toRequest().request().columns(), "all ticked: every column");
    }

    @Test
    void rowsShowTheRatesAndResidualRisksWithTheirIntervals() {
        List<AttackRow> rows = EvaluationDashboardViewModel.rows(withControl, Locale.ENGLISH);
        assertEquals(List.of("singlingOut.univariate", "singlingOut.multivariate", "linkability", "inference"),
                rows.stream().map(AttackRow::key).toList());
        AttackRow link = rows.get(2);
        // datasheet: 54 of 500 linked, 0 on the control set; residual risk 10.8 % (8.0 - 13.5 %)
        assertEquals("54 / 500", link.successes());
        assertEquals("10.8\u00a0% (8.0\u201313.5)", link.residualRisk());
        assertEquals("0.4\u00a0% (0.0\u20130.8)", link.controlRate());
        assertEquals(withControl.linkability().residualRisk().value(), link.residual());
        assertTrue(link.reading().startsWith("An attacker who knows age, gender, home_area, device"), link.reading());
        assertEquals("Linkability", link.name());
        List<AttackRow> de = EvaluationDashboardViewModel.rows(withControl, Locale.GERMAN);
        assertEquals("10,8\u00a0% (8,0\u201313,5)", de.get(2).residualRisk());
        assertTrue(de.get(2).reading().startsWith("Ein Angreifer"), de.get(2).reading());
        // without a control set: no residual risk, and the note says why
        AttackRow noControl = EvaluationDashboardViewModel.rows(withoutControl, Locale.ENGLISH).get(2);
        assertEquals("\u2013", noControl.residualRisk());
        assertTrue(Double.isNaN(noControl.residual()));
        assertTrue(EvaluationDashboardViewModel.notes(withoutControl, Locale.ENGLISH).get(0)
                .startsWith("No control set was given"));
    }

    @Test
    void cardsAreColouredByTheVerdictOfTheExamplePolicyWithItsLimitOfFivePercent() {
        List<CardData> cards = EvaluationDashboardViewModel.cards(withControl, withControlVerdict);
        // univariate 4.5 % (interval up to 11.7 %): warn; multivariate 11.5 %, linkability 10.8 %, inference 9.6 %: fail
        assertEquals(List.of(Status.WARN, Status.FAIL, Status.FAIL, Status.FAIL),
                cards.stream().map(CardData::status).toList());
        assertEquals("10.8\u00a0%", cards.get(2).value());
        assertEquals("evalCard-linkability", cards.get(2).id());
        for (CardData c : EvaluationDashboardViewModel.cards(withoutControl, withoutControlVerdict)) {
            assertEquals(Status.NEUTRAL, c.status(), "no residual risk without a control set");
        }
        // the colour is the verdict's: without a policy nothing is green or red
        for (CardData c : EvaluationDashboardViewModel.cards(withControl, null)) {
            assertEquals(Status.NEUTRAL, c.status(), c.id());
        }
        assertTrue(cards.get(2).explanation().contains(withControlVerdict
                .findingFor("linkability.residualRisk.value").orElseThrow().sentence()), cards.get(2).explanation());
    }

    @Test
    void chartDataHoldsTheThreeRatesWithTheHalfWidthsOfTheirIntervals() {
        DefaultStatisticalCategoryDataset d = EvaluationDashboardViewModel.chartData(withControl, Locale.ENGLISH);
        assertEquals(List.of("Original", "Control set", "Random guessing"), d.getRowKeys());
        assertEquals(4, d.getColumnCount());
        AttackResult link = withControl.linkability();
        String cat = "Linkability";
        assertEquals(link.attackRate().value(), d.getMeanValue("Original", cat).doubleValue(), 0);
        assertEquals(link.attackRate().error(), d.getStdDevValue("Original", cat).doubleValue(), 1e-15);
        assertEquals(link.controlRate().value(), d.getMeanValue("Control set", cat).doubleValue(), 0);
        assertEquals(link.baselineRate().value(), d.getMeanValue("Random guessing", cat).doubleValue(), 0);
        assertEquals(List.of("Original", "Random guessing"),
                EvaluationDashboardViewModel.chartData(withoutControl, Locale.ENGLISH).getRowKeys());
    }
}

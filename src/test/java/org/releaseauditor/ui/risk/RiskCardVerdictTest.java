package org.releaseauditor.ui.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.microdata.MicrodataLane;
import org.releaseauditor.service.policy.VerdictService;
import org.releaseauditor.ui.charts.SummaryCard;
import org.releaseauditor.ui.charts.SummaryCard.Status;
import org.releaseauditor.ui.fx.Debouncer;
import org.releaseauditor.ui.fx.ManualTaskRunner;
import org.releaseauditor.ui.main.LoadedDataset;

/**
 * Issue 13: the microdata cards take PASS/WARN/FAIL from the verdict of the policy (default
 * arx-defaults: prosecutor highest <= 0.2, recordsAtRisk <= 5 %, successRate <= 5 %), never from a
 * threshold in the GUI; metrics the policy does not judge are neutral.
 */
class RiskCardVerdictTest {
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
    }

    /**
     * age,sex on 6 rows: classes {30,m}x3, {30,f}x2, {40,m}x1 (by hand). Prosecutor: highest risk
     * 1/1 = 1 > 0.2 (FAIL); every record's risk (1/3, 1/2, 1) exceeds 0.2, so recordsAtRisk = 100 %
     * (FAIL); success rate = classes / records = 3/6 = 50 % > 5 % (FAIL: the old GUI showed it
     * orange). k = 1 is not judged by arx-defaults: neutral (the old GUI made it red by itself).
     */
    private MicrodataAnalysis analyse() throws Exception {
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
        return vm.analysisProperty().get();
    }

    private CardData card(List<CardData> cards, String id) {
        return cards.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theDashboardsCardsAreColouredByTheDefaultPolicysVerdict() throws Exception {
        analyse();
        Verdict v = vm.verdictProperty().get();
        assertNotNull(v, "a complete result is judged");
        assertEquals("arx-defaults", v.policy().id());
        List<CardData> cards = vm.cards();
        assertEquals(0.5, vm.analysisProperty().get().result().prosecutor().successRate(), 1e-12);
        assertEquals(Status.FAIL, card(cards, "cardSuccess").status());
        assertEquals(Status.FAIL, card(cards, "cardAtRisk").status());
        assertEquals(Status.FAIL, card(cards, "cardHighest").status());
        assertEquals(Status.NEUTRAL, card(cards, "cardK").status(), "k is not judged by arx-defaults");
        assertEquals(Status.NEUTRAL, card(cards, "cardUniques").status());
        for (String[] c : new String[][] {{"cardSuccess", "prosecutor.successRate"},
                {"cardAtRisk", "prosecutor.recordsAtRisk"}, {"cardHighest", "prosecutor.highest"}, {"cardK", "k"}}) {
            assertEquals(SummaryCard.of(v.statusOf(c[1])), card(cards, c[0]).status(), c[0]);
        }
    }

    @Test
    void withoutAPolicyNothingIsGreenOrRed() throws Exception {
        analyse();
        vm.policyProperty().set(null);
        assertTrue(vm.cards().stream().allMatch(c -> c.status() == Status.NEUTRAL), vm.cards().toString());
    }

    @Test
    void aHandMadeSuccessRateOf999PerMilleUnderProsecutorIsFail() throws Exception {
        MicrodataAnalysis a = analyse();
        PolicyProfile arx = new VerdictService().defaultPolicy("microdata").orElseThrow();
        // hand-made result: only the three judged numbers; 99.9 % > 5 % fails, 0.1 <= 0.2 and 0 <= 5 % pass
        Verdict v = new VerdictService().verdict(arx, "{\"lane\":\"microdata\",\"schemaVersion\":1,"
                + "\"prosecutor\":{\"successRate\":0.999,\"highest\":0.1,\"recordsAtRisk\":0.0}}", Locale.ENGLISH);
        List<CardData> cards = RiskDashboardViewModel.cards(a, AttackerType.PROSECUTOR, v);
        assertEquals(Status.FAIL, card(cards, "cardSuccess").status());
        assertEquals(Status.PASS, card(cards, "cardHighest").status());
        assertEquals(Status.PASS, card(cards, "cardAtRisk").status());
        // the journalist's numbers are not judged by arx-defaults: neutral, not the prosecutor's colours
        List<CardData> journalist = RiskDashboardViewModel.cards(a, AttackerType.JOURNALIST, v);
        assertEquals(Status.NEUTRAL, card(journalist, "cardSuccess").status());
    }

    @Test
    void cardTooltipsComeFromTheMetricCatalogueAndTheVerdictsSentence() throws Exception {
        analyse();
        Verdict v = vm.verdictProperty().get();
        var entry = org.releaseauditor.core.catalogue.MetricCatalogue.standard().describe("microdata",
                "prosecutor.successRate", Locale.ENGLISH);
        String tip = card(vm.cards(), "cardSuccess").explanation();
        assertTrue(tip.startsWith(entry.text() + " " + entry.read()), tip);
        String sentence = v.findingFor("prosecutor.successRate").orElseThrow().sentence();
        assertTrue(tip.endsWith("\n" + sentence), tip);
        assertTrue(sentence.contains("50 %") && sentence.contains("5 %"), sentence);
        // a card the policy does not judge: the catalogue's words only
        var k = org.releaseauditor.core.catalogue.MetricCatalogue.standard().describe("microdata", "k", Locale.ENGLISH);
        assertEquals(k.text() + " " + k.read(), card(vm.cards(), "cardK").explanation());
    }
}

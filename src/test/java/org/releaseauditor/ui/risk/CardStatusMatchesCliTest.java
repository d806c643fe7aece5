package org.releaseauditor.ui.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.releaseauditor.cli.ReleaseAuditorCli;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.microdata.MicrodataLane;
import org.releaseauditor.service.policy.PolicyService;
import org.releaseauditor.ui.charts.SummaryCard.Status;
import org.releaseauditor.ui.fx.Debouncer;
import org.releaseauditor.ui.fx.ManualTaskRunner;
import org.releaseauditor.ui.main.LoadedDataset;

/**
 * Issue 13, across front ends: for the same data and the same policy, the state of a dashboard
 * card equals the status word that {@code analyze microdata --policy P} prints for the card's
 * metric ("  [FAIL] … (k >= 5)"), and a card whose metric the CLI does not list is neutral. Both
 * come from the one verdict; this test fails when either front end starts judging on its own.
 */
class CardStatusMatchesCliTest {
    /** The cards of the prosecutor view and the metric each one shows. */
    private static final Map<String, String> CARD_METRIC = new LinkedHashMap<>();

    static {
        CARD_METRIC.put("cardK", "k");
        CARD_METRIC.put("cardUniques", "sampleUniqueness");
        CARD_METRIC.put("cardAtRisk", "prosecutor.recordsAtRisk");
        CARD_METRIC.put("cardHighest", "prosecutor.highest");
        CARD_METRIC.put("cardSuccess", "prosecutor.successRate");
    }

    private static final Pattern FINDING = Pattern.compile("^\\s+\\[(PASS|WARN|FAIL)] .* \\((\\S+) (?:<=|>=|<|>|==) [^)]+\\)$");

    @TempDir
    Path dir;

    /** The 6-row file of RiskCardVerdictTest plus 5 rows of {50,f}: classes of 3, 2, 1 and 5. */
    private Path data() throws Exception {
        Path f = dir.resolve("patients.csv");
        StringBuilder sb = new StringBuilder("age,sex,zip,diagnosis\n30,m,10115,flu\n30,m,10115,cold\n30,m,10117,flu\n"
                + "30,f,10115,asthma\n30,f,10115,flu\n40,m,10117,cold\n");
        for (int i = 0; i < 5; i++) {
            sb.append("50,f,10119,flu\n");
        }
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"arx-defaults", "public-release-clinical", "min-group-5",
        "src/test/resources/policies/strict-k-10.json", "src/test/resources/policies/lenient-k-1.json"})
    void theDashboardCardAndTheCliTextSayTheSameState(String policy) throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        Path f = data();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ReleaseAuditorCli.run(new PrintWriter(out), new PrintWriter(err), "analyze", "microdata", "--data",
                f.toString(), "--qi", "age,sex", "--sensitive", "diagnosis", "--policy", policy, "-q");
        Map<String, String> cli = new HashMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher m = FINDING.matcher(line);
            if (m.matches()) {
                cli.put(m.group(2), m.group(1));
            }
        }
        assertFalse(cli.isEmpty(), "the CLI printed the policy's findings (exit " + code + "):\n" + out + err);

        ManualTaskRunner runner = ManualTaskRunner.manual();
        RiskDashboardViewModel vm = new RiskDashboardViewModel(new MicrodataLane(), runner, Debouncer.immediate(),
                new AttackerModelViewModel());
        var ds = new DatasetService().loadInput(DatasetRef.of(f), ImportOptions.defaults(), ProgressMonitor.none())
                .data();
        vm.attackerModel().presetProperty().set(AttackerPreset.builtIn().stream()
                .filter(p -> p.id().equals("prosecutor")).findFirst().orElseThrow());
        vm.datasetProperty().set(new LoadedDataset(f, ds, Map.of("age", AttributeRole.QUASI_IDENTIFIER, "sex",
                AttributeRole.QUASI_IDENTIFIER, "zip", AttributeRole.INSENSITIVE, "diagnosis",
                AttributeRole.SENSITIVE)));
        runner.last().runToEnd();
        vm.policyProperty().set(new PolicyService().load(policy));
        int compared = 0;
        for (Map.Entry<String, String> e : CARD_METRIC.entrySet()) {
            Status card = vm.cards().stream().filter(c -> c.id().equals(e.getKey())).findFirst().orElseThrow().status();
            String word = cli.get(e.getValue());
            assertEquals(word == null ? Status.NEUTRAL : Status.valueOf(word), card,
                    e.getKey() + " (" + e.getValue() + ") under " + policy + "; CLI: " + cli);
            compared += word == null ? 0 : 1;
        }
        assertEquals(cli.size(), compared, "every metric the CLI judged has its card: " + cli);
    }

    @Test
    void theFixtureJudgesEveryState() throws Exception {
        // by hand: classes 3, 2, 1, 5 of 11 records: k = 1 (min-group-5 FAIL), highest 1 > 0.09 (clinical FAIL),
        // 1 unique of 11 > 0 (clinical WARN); lenient-k-1 passes k >= 1 and highest <= 1 (PASS); cards whose
        // metric a policy does not read stay neutral: the policies above cover FAIL, WARN, PASS and not judged
        Messages.setLocale(Locale.ENGLISH);
        StringWriter out = new StringWriter();
        ReleaseAuditorCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "analyze", "microdata",
                "--data", data().toString(), "--qi", "age,sex", "--policy", "public-release-clinical", "-q");
        String text = out.toString();
        assertFalse(!text.contains("[FAIL]") || !text.contains("[WARN]"), text);
        StringWriter lenient = new StringWriter();
        ReleaseAuditorCli.run(new PrintWriter(lenient), new PrintWriter(new StringWriter()), "analyze", "microdata",
                "--data", data().toString(), "--qi", "age,sex", "--policy",
                "src/test/resources/policies/lenient-k-1.json", "-q");
        assertFalse(!lenient.toString().contains("[PASS]") || lenient.toString().contains("[FAIL]"), lenient.toString());
    }
}

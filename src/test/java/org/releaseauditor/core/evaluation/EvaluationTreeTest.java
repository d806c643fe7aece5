package org.releaseauditor.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.releaseauditor.audit.PolicyJson;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.policy.FindingStatus;
import org.releaseauditor.core.policy.PolicyEvaluation;
import org.releaseauditor.core.policy.PolicyEvaluator;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.CsvImporter;
import org.releaseauditor.service.policy.ResultMetrics;

/** The JSON shape of issue 16, item 8, and the built-in policy read through it. */
class EvaluationTreeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static EvaluationResult sample(boolean control) throws Exception {
        CsvImporter csv = new CsvImporter();
        Path dir = SampleDatasetTest.DIR;
        EvaluationData d = EvaluationData.align(
                csv.read(dir.resolve("original.csv"), ImportOptions.defaults(), ProgressMonitor.none()),
                csv.read(dir.resolve("release.csv"), ImportOptions.defaults(), ProgressMonitor.none()),
                control ? csv.read(dir.resolve("control.csv"), ImportOptions.defaults(), ProgressMonitor.none()) : null,
                List.of());
        return ReleaseEvaluator.evaluate(d, SampleDatasetTest.demoConfig(), ProgressMonitor.none());
    }

    @Test
    void everyAttackHasTheFieldsPipelinesAndPoliciesRead() throws Exception {
        JsonNode json = MAPPER.valueToTree(EvaluationTree.of(sample(true), Locale.ENGLISH));
        for (String path : List.of("/singlingOut/univariate", "/singlingOut/multivariate", "/linkability",
                "/inference")) {
            JsonNode a = json.at(path);
            assertTrue(a.path("attacks").isInt(), path);
            for (String rate : List.of("attackRate", "controlRate", "baselineRate", "residualRisk")) {
                for (String f : List.of("value", "low", "high")) {
                    assertTrue(a.path(rate).path(f).isNumber(), path + "/" + rate + "/" + f);
                }
                double v = a.path(rate).path("value").asDouble();
                assertTrue(a.path(rate).path("low").asDouble() <= v && v <= a.path(rate).path("high").asDouble());
            }
            assertTrue(a.path("reading").asText().startsWith("An attacker who knows"), path);
        }
        assertEquals("evaluation.reading.linkability.control", json.at("/linkability/readingKey").asText());
        assertEquals(10.8, json.at("/linkability/readingArgs/0").asDouble(), 1e-9);
        assertEquals(500, json.at("/linkability/attacks").asInt());
        assertEquals(54, json.at("/linkability/successes").asInt());
        assertEquals(0, json.at("/linkability/controlRate/successes").asInt());
        assertEquals("monthly_spend", json.at("/inference/setup/secret").asText());
        assertEquals(2000, json.at("/controlRows").asInt());
        assertEquals(json.at("/singlingOut/multivariate/residualRisk/value").asDouble(),
                json.at("/highestResidualRisk").asDouble());

        Map<String, Double> metrics = ResultMetrics.flatten(json);
        assertTrue(metrics.containsKey("singlingOut.univariate.residualRisk.value"));
        PolicyEvaluation e = PolicyEvaluator.evaluate(PolicyJson.builtIn("evaluation-residual-risk"), metrics,
                Locale.ENGLISH);
        assertEquals(FindingStatus.FAIL, e.overall());
        // one rule pair per attack: univariate 4.5 % passes, multivariate, linkability and inference fail
        assertEquals("singlingOut.univariate.residualRisk.value", e.findings().get(0).metricKey());
        assertEquals(FindingStatus.PASS, e.findings().get(0).status());
        assertEquals(FindingStatus.FAIL, e.findings().get(2).status(), "multivariate singling out exceeds 5 %");
        assertEquals(FindingStatus.FAIL, e.findings().get(4).status(), "linkability exceeds 5 %");
        assertEquals(FindingStatus.FAIL, e.findings().get(6).status(), "inference exceeds 5 %");
    }

    @Test
    void withoutControlTheControlFieldsAreNullAndThePolicyCannotPass() throws Exception {
        JsonNode json = MAPPER.valueToTree(EvaluationTree.of(sample(false), Locale.GERMAN));
        assertTrue(json.at("/linkability/controlRate").isNull());
        assertTrue(json.at("/linkability/residualRisk").isNull());
        assertTrue(json.at("/controlRows").isNull());
        assertTrue(json.at("/highestResidualRisk").isNull());
        assertEquals("evaluation.note.noControl", json.at("/notes/0/key").asText());
        assertTrue(json.at("/notes/0/text").asText().contains("Kontrollmenge"));
        PolicyEvaluation e = PolicyEvaluator.evaluate(PolicyJson.builtIn("evaluation-residual-risk"),
                ResultMetrics.flatten(json), Locale.ENGLISH);
        assertEquals(FindingStatus.WARN, e.overall());
    }
}

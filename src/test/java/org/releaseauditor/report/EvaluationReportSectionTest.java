package org.releaseauditor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.cases.CaseService;
import org.releaseauditor.service.cases.ReportService;

/**
 * The evaluation section of the report: per attack the three rates and the residual risk with their
 * intervals, the reading and the notes in the report's language, rebuilt from what the case stored.
 * Input: the golden result of the bundled sample (src/test/resources/golden/evaluation.json, the
 * datasheet configuration), whose numbers the datasheet quotes.
 */
class EvaluationReportSectionTest {
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "evaluation.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode golden() throws Exception {
        return JSON.readTree(GOLDEN.toFile());
    }

    @Test
    void theSectionHoldsEveryAttackWithItsIntervalsInTheReportsLanguage() throws Exception {
        JsonNode json = golden();
        EvaluationReportSection.Model de = EvaluationReportSection.of(json, Locale.GERMAN);
        assertEquals(4, de.attacks().size());
        assertEquals(2000, de.controlRows());
        EvaluationReportSection.Attack link = de.attacks().get(2);
        assertEquals("linkability", link.path());
        assertEquals("Verkn\u00fcpfbarkeit", link.name());
        assertEquals(json.at("/linkability/residualRisk/value").asDouble(), link.residual().value());
        assertEquals(json.at("/linkability/controlRate/high").asDouble(), link.control().high());
        assertEquals(Boolean.TRUE, link.measurable());
        assertEquals("54", link.successes());
        // the reading is rebuilt from its key and arguments in German, not the stored English text
        assertTrue(link.reading().startsWith("Ein Angreifer, der aus einer Quelle age, gender, home_area, device"),
                link.reading());
        assertTrue(link.reading().contains("10,8 %"), link.reading());
        assertEquals(Boolean.FALSE, de.attacks().get(0).measurable(), "univariate: the interval includes zero");
        assertTrue(link.setup().contains("ihren n\u00e4chsten Datensatz"), link.setup());

        StringBuilder sb = new StringBuilder();
        EvaluationReportSection.write(sb, de, Locale.GERMAN);
        String html = sb.toString();
        // datasheet: linkability 11.1 % on the original, 0.4 % on the control set, residual 10.8 % (8.0 - 13.5 %)
        assertTrue(html.contains("<td class=\"num\">11,1 % (8,4 \u2013 13,8 %)</td>"), html);
        assertTrue(html.contains("<b>10,8 % (8,0 \u2013 13,5 %)</b>"), html);
        assertTrue(html.contains("<td class=\"num\">4,5 % (0,0 \u2013 11,7 %)</td>"), "not measurable: not bold");
        assertTrue(html.contains("data:image/png;base64,"), "the chart of the rates");
        assertTrue(html.contains("95-%-Konfidenzintervall"), html);

        EvaluationReportSection.Model en = EvaluationReportSection.of(json, Locale.ENGLISH);
        assertEquals(json.at("/linkability/reading").asText(), en.attacks().get(2).reading(),
                "in English the rebuilt reading equals the stored one");
    }

    @Test
    void withoutAControlSetTheResidualRiskIsNotMeasured() throws Exception {
        ObjectNode json = (ObjectNode) golden();
        ObjectNode inf = (ObjectNode) json.get("inference");
        inf.putNull("controlRate");
        inf.putNull("residualRisk");
        json.putNull("controlRows");
        EvaluationReportSection.Model m = EvaluationReportSection.of(json, Locale.ENGLISH);
        assertNull(m.controlRows());
        assertNull(m.attacks().get(3).residual());
        assertNull(m.attacks().get(3).measurable());
        StringBuilder sb = new StringBuilder();
        EvaluationReportSection.write(sb, m, Locale.ENGLISH);
        assertTrue(sb.toString().contains("not measured (no control set)"));
    }

    @Test
    void notesRecordedWithoutArgumentsKeepTheirStoredText() throws Exception {
        ObjectNode json = (ObjectNode) golden();
        ObjectNode note = json.putArray("notes").addObject();
        note.put("key", "evaluation.note.attacksClamped");
        note.put("text", "500 attacks were requested, but the original has only 100 rows: every row was attacked once.");
        ObjectNode withArgs = ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("notes")).addObject();
        withArgs.put("key", "evaluation.note.attacksClamped");
        withArgs.putArray("args").add(500).add(100);
        withArgs.put("text", "ignored");
        List<String> notes = EvaluationReportSection.of(json, Locale.GERMAN).notes();
        assertEquals(note.get("text").asText(), notes.get(0));
        assertTrue(notes.get(1).startsWith("500 Angriffe"), notes.get(1));
    }

    @Test
    void otherLanesHaveNoSectionAndTheGenericListLeavesOutTheAttacks() throws Exception {
        assertNull(EvaluationReportSection.of(JSON.readTree("{\"lane\":\"microdata\",\"k\":1}"), Locale.ENGLISH));
        JsonNode rest = EvaluationReportSection.withoutAttacks(golden());
        assertFalse(rest.has("linkability") || rest.has("singlingOut") || rest.has("inference") || rest.has("notes"));
        assertTrue(rest.has("highestResidualRisk") && rest.has("inputs"));
    }

    @Test
    void aCaseReportShowsTheSectionInHtmlAndPdf() throws Exception {
        Path rcase = dir.resolve("r.rcase");
        try (CaseService cs = CaseService.create(rcase, new CaseInfo("Synthetic release", "", "", "A", Instant.now()),
                LaneRegistry.global())) {
            cs.recordRun("evaluation", "{}", JSON.writeValueAsString(golden()), List.of());
            cs.evaluatePolicy(1, "evaluation-residual-risk");
            String html = new ReportService().html(cs, Locale.ENGLISH, false, null, ProgressMonitor.none());
            assertTrue(html.contains("Attacks on the people the release was made from"), html);
            assertTrue(html.contains("<b>10.8 % (8.0 \u2013 13.5 %)</b>"), html);
            assertTrue(html.contains("Residual risk of linkability") && html.contains("Residual risk of inference"),
                    "the policy findings name each attack");
            assertFalse(html.contains("<td class=\"mono\">linkability.attackRate.value</td>"),
                    "the attacks are not listed twice");
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            PdfReportWriter.write(html, pdf);
            assertTrue(pdf.size() > 10_000);
        }
    }
}

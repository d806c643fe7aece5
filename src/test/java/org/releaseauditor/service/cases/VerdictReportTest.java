package org.releaseauditor.service.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * The report of the demo case opens on its verdict page (issue 13, items 2 and 7): the verdict
 * first in HTML and PDF, the findings as sentences with their numbers, the decision and the
 * chain head with the verify command; no JSON for attacker models and policies; the pair matrix
 * headed by QI names; long lists as CSV attachments; at most 30 PDF pages.
 *
 * <p>With {@code -Dscreenshots=true} the PDF's first page is also rendered to
 * {@code src/docs/images/verdict-page.png} (the README's picture).
 */
class VerdictReportTest {

    @TempDir
    static Path dir;
    static Path caseFile;
    static String html;
    static Path pdf;

    @BeforeAll
    static void demo() throws Exception {
        caseFile = dir.resolve("demo.rcase");
        DemoCaseService.DemoCase d = new DemoCaseService().create(DemoCaseServiceTest.SAMPLES, caseFile,
                ProgressMonitor.none());
        html = Files.readString(d.report());
        pdf = dir.resolve("demo.pdf");
        new ReportService().export(caseFile, ReportFormat.PDF, pdf, Locale.ENGLISH, false, null,
                ProgressMonitor.none());
    }

    @Test
    void theHtmlOpensOnTheVerdictPage() {
        int verdict = html.indexOf("Verdict: " + DemoCaseService.TITLE);
        int appendix = html.indexOf("Appendix: every number");
        assertTrue(verdict > 0 && appendix > verdict, "verdict page before the appendix");
        String page = html.substring(verdict, appendix);
        // the demo's decision in force rejects the footfall slice and the events: both FAIL
        assertTrue(page.contains("Result: FAIL"), page);
        assertTrue(page.contains("footfall_withheld_2025-03-03_07-09.csv"), page);
        assertTrue(Pattern.compile("Exposed withheld cells is \\d+; the policy requires exactly 0\\.").matcher(page)
                .find(), page);
        assertTrue(Pattern.compile("Unicity with 4 known points is \\d+(\\.\\d+)? %; the policy requires at most "
                + "10 %\\.").matcher(page).find(), page);
        assertTrue(page.contains("Reject (#3)") && page.contains("Decided by") && page.contains("Reviewed by"), page);
        assertTrue(page.contains("release-auditor verify demo.rcase"), page);
        assertTrue(Pattern.compile("[0-9a-f]{64}").matcher(page).find(), "chain head and output hashes");
        assertTrue(page.contains("Minimum cell 10") && page.contains("version 1.0"), page);
    }

    @Test
    void theCaseVerdictIsTheReleaseOfTheDecisionInForceAndJudgesEveryRun() throws Exception {
        try (CaseService cs = CaseService.open(caseFile, true, org.releaseauditor.service.LaneRegistry.global())) {
            CaseVerdictService.CaseVerdict v = new CaseVerdictService().verdict(cs, Locale.ENGLISH);
            // the rejection in force rests on runs 3 (aggregates) and 4 (trajectories), both FAIL
            assertEquals(List.of(3L, 4L), v.release().runs().stream().map(r -> r.runId()).toList());
            assertEquals(List.of(1L, 2L), v.release().otherRuns());
            assertEquals(org.releaseauditor.core.verdict.ReleaseResult.FAIL, v.release().result());
            assertEquals(2, v.release().failures().size());
            // the superseded approval's runs are judged too: raw k = 1 fails, the remediated copy's k = 5 passes
            assertEquals(4, v.allRuns().size());
            assertEquals(org.releaseauditor.core.verdict.VerdictStatus.FAIL, v.run(1).orElseThrow().statusOf("k"));
            assertEquals(org.releaseauditor.core.verdict.VerdictStatus.PASS, v.run(2).orElseThrow().statusOf("k"));
            assertEquals(org.releaseauditor.core.casefile.DecisionOutcome.REJECT,
                    v.decision().orElseThrow().decision().outcome());
            // recomputed verdicts agree with the stored findings: no note
            assertTrue(v.allRuns().stream().allMatch(r -> r.notes().isEmpty()), v.allRuns().toString());
        }
    }

    @Test
    void attackerModelsAndPoliciesAreWordsNotJson() {
        assertFalse(html.contains("{&quot;model&quot;") || html.contains("{\"model\""), "attacker model as JSON");
        assertFalse(html.contains("&quot;rules&quot;"), "policy as JSON");
        assertTrue(html.contains("Prosecutor attacker who knows age, gender, postcode_area."), "attacker sentence");
        assertTrue(html.contains("Group size (k)") || html.contains("k (")
                || html.contains("min-group-5"), "policy rules in a table");
    }

    @Test
    void numbersAJudgedRuleReadsCarryTheirStateEvenOutsideTheRelease() {
        // run 1 (raw customers, k = 1) belongs to the superseded approval, not to the release in force;
        // its k is still judged by the min-group-5 evaluation stored for it
        assertTrue(html.contains("k (smallest class)<br/><span class=\"path\">k</span></td><td class=\"num st-FAIL\">"
                + "1 <span class=\"tag FAIL\">FAIL</span>"), "k of run 1 marked FAIL");
        assertTrue(html.contains("k (smallest class)<br/><span class=\"path\">k</span></td><td class=\"num st-PASS\">"
                + "5 <span class=\"tag PASS\">PASS</span>"), "k of run 2 (the remediated copy, k = 5) marked PASS");
        // a number no rule reads is not coloured
        assertTrue(html.contains("Equivalence classes<br/><span class=\"path\">classes</span></td><td class=\"num\">"),
                "classes not judged");
    }

    @Test
    void thePairMatrixIsHeadedByTheQuasiIdentifiers() {
        Matcher m = Pattern.compile("pairUniqueness\\.shares</span></h3>.*?<table>\\s*<tr>(.*?)</tr>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(m.find(), "pair matrix table");
        assertEquals("<th></th><th>age</th><th>gender</th><th>postcode_area</th>", m.group(1).strip());
    }

    @Test
    void longListsAreCsvAttachmentsWithoutRecordValues() throws Exception {
        Matcher m = Pattern.compile("download=\"([^\"]+\\.csv)\" href=\"data:text/csv;charset=utf-8;base64,([^\"]+)\"")
                .matcher(html);
        Map<String, String> files = new java.util.LinkedHashMap<>();
        while (m.find()) {
            files.put(m.group(1), new String(Base64.getDecoder().decode(m.group(2)), StandardCharsets.UTF_8));
        }
        assertTrue(files.containsKey("run3-audit.csv"), files.keySet().toString());
        String audit = files.get("run3-audit.csv");
        assertTrue(audit.startsWith("table,index,cell,") && audit.split("\r\n").length > 100, audit.substring(0, 80));
        // pseudonyms of the trajectory sample never appear, not even inside an attachment
        Set<String> pseudonyms = new HashSet<>();
        try (var lines = Files.lines(DemoCaseServiceTest.SAMPLES.resolve("trajectories/events_pseudonymised.csv"))) {
            lines.skip(1).forEach(l -> pseudonyms.add(l.substring(0, l.indexOf(','))));
        }
        for (String csv : files.values()) {
            for (String p : pseudonyms) {
                assertFalse(csv.contains(p), "pseudonym in an attachment");
            }
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
            Map<String, PDComplexFileSpecification> embedded = names.getEmbeddedFiles().getNames();
            assertEquals(files.keySet(), embedded.keySet());
            byte[] bytes = embedded.get("run3-audit.csv").getEmbeddedFile().toByteArray();
            assertEquals(audit, new String(bytes, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theDemoPdfHasAtMostThirtyPagesAndOpensOnTheVerdict() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertTrue(doc.getNumberOfPages() <= 30, doc.getNumberOfPages() + " pages");
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(1);
            s.setEndPage(1);
            String first = s.getText(doc).replaceAll("\\s+", " ");
            for (String want : List.of("Verdict: ", "Result: FAIL", "Findings that warn or fail (2)", "Decision",
                    "Head of the hash chain", "release-auditor verify demo.rcase")) {
                assertTrue(first.contains(want), want + " on page 1: " + first);
            }
            assertFalse(first.contains("Appendix"), "the verdict page stands alone");
            if (Boolean.getBoolean("screenshots")) {
                BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(0, 110, ImageType.RGB);
                Path out = Path.of("src/docs/images/verdict-page.png");
                Files.createDirectories(out.getParent());
                ImageIO.write(img, "png", out.toFile());
            }
        }
    }
}

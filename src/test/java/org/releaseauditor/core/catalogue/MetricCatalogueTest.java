package org.releaseauditor.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.evaluation.EvaluationConfig;
import org.releaseauditor.core.evaluation.EvaluationData;
import org.releaseauditor.core.evaluation.EvaluationTree;
import org.releaseauditor.core.evaluation.ReleaseEvaluator;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.CsvImporter;

/**
 * Every key of every lane's result JSON has a catalogue entry in English and German (issue 13,
 * item 3). The documents walked: the lanes' golden files (src/test/resources/golden, kept equal to
 * the lanes' output by LaneGoldenTest), fuller results made with every option of each lane and the
 * remediation search results (src/test/resources/catalogue), and an evaluation result computed here
 * from the bundled evaluation sample.
 */
class MetricCatalogueTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MetricCatalogue CAT = MetricCatalogue.standard();

    /** Every document to walk, by file name. */
    static Map<String, JsonNode> documents() throws Exception {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        for (String dir : List.of("src/test/resources/golden", "src/test/resources/catalogue")) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    docs.put(f.toString(), JSON.readTree(f.toFile()));
                }
            }
        }
        docs.put("evaluation (computed)", JSON.valueToTree(EvaluationTree.of(evaluation(), Locale.ENGLISH)));
        return docs;
    }

    private static org.releaseauditor.core.evaluation.EvaluationResult evaluation() throws Exception {
        CsvImporter csv = new CsvImporter();
        Path dir = Path.of("sample-datasets", "evaluation");
        EvaluationData d = EvaluationData.align(
                csv.read(dir.resolve("original.csv"), ImportOptions.defaults(), ProgressMonitor.none()),
                csv.read(dir.resolve("release.csv"), ImportOptions.defaults(), ProgressMonitor.none()),
                csv.read(dir.resolve("control.csv"), ImportOptions.defaults(), ProgressMonitor.none()), List.of());
        EvaluationConfig c = new EvaluationConfig(List.of(), 200, 1, 0.95,
                new EvaluationConfig.SinglingOutOptions(true, true, 3, 1_000_000),
                new EvaluationConfig.LinkabilityOptions(List.of("age", "gender", "home_area", "device"),
                        List.of("tariff", "monthly_spend", "data_gb", "calls_per_month", "tenure_months"), 1),
                new EvaluationConfig.InferenceOptions(List.of("age", "gender", "home_area", "tariff", "device"),
                        "monthly_spend", 0.05));
        return ReleaseEvaluator.evaluate(d, c, ProgressMonitor.none());
    }

    /** A key of a document and whether its value is a number (or an array or matrix of numbers). */
    record Key(String path, boolean numeric) {
    }

    /**
     * Walks a document: every object field and every element of an array of objects is a key; an
     * array of scalars or of scalar arrays (a list, a histogram, a matrix) is one key, not walked
     * into.
     */
    static List<Key> keys(JsonNode node) {
        List<Key> out = new ArrayList<>();
        walk(node, "", out);
        return out;
    }

    private static void walk(JsonNode node, String path, List<Key> out) {
        if (!path.isEmpty()) {
            out.add(new Key(path, numeric(node)));
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (node.isArray() && !flat(node)) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "." + i, out);
            }
        }
    }

    /** An array of scalars or of arrays of scalars. */
    static boolean flat(JsonNode array) {
        for (JsonNode c : array) {
            if (c.isObject()) {
                return false;
            }
            if (c.isArray()) {
                for (JsonNode x : c) {
                    if (x.isContainerNode()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean numeric(JsonNode n) {
        if (n.isNumber()) {
            return true;
        }
        if (n.isArray() && n.size() > 0 && flat(n)) {
            boolean any = false;
            for (JsonNode c : n) {
                if (c.isArray()) {
                    for (JsonNode x : c) {
                        if (!x.isNumber() && !x.isNull()) {
                            return false;
                        }
                        any |= x.isNumber();
                    }
                } else if (!c.isNumber() && !c.isNull()) {
                    return false;
                } else {
                    any |= c.isNumber();
                }
            }
            return any;
        }
        return false;
    }

    private static String scope(JsonNode doc) {
        String kind = doc.path("kind").asText(null);
        String lane = doc.path("lane").asText(null);
        return lane == null ? kind : MetricCatalogue.scopeOf(kind, lane);
    }

    @Test
    void everyKeyOfEveryResultHasAnEntryInBothLanguages() throws Exception {
        List<String> missing = new ArrayList<>();
        Set<String> scopes = new TreeSet<>();
        int keys = 0;
        for (Map.Entry<String, JsonNode> doc : documents().entrySet()) {
            String scope = scope(doc.getValue());
            scopes.add(scope);
            for (Key k : keys(doc.getValue())) {
                keys++;
                for (Locale l : List.of(Locale.ENGLISH, Locale.GERMAN)) {
                    var e = CAT.find(scope, k.path(), l);
                    if (e.isEmpty()) {
                        missing.add(doc.getKey() + ": " + scope + " " + k.path() + " has no entry");
                        break;
                    }
                    String lang = l.getLanguage();
                    for (String f : List.of("label", "text")) {
                        String v = CAT.rawField(lang, e.get().scope(), e.get().pattern(), f);
                        if (v == null || v.isBlank()) {
                            missing.add(doc.getKey() + ": " + k.path() + " (" + e.get().pattern() + ") has no "
                                    + lang + " " + f);
                        }
                    }
                    if (k.numeric() && !e.get().isMetric() && !identifierOrSetting(e.get().pattern())) {
                        missing.add(doc.getKey() + ": " + k.path() + " is a number but " + e.get().pattern()
                                + " has no unit");
                    }
                }
            }
        }
        assertEquals(List.of(), missing.stream().distinct().toList());
        assertTrue(keys > 1000, "the documents hold " + keys + " keys");
        assertTrue(scopes.containsAll(List.of("microdata", "trajectories", "aggregates", "evaluation",
                "remediation-microdata", "remediation-trajectories", "remediation-aggregates")), scopes.toString());
    }

    @Test
    void everyMetricSaysHowToReadItItsReferenceAndWhenItDoesNotApplyInBothLanguages() {
        List<String> missing = new ArrayList<>();
        for (String scope : CAT.scopes()) {
            for (String pattern : CAT.patterns(scope)) {
                String unit = CAT.rawField("en", scope, pattern, "unit");
                for (String lang : List.of("en", "de")) {
                    for (String f : List.of("label", "text")) {
                        if (blank(CAT.rawField(lang, scope, pattern, f))) {
                            missing.add(lang + " " + scope + "." + pattern + "." + f);
                        }
                    }
                    if (unit != null) {
                        for (String f : List.of("read", "ref", "na")) {
                            if (blank(CAT.rawField(lang, scope, pattern, f))) {
                                missing.add(lang + " " + scope + "." + pattern + "." + f);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void germanHasExactlyTheEnglishKeysButNoUnitsOrNames() throws IOException {
        Properties en = load("metrics.properties");
        Properties de = load("metrics_de.properties");
        Set<String> enText = new TreeSet<>();
        for (String k : en.stringPropertyNames()) {
            if (!k.endsWith(".unit") && !k.endsWith(".name")) {
                enText.add(k);
            }
        }
        assertEquals(enText, new TreeSet<>(de.stringPropertyNames()));
        for (String k : en.stringPropertyNames()) {
            if (k.endsWith(".unit")) {
                assertTrue(Set.of("count", "share", "risk", "number").contains(en.getProperty(k)), k);
            }
        }
    }

    /**
     * Numbers that identify or configure rather than measure: a row index, a schema version, a
     * random seed, a file size, the arguments of a reading, and the settings echoed under
     * {@code config}. They have a label and a sentence but no unit (so no "how to read").
     */
    static boolean identifierOrSetting(String pattern) {
        String last = pattern.substring(pattern.lastIndexOf('.') + 1);
        return Set.of("index", "schemaVersion", "seed", "sizeBytes", "readingArgs").contains(last)
                || pattern.startsWith("config.");
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(Path.of("src/main/resources/org/releaseauditor/catalogue", name))) {
            p.load(r);
        }
        return p;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Test
    void theMostSpecificPatternWinsAndCapturesNameTheSegments() {
        MetricEntry e = CAT.describe("microdata", "lDiversity.disease.distinct", Locale.ENGLISH);
        assertEquals("lDiversity.*.distinct", e.pattern());
        assertEquals(List.of("disease"), e.captures());
        assertEquals("Distinct l (disease)", e.label());
        assertEquals(MetricUnit.COUNT, e.unit());
        // an explicit entry beats the ** family it belongs to
        assertEquals("linkability.residualRisk.value",
                CAT.describe("evaluation", "linkability.residualRisk.value", Locale.ENGLISH).pattern());
        assertEquals("**.residualRisk.raw",
                CAT.describe("evaluation", "linkability.residualRisk.raw", Locale.ENGLISH).pattern());
        // keys every result has come from the common scope
        assertEquals("common", CAT.describe("aggregates", "inputs.table:od.sha256", Locale.ENGLISH).scope());
        // unknown keys get a fallback that says so, never an exception
        MetricEntry unknown = CAT.describe("microdata", "noSuchMetric", Locale.GERMAN);
        assertFalse(unknown.known());
        assertEquals("noSuchMetric", unknown.label());
    }

    @Test
    void sudaContributionsSayWhyTheyAddUpToMoreThanAHundredPercent() {
        for (Locale l : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            String text = CAT.describe("microdata", "suda.variableContributions.0.contribution", l).text();
            assertTrue(text.contains("100 %"), text);
        }
    }

    @Test
    void numbersAreWrittenInTheLanguageOfTheReader() {
        assertEquals("99.9 %", MetricFormat.format(0.999, MetricUnit.SHARE, Locale.ENGLISH));
        assertEquals("99,9 %", MetricFormat.format(0.999, MetricUnit.SHARE, Locale.GERMAN));
        assertEquals("2,602", MetricFormat.format(2602.0, MetricUnit.COUNT, Locale.ENGLISH));
        assertEquals("2.602", MetricFormat.format(2602.0, MetricUnit.COUNT, Locale.GERMAN));
        assertEquals("0.09", MetricFormat.format(0.09, MetricUnit.RISK, Locale.ENGLISH));
        // 1/11 = 0.090909…: four significant digits, German decimal comma
        assertEquals("0,09091", MetricFormat.format(1 / 11.0, MetricUnit.RISK, Locale.GERMAN));
        assertEquals("\u2013", MetricFormat.format(null, MetricUnit.SHARE, Locale.ENGLISH));
        // a measured value that differs from the threshold never reads the same as it
        String[] p = MetricFormat.pair(0.0500001, 0.05, MetricUnit.SHARE, Locale.ENGLISH);
        assertEquals("5 %", p[1]);
        assertTrue(!p[0].equals(p[1]) && p[0].startsWith("5.0000"), p[0]);
        assertEquals("17.21 %", MetricFormat.format(0.1721105527638191, MetricUnit.SHARE, Locale.ENGLISH));
    }
}

package org.releaseauditor.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.verdict.VerdictStatus;

/**
 * Issue 13: "No UI constant decides a colour." A source scan of every class under
 * {@code src/main/java/org/releaseauditor/ui}: a status colour or status style class may only be
 * named in {@link VerdictStyles} (the one verdict-to-colour mapping) and decorative colours only
 * in {@link ChartTheme} (series palette, heatmap scale, ink). Anywhere else it fails on
 * <ul>
 *   <li>a colour literal ({@code "#c62828"}, {@code new Color(…)}, {@code Color.RED},
 *       {@code Color.web("…")} with anything but a {@code ChartTheme}/{@code VerdictStyles} value);</li>
 *   <li>a status style class literal ({@code "fail"}, {@code "verdict-warn"}, {@code "risk-high"} …);</li>
 *   <li>an inline colour style ({@code -fx-background-color}, {@code -fx-text-fill}, {@code -fx-fill},
 *       {@code -fx-border-color}) outside the few files listed below, whose colours come from
 *       ChartTheme or VerdictStyles.</li>
 * </ul>
 */
class VerdictColourRuleTest {
    private static final Path UI = Path.of("src/main/java/org/releaseauditor/ui");
    /** The mapping and the decorative palette: the only places that may name colours. */
    private static final Set<String> COLOUR_HOMES = Set.of("charts/VerdictStyles.java", "charts/ChartTheme.java");
    /**
     * Files that build an inline colour style from ChartTheme/VerdictStyles values (a heatmap
     * cell's computed scale colour, a legend gradient); they may name the CSS property, not a colour.
     */
    private static final Set<String> INLINE_STYLE_OK = Set.of("charts/HeatmapGrid.java",
            "trajectory/TrajectoryDashboardController.java");

    private static final Pattern HEX = Pattern.compile("\"[^\"\\n]*#[0-9a-fA-F]{3,8}\\b[^\"\\n]*\"");
    private static final Pattern NEW_COLOR = Pattern.compile("new\\s+(java\\.awt\\.)?Color\\s*\\(");
    private static final Pattern NAMED_COLOR = Pattern.compile("\\bColor\\.[A-Z][A-Z_]*\\b");
    private static final Pattern COLOR_FACTORY = Pattern.compile(
            "\\bColor\\.(web|rgb|hsb|color|decode|gray|grayRgb)\\s*\\(\\s*(?!ChartTheme\\.|VerdictStyles\\.|[A-Z_]+\\)|hex\\()");
    private static final Pattern STATUS_CLASS = Pattern.compile(
            "\"(pass|warn|fail|neutral|verdict-(pass|warn|fail|neutral)|risk-(low|medium|high)|status-(ok|bad|warn))\"");
    private static final Pattern INLINE_COLOUR = Pattern.compile("-fx-(background-color|text-fill|fill|border-color|stroke)");

    /** The violations in one source text (file name for the message). */
    static List<String> violations(String name, String source) {
        List<String> out = new ArrayList<>();
        boolean home = COLOUR_HOMES.contains(name);
        String code = stripComments(source);
        if (!home) {
            find(out, name, code, HEX, "colour literal");
            find(out, name, code, NEW_COLOR, "new Color(...)");
            find(out, name, code, NAMED_COLOR, "named colour constant");
            find(out, name, code, COLOR_FACTORY, "colour from a literal");
            find(out, name, code, STATUS_CLASS, "status style class literal");
            if (!INLINE_STYLE_OK.contains(name)) {
                find(out, name, code, INLINE_COLOUR, "inline colour style");
            }
        }
        return out;
    }

    private static void find(List<String> out, String name, String code, Pattern p, String what) {
        Matcher m = p.matcher(code);
        while (m.find()) {
            int line = code.substring(0, m.start()).split("\n", -1).length;
            out.add(name + ":" + line + ": " + what + " " + m.group());
        }
    }

    /** Comments may name colours (documentation); code may not. Keeps line numbers. */
    private static String stripComments(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        boolean inString = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (inString) {
                b.append(c);
                if (c == '\\' && i + 1 < s.length()) {
                    b.append(s.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    inString = false;
                }
                i++;
            } else if (c == '"') {
                inString = true;
                b.append(c);
                i++;
            } else if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                for (int k = i; k < end; k++) {
                    if (s.charAt(k) == '\n') {
                        b.append('\n');
                    }
                }
                i = end;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    @Test
    void noUiClassDecidesAColourOutsideTheOneMapping() throws IOException {
        List<String> all = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.walk(UI)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
                files++;
                String name = UI.relativize(p).toString().replace('\\', '/');
                all.addAll(violations(name, Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
        assertTrue(files > 50, "the scan found the ui sources: " + files);
        assertEquals(List.of(), all, "status colours go through ui.charts.VerdictStyles, decorative ones through ChartTheme");
    }

    @Test
    void theScanCatchesWhatItForbids() {
        // the patterns the old code used (HeatmapGrid, AggregateDisplay.color, SummaryCard, TrajectoryCharts)
        String bad = String.join("\n",
                "class X {",
                "  String c = \"#c62828\";",
                "  java.awt.Color a = new java.awt.Color(0x2f, 0x6f, 0xb3);",
                "  Object w = javafx.scene.paint.Color.WHITE;",
                "  Object h = Color.web(\"#fb8c00\");",
                "  void f(Node n) { n.getStyleClass().add(\"fail\"); n.setStyle(\"-fx-background-color: x\"); }",
                "  // a comment may say #c62828 and \"fail\"",
                "}");
        List<String> v = violations("risk/X.java", bad);
        assertEquals(7, v.size(), v.toString()); // Color.web("#fb8c00") is both a literal and a factory call
        assertTrue(v.get(0).startsWith("risk/X.java:2: colour literal"), v.get(0));
        // the same text is allowed in the mapping class
        assertEquals(List.of(), violations("charts/VerdictStyles.java", bad));
        // a colour taken from the palette or the mapping is fine anywhere
        assertEquals(List.of(), violations("risk/Y.java",
                "class Y { Object a = Color.web(ChartTheme.INK); Object b = VerdictStyles.fxColor(s); }"));
    }

    /** The CSS of the status classes and the paints of charts and canvases are the same colours. */
    @Test
    void chartPaintsAndCssClassesAgree() throws IOException {
        String css = Files.readString(Path.of("fxml/css/app.css"), StandardCharsets.UTF_8);
        for (Map.Entry<VerdictStatus, String> e : Map.of(VerdictStatus.PASS, "verdict-pass", VerdictStatus.WARN,
                "verdict-warn", VerdictStatus.FAIL, "verdict-fail", VerdictStatus.NOT_JUDGED, "verdict-neutral")
                .entrySet()) {
            assertEquals(e.getValue(), VerdictStyles.styleClass(e.getKey()));
            Matcher m = Pattern.compile("\\.card\\." + e.getValue() + " \\{ -fx-border-color: (#[0-9a-f]{6})").matcher(css);
            assertTrue(m.find(), "app.css styles .card." + e.getValue());
            assertEquals(VerdictStyles.hex(e.getKey()), m.group(1), e.getValue());
        }
        // NOT_JUDGED is neutral: never the colour of PASS or FAIL
        assertTrue(!VerdictStyles.hex(VerdictStatus.NOT_JUDGED).equals(VerdictStyles.hex(VerdictStatus.PASS))
                && !VerdictStyles.hex(VerdictStatus.NOT_JUDGED).equals(VerdictStyles.hex(VerdictStatus.FAIL)));
    }
}

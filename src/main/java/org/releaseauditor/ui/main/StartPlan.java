package org.releaseauditor.ui.main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.releaseauditor.ui.fx.UiPreferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the main window shows when the app starts. The start is always coherent: one case, or one
 * dataset, never the demo case's verdict beside another dataset's dashboard (issue 13).
 * <ol>
 * <li>A file on the command line wins: a case file ({@code .rcase}) opens on its Verdict tab,
 *     any other file goes through the import wizard.</li>
 * <li>Otherwise, on the very first start (no preference recorded), the demo case opens on its
 *     Verdict tab with the guided tour.</li>
 * <li>Later starts reopen the case that was open when the app closed (on its Verdict tab), or,
 *     when none was, analyse the bundled adult sample on the Microdata tab.</li>
 * </ol>
 *
 * @param kind     what to do
 * @param file     the case or dataset ({@link Kind#CASE}, {@link Kind#DATASET}), the demo case file
 *                 ({@link Kind#FIRST_START}), or null
 * @param readOnly whether a case opens read-only
 */
public record StartPlan(Kind kind, Path file, boolean readOnly) {
    private static final Logger LOGGER = LoggerFactory.getLogger(StartPlan.class);

    /** What a start does. */
    public enum Kind {
        /** Nothing is loaded (tests). */
        NOTHING,
        /** The bundled adult sample, analysed on the Microdata tab; no case. */
        SAMPLE,
        /** The demo case (built when missing) on its Verdict tab, with the guided tour. */
        FIRST_START,
        /** A case file on its Verdict tab. */
        CASE,
        /** A dataset through the import wizard. */
        DATASET
    }

    /** Nothing is loaded. */
    public static StartPlan nothing() {
        return new StartPlan(Kind.NOTHING, null, false);
    }

    /** The adult sample on the Microdata tab. */
    public static StartPlan sample() {
        return new StartPlan(Kind.SAMPLE, null, false);
    }

    /** The first start with the demo case at {@code demoCase}. */
    public static StartPlan firstStart(Path demoCase) {
        return new StartPlan(Kind.FIRST_START, demoCase, false);
    }

    /**
     * Decides the start.
     *
     * @param args     the app's command-line arguments (after {@code --gui})
     * @param prefs    the user's preferences (first start done? case open at the last close?)
     * @param demoCase where the demo case lives ({@code ~/.release-auditor/demo/demo.rcase})
     */
    public static StartPlan decide(List<String> args, UiPreferences prefs, Path demoCase) {
        for (String a : args == null ? List.<String>of() : args) {
            if (a == null || a.isBlank()) {
                continue;
            }
            if (a.startsWith("-")) {
                LOGGER.warn("Ignoring unknown desktop option {}", a);
                continue;
            }
            Path p = Path.of(a);
            if (!Files.exists(p)) {
                LOGGER.warn("Ignoring {}: no such file", a);
                continue;
            }
            boolean isCase = p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".rcase");
            return new StartPlan(isCase ? Kind.CASE : Kind.DATASET, p.toAbsolutePath().normalize(), false);
        }
        if (!prefs.firstStartDone()) {
            return firstStart(demoCase);
        }
        var last = prefs.lastCase();
        if (last.isPresent() && Files.isRegularFile(last.get())) {
            return new StartPlan(Kind.CASE, last.get(), prefs.lastCaseReadOnly());
        }
        return sample();
    }
}

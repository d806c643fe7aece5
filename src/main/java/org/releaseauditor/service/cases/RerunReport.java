package org.releaseauditor.service.cases;

import java.util.List;

/**
 * The outcome of re-running one recorded run ({@code case rerun}).
 *
 * @param runId       the run
 * @param lane        its lane
 * @param status      what happened
 * @param detail      why the run could not be re-run or an input differs (localised), else empty
 * @param differences the result values that differ (empty when identical); at most
 *                    {@link #MAX_DIFFERENCES} are listed
 * @param totalDifferences how many values differ in all
 */
public record RerunReport(long runId, String lane, Status status, String detail, List<Difference> differences,
        int totalDifferences) {

    /** How many differences a report lists. */
    public static final int MAX_DIFFERENCES = 50;

    /**
     * Result fields that are not compared: {@code inputs.<role>.path} (a moved file is found with
     * {@code --data-dir}; its SHA-256 is compared), and timing or timestamp fields anywhere.
     */
    public static final List<String> IGNORED = List.of("inputs.*.path", "source.path", "*.elapsedMs", "*.durationMs",
            "*.timings", "*.generatedAt", "*.computedAt", "*.timestamp");

    /** What a rerun found. */
    public enum Status {
        /** Every compared value is the same. */
        IDENTICAL,
        /** The analysis ran on the same bytes and gave other values. */
        DIFFERENT,
        /** An input file is missing or its bytes are not the recorded ones: nothing was re-run. */
        INPUT_CHANGED,
        /** The run cannot be re-run (recorded before requests were stored, unknown lane, no inputs). */
        NOT_RERUNNABLE
    }

    /**
     * One value that differs.
     *
     * @param path     JSON path, e.g. {@code prosecutor.highest} or {@code unicity[3].fraction}
     * @param recorded the recorded value as JSON text ({@code (absent)} when missing)
     * @param rerun    the new value as JSON text ({@code (absent)} when missing)
     */
    public record Difference(String path, String recorded, String rerun) {
    }

    public RerunReport {
        differences = List.copyOf(differences);
    }
}

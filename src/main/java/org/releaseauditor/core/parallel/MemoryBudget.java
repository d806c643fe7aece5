package org.releaseauditor.core.parallel;

import java.util.Locale;
import org.releaseauditor.core.error.ResourceLimitException;

/**
 * Checks before a large piece of work that the Java heap can hold it, so that a run stops at once
 * with a clear message naming the {@code -Xmx} to use, instead of failing with an
 * {@link OutOfMemoryError} minutes later. Estimates are per row and per column (see the constants)
 * and err on the low side: a run that passes may still run out of memory, which the command line
 * and the GUI then report with the same advice.
 */
public final class MemoryBudget {

    /** Fixed overhead assumed for any import (buffers, dictionaries of small columns). */
    public static final long IMPORT_BASE = 8L << 20;
    /** Per column of an import: dictionary, builders and header (matters for very wide files). */
    public static final long IMPORT_PER_COLUMN = 2L << 10;
    /**
     * Per row of the analyses that follow an import: the grouping's class id a row (4 bytes) and,
     * while classes are numbered, 16 bytes a class (as many classes as rows at worst); the
     * grouping's scratch is taken in batches that fit what is left.
     */
    public static final long ANALYSIS_PER_ROW = 20;
    /** Per row while grouping: as {@link #ANALYSIS_PER_ROW}, the columns being in memory already. */
    public static final long GROUPING_PER_ROW = 20;

    private MemoryBudget() {
    }

    /** Bytes the heap can still take: the maximum heap less what is in use now. */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * Whether {@code bytes} more fit the heap. The quick estimate counts garbage not yet collected
     * as used; only when it says no does a garbage collection run, and the heap is asked again.
     * For choosing between a faster and a leaner method, where the quick estimate alone made the
     * choice depend on when the collector last ran.
     */
    public static boolean fits(long bytes) {
        if (bytes <= available()) {
            return true;
        }
        System.gc(); // only when the cheap estimate says no: the heap may hold garbage
        return bytes <= available();
    }

    /** The maximum heap (-Xmx) in bytes. */
    public static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * Fails when {@code bytes} more will not fit the heap (after a garbage collection, which
     * runs only when the quick check fails).
     *
     * @param what    what needs the memory, for the message (for example "Reading data.csv")
     * @param bytes   estimated bytes needed beyond what is in use now
     * @param rows    rows of the data, for the message
     * @param columns columns of the data, for the message
     * @throws ResourceLimitException with the heap size to use
     */
    public static void require(String what, long bytes, long rows, long columns) throws ResourceLimitException {
        if (fits(bytes)) {
            return;
        }
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        throw new ResourceLimitException("error.memory.insufficient", what, size(bytes), rows, columns,
                size(maxHeap()), suggestedHeap(used + bytes));
    }

    /** The -Xmx value to suggest for a need: 1.5 times it, rounded up to whole gigabytes (at least 1g). */
    public static String suggestedHeap(long bytes) {
        long gb = Math.max(1, (long) Math.ceil(bytes * 1.5 / (1L << 30)));
        return gb + "g";
    }

    /** Bytes as "512 MB" or "3.9 GB". */
    public static String size(long bytes) {
        if (bytes < (1L << 30)) {
            return Math.max(1, Math.round(bytes / (double) (1L << 20))) + " MB";
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }
}

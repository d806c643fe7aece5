package org.releaseauditor.core.risk;

import java.util.Arrays;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnCodes;
import org.releaseauditor.core.parallel.Workers;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * l-diversity (distinct, entropy, recursive (c,l)) and t-closeness (equal or ordered Earth
 * Mover's Distance) of one sensitive attribute over the equivalence classes of a partition.
 * MISSING and SUPPRESSED are values of their own here; in the ordered distance they rank after
 * every real value.
 */
final class SensitiveAnalysis {

    private SensitiveAnalysis() {
    }

    record Outcome(MicrodataResult.LDiversityResult lDiversity, MicrodataResult.TClosenessResult tCloseness) {
    }

    /**
     * Largest code span (values + missing + suppressed) for which the cells of a class are found by
     * walking the class's short list of cells; wider columns are grouped by hash instead.
     */
    static final int LIST_MAX_SPAN = 18;

    /** The (class, value) cells, numbered by first row: class, shifted code and rows of each. */
    static final class Cells {
        int count;
        int[] cls;
        int[] code;
        int[] size;

        private Cells(int capacity) {
            cls = new int[capacity];
            code = new int[capacity];
            size = new int[capacity];
        }

        /**
         * One pass over the rows: each class keeps the list of its cells (at most the column's span
         * long), and a value seen for the first time in its class opens a new cell.
         */
        static Cells listed(int[] classOf, ColumnCodes codes, int classes, ProgressMonitor monitor) {
            return listed(classOf, codes, 0, classes, monitor);
        }

        /** As above, for the classes [lo, hi) only: their cells, numbered by first row. */
        static Cells listed(int[] classOf, ColumnCodes codes, int lo, int hi, ProgressMonitor monitor) {
            int rows = classOf.length;
            int classes = hi - lo;
            Cells out = new Cells(Math.max(16, classes + (classes >>> 3)));
            int[] head = new int[classes];
            Arrays.fill(head, -1);
            int[] next = new int[out.cls.length];
            int[] shifted = new int[ProgressMonitor.CHECK_INTERVAL];
            for (int from = 0; from < rows; from += ProgressMonitor.CHECK_INTERVAL) {
                monitor.checkCancelled();
                int to = Math.min(rows, from + ProgressMonitor.CHECK_INTERVAL);
                codes.shifted(from, to, shifted, 0);
                for (int r = from; r < to; r++) {
                    int k = classOf[r] - lo;
                    if (k < 0 || k >= classes) { // excluded rows (-1), or classes outside the range
                        continue;
                    }
                    int v = shifted[r - from];
                    int c = head[k];
                    int last = -1;
                    while (c >= 0 && out.code[c] != v) {
                        last = c;
                        c = next[c];
                    }
                    if (c < 0) {
                        c = out.count++;
                        if (c == out.cls.length) {
                            int cap = c + (c >>> 1) + 16;
                            out.cls = Arrays.copyOf(out.cls, cap);
                            out.code = Arrays.copyOf(out.code, cap);
                            out.size = Arrays.copyOf(out.size, cap);
                            next = Arrays.copyOf(next, cap);
                        }
                        out.cls[c] = k + lo;
                        out.code[c] = v;
                        next[c] = -1;
                        if (last < 0) {
                            head[k] = c;
                        } else {
                            next[last] = c;
                        }
                    }
                    out.size[c]++;
                }
            }
            return out;
        }

        /** The partition refined by the column (grouping by hash), for columns of many values. */
        static Cells refined(Partition partition, Column column, int[] classOf, ProgressMonitor monitor,
                Workers workers) {
            Partition refined = partition.refine(column, monitor, workers);
            int cells = refined.classCount();
            Cells out = new Cells(0);
            out.count = cells;
            out.size = refined.sizes();
            out.cls = new int[cells];
            out.code = new int[cells];
            int[] cellOf = refined.classIds();
            int seen = 0;
            for (int r = 0; r < classOf.length && seen < cells; r++) {
                int cell = cellOf[r];
                if (cell == seen) { // cells are numbered by first row
                    out.cls[cell] = classOf[r];
                    out.code[cell] = column.compactCodes().shifted(r);
                    seen++;
                }
            }
            return out;
        }
    }

    static Outcome analyze(Column column, boolean ordered, Partition partition, int[] firstRow, double c,
                           ProgressMonitor monitor) {
        return analyze(column, ordered, partition, firstRow, c, monitor, Workers.defaults());
    }

    /** As above, on the given workers (the result does not depend on them). */
    static Outcome analyze(Column column, boolean ordered, Partition partition, int[] firstRow, double c,
                           ProgressMonitor monitor, Workers workers) {
        int rows = partition.rowCount();
        int classes = partition.classCount();
        int[] classOf = partition.classIds();
        ColumnCodes codes = column.compactCodes();
        int card = column.cardinality();
        int span = card + 2;

        // global value counts (over classified rows) -> q
        long[] global = new long[span];
        long n = 0;
        int[] shifted = new int[ProgressMonitor.CHECK_INTERVAL];
        for (int from = 0; from < rows; from += shifted.length) {
            int to = Math.min(rows, from + shifted.length);
            codes.shifted(from, to, shifted, 0);
            for (int r = from; r < to; r++) {
                if (classOf[r] >= 0) {
                    global[shifted[r - from]]++;
                    n++;
                }
            }
        }
        // (class, value) cells, numbered by their first row: a wide column refines the partition
        // (by hash) once; a narrow one is walked per range of classes, each range on its own core
        Cells wide = span <= LIST_MAX_SPAN ? null : Cells.refined(partition, column, classOf, monitor, workers);
        ByClass wideByClass = wide == null ? null : ByClass.of(wide, 0, classes);

        // ordered distance: compressed ranks of the values present
        int[] rankOf = new int[span];
        int m = 0;
        double[] qCum = new double[0];
        double[] qPrefix = new double[0];
        if (ordered) {
            int[] dictRanks = column.ranks();
            long[] packed = new long[span];
            int present = 0;
            for (int code = 0; code < span; code++) {
                if (global[code] > 0) {
                    // real values by their rank; MISSING (code 1) and SUPPRESSED (code 0) last
                    long rank = code >= 2 ? dictRanks[code - 2] : (long) card + (code == 1 ? 0 : 1);
                    packed[present++] = (rank << 32) | code;
                }
            }
            Arrays.sort(packed, 0, present);
            m = present;
            qCum = new double[m];
            qPrefix = new double[m + 1];
            double acc = 0;
            for (int i = 0; i < m; i++) {
                int code = (int) (packed[i] & 0xFFFFFFFFL);
                rankOf[code] = i;
                acc += (double) global[code] / n;
                qCum[i] = acc;
                qPrefix[i + 1] = qPrefix[i] + acc;
            }
        }

        // classes in chunks on every core; chunk results are merged in class order with the same
        // comparisons, so the first class wins ties exactly as in one pass
        int chunks = wide != null ? workers.tasks(classes, 1 << 15)
                : Math.min(workers.tasks(classes, 1 << 15), Math.max(1, 4 * workers.parallelism()));
        SensitiveExtremes[] parts = new SensitiveExtremes[chunks];
        int[] sizes = partition.sizes();
        int mRanks = m;
        double[] qc = qCum;
        double[] qp = qPrefix;
        long records = n;
        workers.forEach(chunks, t -> {
            int lo = (int) ((long) classes * t / chunks);
            int hi = (int) ((long) classes * (t + 1) / chunks);
            Cells cells = wide != null ? wide : Cells.listed(classOf, codes, lo, hi, monitor);
            ByClass byClass = wide != null ? wideByClass : ByClass.of(cells, lo, hi);
            parts[t] = classes(lo, hi, byClass, cells.size, cells.code, global, records, sizes, rankOf, ordered, c,
                    qc, qp, mRanks, monitor);
        });
        SensitiveExtremes x = new SensitiveExtremes();
        for (SensitiveExtremes part : parts) {
            x.merge(part);
        }
        int minDistinct = x.minDistinct;
        double minEntropy = x.minEntropy;
        int minRecursive = x.minRecursive;
        double maxDistance = x.maxDistance;
        int worstDistinctClass = x.worstDistinctClass;
        int worstDistanceClass = x.worstDistanceClass;
        if (classes == 0) {
            return new Outcome(
                    new MicrodataResult.LDiversityResult(column.name(), 0, 0.0, c, 0, null),
                    new MicrodataResult.TClosenessResult(column.name(), 0.0, ordered ? "ordered" : "equal", null));
        }
        MicrodataResult.ClassSummary worstL = new MicrodataResult.ClassSummary(sizes[worstDistinctClass],
                firstRow[worstDistinctClass]);
        MicrodataResult.ClassSummary worstT = new MicrodataResult.ClassSummary(sizes[worstDistanceClass],
                firstRow[worstDistanceClass]);
        return new Outcome(
                new MicrodataResult.LDiversityResult(column.name(), minDistinct, minEntropy, c, minRecursive, worstL),
                new MicrodataResult.TClosenessResult(column.name(), Math.min(1.0, maxDistance),
                        ordered ? "ordered" : "equal", worstT));
    }

    /**
     * The cells of the classes [lo, hi) grouped by class (a stable counting sort, so each class
     * keeps its cells in first-row order): class j's cells are {@code order[start[j - lo] ..
     * start[j - lo + 1])}.
     */
    record ByClass(int lo, int[] start, int[] order) {
        static ByClass of(Cells cells, int lo, int hi) {
            int n = cells.count;
            int[] start = new int[hi - lo + 1];
            for (int i = 0; i < n; i++) {
                start[cells.cls[i] - lo + 1]++;
            }
            for (int j = 0; j < hi - lo; j++) {
                start[j + 1] += start[j];
            }
            int[] order = new int[n];
            int[] fill = Arrays.copyOf(start, hi - lo);
            for (int i = 0; i < n; i++) {
                order[fill[cells.cls[i] - lo]++] = i;
            }
            return new ByClass(lo, start, order);
        }
    }

    /** l-diversity and t-closeness extremes of classes [lo, hi). */
    private static SensitiveExtremes classes(int lo, int hi, ByClass byClass, int[] cellCount, int[] cellCode,
            long[] global, long n, int[] sizes, int[] rankOf, boolean ordered, double c, double[] qCum,
            double[] qPrefix, int m, ProgressMonitor monitor) {
        SensitiveExtremes x = new SensitiveExtremes();
        int[] start = byClass.start();
        int[] order = byClass.order();
        int base = byClass.lo();
        int[] scratch = new int[16];
        long[] packedScratch = new long[16];
        for (int j = lo; j < hi; j++) {
            if ((j & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
            }
            int from = start[j - base];
            int d = start[j - base + 1] - from;
            double f = sizes[j];
            if (scratch.length < d) {
                scratch = new int[Math.max(d, scratch.length * 2)];
                packedScratch = new long[scratch.length];
            }
            double entropy = 0;
            double equal = 0;
            double qInClass = 0;
            for (int i = 0; i < d; i++) {
                int cell = order[from + i];
                int cnt = cellCount[cell];
                double p = cnt / f;
                entropy -= p * Math.log(p);
                double qv = (double) global[cellCode[cell]] / n;
                equal += Math.abs(p - qv);
                qInClass += qv;
                scratch[i] = cnt;
                if (ordered) {
                    packedScratch[i] = ((long) rankOf[cellCode[cell]] << 32) | cnt;
                }
            }
            double expH = Math.exp(entropy);
            // recursive (c,l): largest l with r1 < c * (r_l + ... + r_d)
            Arrays.sort(scratch, 0, d); // ascending: r_i = scratch[d - i]
            int r1 = scratch[d - 1];
            int lj = 0;
            long tail = 0;
            for (int l = d; l >= 1; l--) {
                tail += scratch[d - l];
                if (r1 < c * tail) {
                    lj = l;
                    break;
                }
            }
            double distance;
            if (ordered) {
                distance = m <= 1 ? 0.0 : orderedDistance(packedScratch, d, f, qCum, qPrefix, m) / (m - 1);
            } else {
                distance = 0.5 * (equal + Math.max(0.0, 1.0 - qInClass));
            }
            // the EMD lies in [0, 1]; prefix-sum differences can leave it at -5.6e-17 (found by jqwik)
            distance = Math.min(1.0, Math.max(0.0, distance));
            x.add(j, d, expH, lj, distance);
        }
        return x;
    }

    /**
     * Σ_k |P_k − Q_k| over all m ranks, where P is the class's cumulative distribution (constant
     * between its own values) and Q the table's (non-decreasing, so each constant run splits at
     * one point found by binary search).
     */
    private static double orderedDistance(long[] packed, int d, double f, double[] qCum, double[] qPrefix, int m) {
        Arrays.sort(packed, 0, d);
        double sum = 0;
        double pCum = 0;
        int lo = 0;
        for (int i = 0; i <= d; i++) {
            int hi = i < d ? (int) (packed[i] >>> 32) - 1 : m - 1;
            if (hi >= lo) {
                sum += runDistance(pCum, lo, hi, qCum, qPrefix);
            }
            if (i < d) {
                pCum += (packed[i] & 0xFFFFFFFFL) / f;
                lo = hi + 1;
            }
        }
        return sum;
    }

    /** Σ_{k=lo}^{hi} |p − Q_k| for non-decreasing Q. */
    private static double runDistance(double p, int lo, int hi, double[] qCum, double[] qPrefix) {
        int a = lo;
        int b = hi + 1;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (qCum[mid] <= p) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        int split = a; // first index with Q > p
        double below = p * (split - lo) - (qPrefix[split] - qPrefix[lo]);
        double above = (qPrefix[hi + 1] - qPrefix[split]) - p * (hi + 1 - split);
        return below + above;
    }
}

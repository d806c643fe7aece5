package org.releaseauditor.core.remediation.microdata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Column;

/**
 * One quasi-identifier's hierarchy bound to its column, as integer codes. Level-0 codes are
 * hierarchy rows (leaves); each level has dense codes for its distinct labels. Everything the
 * loss measures need per level is precomputed here: the number of leaves under each label (ARX's
 * domain share times D), the records per label, the generalisation part of the non-uniform
 * entropy, and the data-independent part of the loss lower bound.
 *
 * <p>Missing values and {@code *} in the column use the hierarchy's row for the empty string or
 * {@code *} when it has one. Otherwise they get a leaf of their own: a missing value stays missing
 * on every level except a top level with a single label (such as {@code *}), where it takes that
 * label; a {@code *} stays {@code *}. Such extra leaves count in the domain size.
 */
final class QiCoding {

    final String name;
    final GeneralizationHierarchy hierarchy;
    final int height;
    /** Domain size D: hierarchy rows plus extra leaves for missing values and {@code *}. */
    final int domain;
    /** Column code + 2 → level-0 code (row). */
    final int[] bottomOfColumnCode;
    /** up[l][row] = code at level l. */
    final int[][] up;
    final int[] cardinality;
    /** labels[l][code]; null stands for a missing value. */
    final String[][] labels;
    /** leavesUnder[l][code]: hierarchy rows whose level-l label is this code. */
    final long[][] leavesUnder;
    /** step[a][b]: level-a code → level-b code for a &lt; b, or null when the hierarchy is not functional there. */
    final int[][][] step;
    /** star[l][code]: the label is {@code *} (the importer reads it as a suppressed value). */
    final boolean[][] star;
    /** Records per level-0 code (all rows, including suppressed ones). */
    final long[] rowCount;
    /** −Σ_v a_v·log2(a_v / b_{g(v)}) per level (ARX MetricMDNUEntropyPrecomputed). */
    final double[] entropy;
    /** Σ over all records of the leaves under their level-l label, per level. */
    final long[] leafSum;

    private QiCoding(String name, GeneralizationHierarchy hierarchy, int domain, int[] bottomOfColumnCode, int[][] up,
                     String[][] labels, long[] rowCount) {
        this.name = name;
        this.hierarchy = hierarchy;
        this.height = up.length - 1;
        this.domain = domain;
        this.bottomOfColumnCode = bottomOfColumnCode;
        this.up = up;
        this.labels = labels;
        this.rowCount = rowCount;
        int levels = up.length;
        cardinality = new int[levels];
        leavesUnder = new long[levels][];
        star = new boolean[levels][];
        for (int l = 0; l < levels; l++) {
            cardinality[l] = labels[l].length;
            leavesUnder[l] = new long[cardinality[l]];
            for (int r = 0; r < domain; r++) {
                leavesUnder[l][up[l][r]]++;
            }
            star[l] = new boolean[cardinality[l]];
            for (int c = 0; c < cardinality[l]; c++) {
                star[l][c] = HierarchyBuilder.TOP.equals(labels[l][c]);
            }
        }
        step = new int[levels][levels][];
        for (int a = 0; a < levels; a++) {
            for (int b = a; b < levels; b++) {
                step[a][b] = functionalMap(a, b);
            }
        }
        entropy = new double[levels];
        leafSum = new long[levels];
        for (int l = 0; l < levels; l++) {
            long[] b = new long[cardinality[l]];
            for (int r = 0; r < domain; r++) {
                b[up[l][r]] += rowCount[r];
            }
            double e = 0;
            long s = 0;
            for (int r = 0; r < domain; r++) {
                long a = rowCount[r];
                if (a > 0) {
                    e += a * log2((double) a / b[up[l][r]]);
                    s += a * leavesUnder[l][up[l][r]];
                }
            }
            entropy[l] = e == 0 ? 0 : -e;
            leafSum[l] = s;
        }
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private int[] functionalMap(int a, int b) {
        int[] map = new int[cardinality[a]];
        java.util.Arrays.fill(map, -1);
        for (int r = 0; r < domain; r++) {
            int ca = up[a][r];
            int cb = up[b][r];
            if (map[ca] < 0) {
                map[ca] = cb;
            } else if (map[ca] != cb) {
                return null;
            }
        }
        return map;
    }

    /** Whether a level-a class table can be rolled up to level b in this dimension. */
    boolean rollable(int a, int b) {
        return a <= b && step[a][b] != null;
    }

    /**
     * Binds {@code hierarchy} to {@code column}.
     *
     * @throws ConfigurationException when column values are missing from the hierarchy
     */
    static QiCoding bind(Column column, GeneralizationHierarchy hierarchy) throws ConfigurationException {
        String[] dict = column.dictionary();
        int rows = column.size();
        int[] codes = column.codes();
        boolean hasMissing = false;
        boolean hasStar = false;
        long[] perCode = new long[dict.length + 2];
        for (int r = 0; r < rows; r++) {
            perCode[codes[r] + 2]++;
        }
        hasStar = perCode[0] > 0;
        hasMissing = perCode[1] > 0;
        int levels = hierarchy.levels();
        List<String[]> leafRows = hierarchy.rows();
        int[] bottom = new int[dict.length + 2];
        java.util.Arrays.fill(bottom, -1);
        int unknown = 0;
        int firstUnknown = -1;
        for (int c = 0; c < dict.length; c++) {
            if (perCode[c + 2] == 0) {
                continue;
            }
            int row = hierarchy.rowOf(dict[c]);
            if (row < 0) {
                unknown++;
                if (firstUnknown < 0) {
                    firstUnknown = c;
                }
            }
            bottom[c + 2] = row;
        }
        if (unknown > 0) {
            int firstRow = 0;
            for (int r = 0; r < rows; r++) {
                if (codes[r] == firstUnknown) {
                    firstRow = r;
                    break;
                }
            }
            throw new ConfigurationException("remediation.hierarchy.valueMissing", column.name(), hierarchy.source(),
                    unknown, firstRow + 1);
        }
        String top = singleTop(leafRows, levels);
        if (hasMissing) {
            int row = hierarchy.rowOf("");
            if (row < 0) {
                String[] extra = new String[levels];
                for (int l = 0; l < levels; l++) {
                    extra[l] = l == levels - 1 && levels > 1 && top != null ? top : null;
                }
                leafRows.add(extra);
                row = leafRows.size() - 1;
            }
            bottom[1] = row;
        }
        if (hasStar) {
            int row = hierarchy.rowOf(HierarchyBuilder.TOP);
            if (row < 0) {
                String[] extra = new String[levels];
                java.util.Arrays.fill(extra, HierarchyBuilder.TOP);
                leafRows.add(extra);
                row = leafRows.size() - 1;
            }
            bottom[0] = row;
        }
        int domain = leafRows.size();
        int[][] up = new int[levels][domain];
        String[][] labels = new String[levels][];
        for (int l = 0; l < levels; l++) {
            Map<String, Integer> index = new HashMap<>();
            List<String> names = new ArrayList<>();
            int nullCode = -1;
            for (int r = 0; r < domain; r++) {
                String v = leafRows.get(r)[l];
                int code;
                if (v == null) {
                    if (nullCode < 0) {
                        nullCode = names.size();
                        names.add(null);
                    }
                    code = nullCode;
                } else {
                    Integer c = index.get(v);
                    if (c == null) {
                        c = names.size();
                        index.put(v, c);
                        names.add(v);
                    }
                    code = c;
                }
                up[l][r] = code;
            }
            labels[l] = names.toArray(new String[0]);
        }
        long[] rowCount = new long[domain];
        for (int c = 0; c < perCode.length; c++) {
            if (perCode[c] > 0) {
                rowCount[bottom[c]] += perCode[c];
            }
        }
        return new QiCoding(column.name(), hierarchy, domain, bottom, up, labels, rowCount);
    }

    private static String singleTop(List<String[]> rows, int levels) {
        String top = rows.get(0)[levels - 1];
        for (String[] r : rows) {
            if (!top.equals(r[levels - 1])) {
                return null;
            }
        }
        return top;
    }
}

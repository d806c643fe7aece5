package org.releaseauditor.core.evaluation;

import java.util.Arrays;

/**
 * Counts how many rows of one table satisfy a {@link Predicate}, up to a cap. Built once per
 * table: per categorical column an inverted index (code → rows), per numeric column the rows
 * sorted by value. A condition's count is then a lookup or two binary searches; a conjunction
 * enumerates the rows of its most selective condition and checks the others on them, stopping as
 * soon as the cap is reached. Deciding whether a predicate singles out (count = 1) thus costs the
 * size of its most selective condition at most, not a scan of the table.
 */
final class PredicateCounter {

    private final Table table;
    private final int rows;
    // categorical: slot = code + 1, slot 0 = missing
    private final int[][] catOffsets;
    private final int[][] catRows;
    // numeric: non-missing values ascending, their rows, and the rows with a missing value
    private final double[][] sortedValues;
    private final int[][] sortedRows;
    private final int[][] missingRows;

    PredicateCounter(Table table, int[] cardinality) {
        this.table = table;
        this.rows = table.rows;
        int m = cardinality.length;
        catOffsets = new int[m][];
        catRows = new int[m][];
        sortedValues = new double[m][];
        sortedRows = new int[m][];
        missingRows = new int[m][];
        for (int j = 0; j < m; j++) {
            if (table.cat[j] != null) {
                indexCategorical(j, cardinality[j]);
            } else {
                indexNumeric(j);
            }
        }
    }

    private void indexCategorical(int j, int card) {
        int[] codes = table.cat[j];
        int[] offsets = new int[card + 2];
        for (int i = 0; i < rows; i++) {
            offsets[codes[i] + 2]++;
        }
        for (int s = 1; s < offsets.length; s++) {
            offsets[s] += offsets[s - 1];
        }
        int[] fill = Arrays.copyOf(offsets, offsets.length);
        int[] list = new int[rows];
        for (int i = 0; i < rows; i++) {
            list[fill[codes[i] + 1]++] = i;
        }
        catOffsets[j] = offsets;
        catRows[j] = list;
    }

    private void indexNumeric(int j) {
        double[] v = table.num[j];
        int present = 0;
        for (int i = 0; i < rows; i++) {
            if (!Double.isNaN(v[i])) {
                present++;
            }
        }
        int[] missing = new int[rows - present];
        int[] presentRows = new int[present];
        int p = 0;
        int q = 0;
        for (int i = 0; i < rows; i++) {
            if (Double.isNaN(v[i])) {
                missing[q++] = i;
            } else {
                presentRows[p++] = i;
            }
        }
        int[] sorted = sortByValue(presentRows, v);
        double[] values = new double[present];
        for (int i = 0; i < present; i++) {
            values[i] = v[sorted[i]];
        }
        sortedValues[j] = values;
        sortedRows[j] = sorted;
        missingRows[j] = missing;
    }

    /** The rows sorted by value, ties by row (a stable merge sort on primitive arrays). */
    static int[] sortByValue(int[] rowsIn, double[] v) {
        int n = rowsIn.length;
        int[] a = rowsIn.clone();
        int[] b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int k = mid;
                int o = lo;
                while (i < mid && k < hi) {
                    b[o++] = v[a[k]] < v[a[i]] ? a[k++] : a[i++];
                }
                while (i < mid) {
                    b[o++] = a[i++];
                }
                while (k < hi) {
                    b[o++] = a[k++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    int rows() {
        return rows;
    }

    /** Number of rows with a missing value in column j. */
    int missing(int j) {
        return table.cat[j] != null ? catOffsets[j][1] : missingRows[j].length;
    }

    /** Number of rows with shared code {@code code} in categorical column j. */
    int countCode(int j, int code) {
        int[] off = catOffsets[j];
        int slot = code + 1;
        return slot + 1 < off.length ? off[slot + 1] - off[slot] : 0;
    }

    /** Distinct non-missing values of numeric column j, ascending. */
    double[] distinctValues(int j) {
        double[] v = sortedValues[j];
        int n = 0;
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            if (i == 0 || v[i] != v[i - 1]) {
                out[n++] = v[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Sorted non-missing values of numeric column j (do not modify). */
    double[] sortedValues(int j) {
        return sortedValues[j];
    }

    /** Rows satisfying one condition. */
    int count(int j, Predicate.Op op, double value) {
        if (op == Predicate.Op.MISSING) {
            return missing(j);
        }
        if (op == Predicate.Op.PRESENT) {
            return rows - missing(j);
        }
        if (table.cat[j] != null) {
            int code = (int) value;
            return switch (op) {
                case EQ -> countCode(j, code);
                case NE -> rows - countCode(j, code);
                default -> throw new IllegalArgumentException(op + " on a categorical column");
            };
        }
        double[] v = sortedValues[j];
        return switch (op) {
            case EQ -> upper(v, value) - lower(v, value);
            case NE -> rows - (upper(v, value) - lower(v, value));
            case LT -> lower(v, value);
            case LE -> upper(v, value);
            case GT -> v.length - upper(v, value);
            case GE -> v.length - lower(v, value);
            default -> throw new IllegalStateException(op.name());
        };
    }

    /** First index with v[i] ≥ x. */
    static int lower(double[] v, double x) {
        int lo = 0;
        int hi = v.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First index with v[i] > x. */
    static int upper(double[] v, double x) {
        int lo = 0;
        int hi = v.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Whether row {@code r} satisfies one condition. */
    boolean holds(int j, Predicate.Op op, double value, int r) {
        if (table.cat[j] != null) {
            int c = table.cat[j][r];
            return switch (op) {
                case MISSING -> c < 0;
                case PRESENT -> c >= 0;
                case EQ -> c == (int) value;
                case NE -> c != (int) value;
                default -> false;
            };
        }
        double x = table.num[j][r];
        return switch (op) {
            case MISSING -> Double.isNaN(x);
            case PRESENT -> !Double.isNaN(x);
            case EQ -> x == value;
            case NE -> !(x == value);
            case LT -> x < value;
            case LE -> x <= value;
            case GT -> x > value;
            case GE -> x >= value;
        };
    }

    /** Whether the predicate matches exactly one row. */
    boolean singlesOut(Predicate p) {
        return countUpTo(p, 2) == 1;
    }

    /** The number of matching rows, or {@code cap} if it is at least {@code cap}. */
    int countUpTo(Predicate p, int cap) {
        int n = p.size();
        int best = -1;
        int bestCount = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            int c = count(p.columns[i], p.ops[i], p.values[i]);
            if (c < bestCount) {
                bestCount = c;
                best = i;
            }
        }
        if (bestCount == 0) {
            return 0;
        }
        if (n == 1) {
            return Math.min(bestCount, cap);
        }
        int j = p.columns[best];
        Predicate.Op op = p.ops[best];
        double value = p.values[best];
        int found = 0;
        if (op == Predicate.Op.MISSING) {
            int[] list = table.cat[j] != null ? catRows[j] : missingRows[j];
            int from = 0;
            int to = table.cat[j] != null ? catOffsets[j][1] : list.length;
            for (int k = from; k < to; k++) {
                if (others(p, best, list[k]) && ++found >= cap) {
                    return cap;
                }
            }
            return found;
        }
        if (table.cat[j] != null && op == Predicate.Op.EQ) {
            int slot = (int) value + 1;
            int[] off = catOffsets[j];
            if (slot + 1 >= off.length) {
                return 0;
            }
            int[] list = catRows[j];
            for (int k = off[slot]; k < off[slot + 1]; k++) {
                if (others(p, best, list[k]) && ++found >= cap) {
                    return cap;
                }
            }
            return found;
        }
        if (table.num[j] != null && op != Predicate.Op.NE && op != Predicate.Op.PRESENT) {
            double[] v = sortedValues[j];
            int from;
            int to;
            switch (op) {
                case EQ -> {
                    from = lower(v, value);
                    to = upper(v, value);
                }
                case LT -> {
                    from = 0;
                    to = lower(v, value);
                }
                case LE -> {
                    from = 0;
                    to = upper(v, value);
                }
                case GT -> {
                    from = upper(v, value);
                    to = v.length;
                }
                default -> { // GE
                    from = lower(v, value);
                    to = v.length;
                }
            }
            int[] list = sortedRows[j];
            for (int k = from; k < to; k++) {
                if (others(p, best, list[k]) && ++found >= cap) {
                    return cap;
                }
            }
            return found;
        }
        // a broad condition (≠, is present) is the most selective one: scan every row
        for (int r = 0; r < rows; r++) {
            if (holds(j, op, value, r) && others(p, best, r) && ++found >= cap) {
                return cap;
            }
        }
        return found;
    }

    private boolean others(Predicate p, int skip, int r) {
        for (int i = 0; i < p.size(); i++) {
            if (i != skip && !holds(p.columns[i], p.ops[i], p.values[i], r)) {
                return false;
            }
        }
        return true;
    }
}

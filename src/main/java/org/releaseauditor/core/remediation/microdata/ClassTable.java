package org.releaseauditor.core.remediation.microdata;

import java.util.Arrays;
import java.util.List;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * The equivalence classes of one lattice node: for each class its code per quasi-identifier (at
 * the node's levels) and its number of records. Built once from the rows for the bottom node;
 * every other node is <em>rolled up</em> from a finer node's table by mapping codes to the coarser
 * level and merging classes that become equal, without touching the rows again.
 * Memory: (q + 1) ints per class. Immutable after construction.
 */
final class ClassTable {

    final int q;
    final int size;
    /** Row-major: class i has codes[i·q … i·q + q − 1]. */
    final int[] codes;
    final int[] counts;

    private ClassTable(int q, int size, int[] codes, int[] counts) {
        this.q = q;
        this.size = size;
        this.codes = codes;
        this.counts = counts;
    }

    /** Approximate heap use in bytes. */
    long bytes() {
        return 32L + 4L * codes.length + 4L * counts.length;
    }

    /**
     * The bottom node's classes. Rows whose quasi-identifiers are all {@code *} are left out (the
     * audit does not count them as a class) and counted in {@code preSuppressed[0]}.
     */
    static ClassTable ofRows(List<Column> columns, QiCoding[] qis, long[] preSuppressed, ProgressMonitor monitor) {
        int q = qis.length;
        int rows = columns.get(0).size();
        int[][] colCodes = new int[q][];
        for (int d = 0; d < q; d++) {
            colCodes[d] = columns.get(d).codes();
        }
        Grouper g = new Grouper(q, Math.min(rows, 1 << 16));
        int[] tuple = new int[q];
        long skipped = 0;
        for (int r = 0; r < rows; r++) {
            if ((r & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
            }
            boolean allStar = true;
            for (int d = 0; d < q; d++) {
                int c = colCodes[d][r];
                allStar &= c == Column.SUPPRESSED;
                tuple[d] = qis[d].bottomOfColumnCode[c + 2];
            }
            if (allStar) {
                skipped++;
                continue;
            }
            g.add(tuple, 0, 1);
        }
        preSuppressed[0] = skipped;
        return g.table();
    }

    /**
     * This table (at levels {@code from}) rolled up to levels {@code to}; every {@code to[d]} must
     * be reachable ({@link QiCoding#rollable}).
     */
    ClassTable rollUp(int[] from, int[] to, QiCoding[] qis, long expected) {
        int[][] maps = new int[q][];
        for (int d = 0; d < q; d++) {
            maps[d] = from[d] == to[d] ? null : qis[d].step[from[d]][to[d]];
        }
        Grouper g = new Grouper(q, (int) Math.max(16, Math.min(size, expected)));
        int[] tuple = new int[q];
        for (int i = 0; i < size; i++) {
            int base = i * q;
            for (int d = 0; d < q; d++) {
                int c = codes[base + d];
                tuple[d] = maps[d] == null ? c : maps[d][c];
            }
            g.add(tuple, 0, counts[i]);
        }
        return g.table();
    }

    /** Groups tuples of q ints with counts: open addressing over the packed code array. */
    static final class Grouper {
        private final int q;
        private int[] codes;
        private int[] counts;
        private int size;
        private int[] slots;
        private int mask;

        Grouper(int q, int expected) {
            this.q = q;
            int cap = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
            slots = new int[cap];
            mask = cap - 1;
            int initial = Math.max(16, Math.min(expected, 1 << 20));
            codes = new int[initial * q];
            counts = new int[initial];
        }

        private static int hash(int[] t, int off, int q) {
            int h = 0x2545F491;
            for (int d = 0; d < q; d++) {
                h = (h ^ t[off + d]) * 0x9E3779B1;
                h ^= h >>> 15;
            }
            h ^= h >>> 13;
            h *= 0x85EBCA6B;
            return h ^ (h >>> 16);
        }

        void add(int[] t, int off, int count) {
            addAt(t, off, count);
        }

        /** Adds a tuple (at offset 0) and returns its class index. */
        int addAndIndex(int[] t, int count) {
            return addAt(t, 0, count);
        }

        private int addAt(int[] t, int off, int count) {
            int i = hash(t, off, q) & mask;
            while (true) {
                int s = slots[i];
                if (s == 0) {
                    append(t, off, count);
                    slots[i] = size;
                    int index = size - 1;
                    if (size * 2 > slots.length) {
                        rehash();
                    }
                    return index;
                }
                int base = (s - 1) * q;
                boolean eq = true;
                for (int d = 0; d < q; d++) {
                    if (codes[base + d] != t[off + d]) {
                        eq = false;
                        break;
                    }
                }
                if (eq) {
                    counts[s - 1] += count;
                    return s - 1;
                }
                i = (i + 1) & mask;
            }
        }

        private void append(int[] t, int off, int count) {
            if (size == counts.length) {
                int n = counts.length * 2;
                counts = Arrays.copyOf(counts, n);
                codes = Arrays.copyOf(codes, n * q);
            }
            System.arraycopy(t, off, codes, size * q, q);
            counts[size] = count;
            size++;
        }

        private void rehash() {
            int cap = slots.length * 2;
            slots = new int[cap];
            mask = cap - 1;
            for (int s = 0; s < size; s++) {
                int i = hash(codes, s * q, q) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = s + 1;
            }
        }

        ClassTable table() {
            return new ClassTable(q, size, Arrays.copyOf(codes, size * q), Arrays.copyOf(counts, size));
        }
    }
}

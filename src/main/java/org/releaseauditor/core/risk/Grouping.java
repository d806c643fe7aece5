package org.releaseauditor.core.risk;

import java.util.Arrays;
import org.releaseauditor.core.parallel.MemoryBudget;
import org.releaseauditor.core.parallel.Workers;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Groups rows by a 63-bit key and numbers the groups in order of their first row; the engine
 * behind {@link Partition}. Keys are computed in blocks by a {@link Keys} source, so no key is
 * stored per row unless the parallel path needs it.
 *
 * <p><b>Sequential</b> (small inputs or one thread): one pass in row order over a direct-address
 * table (small key spaces) or an open-addressing hash table; first seen is first row.
 *
 * <p><b>Parallel</b> (partition by hash, then merge): (1) each row chunk counts its rows per hash
 * partition; (2) each chunk scatters its rows and keys into partition order, so a partition's rows
 * stay ascending; (3) each partition is grouped on its own, with a hash table small enough for the
 * cache, giving local ids in first-row order; (4) the first rows of all groups are marked in a bit
 * set, and a group's global id is the rank of its first row; (5) each partition rewrites its rows'
 * ids. The result is exactly the sequential one: a group's id depends only on its first row.
 *
 * <p>Memory on the parallel path: 12 bytes a row while grouping (row numbers and keys in partition
 * order, in batches of partitions when the heap is short) plus the 4-byte result, and 16 bytes a
 * group while numbering (8 in the result).
 */
final class Grouping {

    /** Inputs smaller than this are grouped on one thread. */
    static final int PARALLEL_MIN_ROWS = 1 << 16;
    /** Rows per key block. */
    static final int BLOCK = 4096;
    /** Largest key space grouped with a direct-address table. */
    static final long DENSE_LIMIT = 1L << 16;
    /** Key of a row that belongs to no group. */
    static final long EXCLUDED = -1L;

    /** Computes the keys (in [0, 2^63)) of rows [from, to) into {@code dst[0 ..]}; excluded rows get {@link #EXCLUDED}. */
    interface Keys {
        void keys(int from, int to, long[] dst);
    }

    /**
     * The groups: per row its id (or -1), per group its size and first row.
     *
     * @param classOf  group of each row, -1 for excluded rows
     * @param sizes    rows per group
     * @param firstRow first row of each group (ascending)
     */
    record Result(int[] classOf, int[] sizes, int[] firstRow) {
    }

    private Grouping() {
    }

    static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        h ^= h >>> 32;
        h *= 0xD6E8FEB86659FD93L;
        return h ^ (h >>> 32);
    }

    /**
     * Groups rows 0..n-1.
     *
     * @param keySpace an upper bound of the keys plus one, or {@link Long#MAX_VALUE} when unknown
     */
    static Result group(int n, Keys keys, long keySpace, Workers workers, ProgressMonitor monitor) {
        return group(n, keys, keySpace, workers, monitor, PARALLEL_MIN_ROWS, DENSE_LIMIT, 0);
    }

    /**
     * As above, with the thresholds of the three paths and the bytes one batch of partitions may
     * take on the parallel path (0: a quarter of the free heap); tests force each path.
     */
    static Result group(int n, Keys keys, long keySpace, Workers workers, ProgressMonitor monitor,
            int parallelMinRows, long denseLimit, long batchBytes) {
        if (keySpace <= denseLimit) {
            return dense(n, keys, (int) keySpace, monitor);
        }
        if (workers.isSequential() || n < parallelMinRows) {
            return sequential(n, keys, monitor);
        }
        return parallel(n, keys, workers, monitor, batchBytes);
    }

    private static Result dense(int n, Keys keys, int space, ProgressMonitor monitor) {
        int[] idOf = new int[space];
        Arrays.fill(idOf, -1);
        int[] classOf = new int[n];
        IntList sizes = new IntList(Math.min(space, 1024));
        IntList first = new IntList(Math.min(space, 1024));
        long[] block = new long[BLOCK];
        for (int from = 0; from < n; from += BLOCK) {
            monitor.checkCancelled();
            int to = Math.min(n, from + BLOCK);
            keys.keys(from, to, block);
            for (int r = from; r < to; r++) {
                long key = block[r - from];
                if (key == EXCLUDED) {
                    classOf[r] = -1;
                    continue;
                }
                int k = (int) key;
                int id = idOf[k];
                if (id < 0) {
                    id = sizes.size;
                    idOf[k] = id;
                    sizes.add(0);
                    first.add(r);
                }
                classOf[r] = id;
                sizes.a[id]++;
            }
        }
        return new Result(classOf, sizes.toArray(), first.toArray());
    }

    private static Result sequential(int n, Keys keys, ProgressMonitor monitor) {
        int[] classOf = new int[n];
        Table table = new Table(Math.min(n, 1 << 16));
        IntList sizes = new IntList(1024);
        IntList first = new IntList(1024);
        long[] block = new long[BLOCK];
        for (int from = 0; from < n; from += BLOCK) {
            monitor.checkCancelled();
            int to = Math.min(n, from + BLOCK);
            keys.keys(from, to, block);
            for (int r = from; r < to; r++) {
                long key = block[r - from];
                if (key == EXCLUDED) {
                    classOf[r] = -1;
                    continue;
                }
                int id = table.getOrPut(key, sizes.size);
                if (id == sizes.size) {
                    sizes.add(0);
                    first.add(r);
                }
                classOf[r] = id;
                sizes.a[id]++;
            }
        }
        return new Result(classOf, sizes.toArray(), first.toArray());
    }

    private static Result parallel(int n, Keys source, Workers workers, ProgressMonitor monitor, long batchBytes) {
        Keys keys = stored(n, source, workers, monitor);
        int chunks = Math.max(2, workers.tasks(n, Math.min(1 << 16, Math.max(1, n / (4 * workers.parallelism())))));
        int parts = Integer.highestOneBit(Math.max(2, Math.min(128, Math.max(2 * chunks, n >>> 15))));
        int shift = 64 - Integer.numberOfTrailingZeros(parts);
        int[] chunkStart = new int[chunks + 1];
        for (int t = 0; t <= chunks; t++) {
            chunkStart[t] = (int) ((long) n * t / chunks);
        }
        // 1. rows per (chunk, partition)
        int[][] count = new int[chunks][parts];
        workers.forEach(chunks, t -> {
            long[] block = new long[BLOCK];
            int[] c = count[t];
            for (int from = chunkStart[t]; from < chunkStart[t + 1]; from += BLOCK) {
                monitor.checkCancelled();
                int to = Math.min(chunkStart[t + 1], from + BLOCK);
                keys.keys(from, to, block);
                for (int i = 0, len = to - from; i < len; i++) {
                    long key = block[i];
                    if (key != EXCLUDED) {
                        c[(int) (mix(key) >>> shift)]++;
                    }
                }
            }
        });
        long[] partRows = new long[parts];
        long classified = 0;
        for (int p = 0; p < parts; p++) {
            for (int t = 0; t < chunks; t++) {
                partRows[p] += count[t][p];
            }
            classified += partRows[p];
        }
        // rows and keys in partition order take 12 bytes a row: in batches of partitions when the
        // heap is short (each batch scatters again; the result is the same)
        long budget = batchBytes > 0 ? batchBytes : Math.max(64L << 20, MemoryBudget.available() / 4);
        int batches = (int) Math.max(1, Math.min(parts, (12 * classified + budget - 1) / budget));
        int[] classOf = new int[n];
        int[][] localFirst = new int[parts][];
        int[][] localSize = new int[parts][];
        long[] firstBits = new long[(n >>> 6) + 1];
        int p0 = 0;
        for (int b = 0; b < batches; b++) {
            long want = (classified * (b + 1) + batches - 1) / batches;
            long upTo = 0;
            for (int p = 0; p < p0; p++) {
                upTo += partRows[p];
            }
            int p1 = p0;
            while (p1 < parts && (p1 == p0 || upTo + partRows[p1] <= want || b == batches - 1)) {
                upTo += partRows[p1++];
            }
            groupBatch(n, keys, workers, monitor, chunks, chunkStart, shift, count, p0, p1, classOf, localFirst,
                    localSize, firstBits, batches == 1);
            p0 = p1;
        }
        // 4. global id = rank of the first row
        int words = firstBits.length;
        int wordChunks = workers.tasks(words, 1 << 14);
        int[] wordRank = new int[words + 1];
        int[] chunkTotal = new int[wordChunks + 1];
        workers.forEach(wordChunks, t -> {
            int from = (int) ((long) words * t / wordChunks);
            int to = (int) ((long) words * (t + 1) / wordChunks);
            int sum = 0;
            for (int w = from; w < to; w++) {
                wordRank[w] = sum;
                sum += Long.bitCount(firstBits[w]);
            }
            chunkTotal[t + 1] = sum;
        });
        for (int t = 0; t < wordChunks; t++) {
            chunkTotal[t + 1] += chunkTotal[t];
        }
        int groups = chunkTotal[wordChunks];
        workers.forEach(wordChunks, t -> {
            int from = (int) ((long) words * t / wordChunks);
            int to = (int) ((long) words * (t + 1) / wordChunks);
            for (int w = from; w < to; w++) {
                wordRank[w] += chunkTotal[t];
            }
        });
        int[] sizes = new int[groups];
        int[] firstRow = new int[groups];
        // each partition's first rows are overwritten by its global ids (no third array a group)
        int[][] global = localFirst;
        workers.forEach(parts, p -> {
            int[] first = localFirst[p];
            int[] size = localSize[p];
            for (int k = 0; k < first.length; k++) {
                int r = first[k];
                int id = wordRank[r >>> 6] + Long.bitCount(firstBits[r >>> 6] & ((1L << r) - 1));
                first[k] = id;
                sizes[id] = size[k];
                firstRow[id] = r;
            }
            localSize[p] = null;
        });
        // 5. local ids to global ids, row by row (the partition of a row from its key again)
        workers.forEach(chunks, t -> {
            long[] block = new long[BLOCK];
            for (int from = chunkStart[t]; from < chunkStart[t + 1]; from += BLOCK) {
                monitor.checkCancelled();
                int to = Math.min(chunkStart[t + 1], from + BLOCK);
                keys.keys(from, to, block);
                for (int r = from; r < to; r++) {
                    long key = block[r - from];
                    if (key != EXCLUDED) {
                        classOf[r] = global[(int) (mix(key) >>> shift)][classOf[r]];
                    }
                }
            }
        });
        return new Result(classOf, sizes, firstRow);
    }

    /**
     * The parallel path reads every row's key three times (count, scatter, renumber). When the
     * heap has room to spare (8 bytes a row within an eighth of what is free), the keys are
     * computed once into an array and copied from there; otherwise they are computed again each
     * time, which needs no memory a row. The keys, and so the result, are the same either way.
     */
    private static Keys stored(int n, Keys source, Workers workers, ProgressMonitor monitor) {
        if (8L * n > MemoryBudget.available() / 8) {
            return source;
        }
        long[] all = new long[n];
        int chunks = workers.tasks(n, 1 << 16);
        workers.forEach(chunks, t -> {
            int from = (int) ((long) n * t / chunks);
            int to = (int) ((long) n * (t + 1) / chunks);
            long[] block = new long[BLOCK];
            for (int r = from; r < to; r += BLOCK) {
                monitor.checkCancelled();
                int end = Math.min(to, r + BLOCK);
                source.keys(r, end, block);
                System.arraycopy(block, 0, all, r, end - r);
            }
        });
        return (from, to, dst) -> System.arraycopy(all, from, dst, 0, to - from);
    }

    /**
     * Passes 2 and 3 for the partitions [p0, p1): their rows and keys in partition order (rows
     * ascending within a partition), then each partition grouped on its own; local ids go to
     * {@code classOf}, first rows to the bit set.
     */
    private static void groupBatch(int n, Keys keys, Workers workers, ProgressMonitor monitor, int chunks,
            int[] chunkStart, int shift, int[][] count, int p0, int p1, int[] classOf, int[][] localFirst,
            int[][] localSize, long[] firstBits, boolean all) {
        int parts = p1 - p0;
        int[] partStart = new int[parts + 1];
        int[][] offset = new int[chunks][parts];
        int at = 0;
        for (int p = 0; p < parts; p++) {
            partStart[p] = at;
            for (int t = 0; t < chunks; t++) {
                offset[t][p] = at;
                at += count[t][p0 + p];
            }
        }
        partStart[parts] = at;
        int[] order = new int[at];
        long[] orderedKeys = new long[at];
        workers.forEach(chunks, t -> {
            long[] block = new long[BLOCK];
            int[] off = offset[t];
            for (int from = chunkStart[t]; from < chunkStart[t + 1]; from += BLOCK) {
                monitor.checkCancelled();
                int to = Math.min(chunkStart[t + 1], from + BLOCK);
                keys.keys(from, to, block);
                for (int r = from; r < to; r++) {
                    long key = block[r - from];
                    if (key == EXCLUDED) {
                        classOf[r] = -1;
                        continue;
                    }
                    int p = (int) (mix(key) >>> shift) - p0;
                    if (all || (p >= 0 && p < parts)) {
                        int i = off[p]++;
                        order[i] = r;
                        orderedKeys[i] = key;
                    }
                }
            }
        });
        // one hash table a thread at a time, cleared between partitions (no new table, and no
        // growing, per partition)
        java.util.concurrent.ConcurrentLinkedQueue<Table> tables = new java.util.concurrent.ConcurrentLinkedQueue<>();
        workers.forEach(parts, q -> {
            int from = partStart[q];
            int to = partStart[q + 1];
            Table table = tables.poll();
            if (table == null) {
                table = new Table(to - from);
            } else {
                table.clear(to - from);
            }
            IntList sizes = table.sizes;
            IntList first = table.first;
            for (int i = from; i < to; i++) {
                if (((i - from) & (BLOCK - 1)) == 0) {
                    monitor.checkCancelled();
                }
                int r = order[i];
                int id = table.getOrPut(orderedKeys[i], sizes.size);
                if (id == sizes.size) {
                    sizes.add(0);
                    first.add(r);
                }
                classOf[r] = id;
                sizes.a[id]++;
            }
            localFirst[p0 + q] = first.toArray();
            localSize[p0 + q] = sizes.toArray();
            tables.add(table);
        });
        // the first rows in the bit set, on one thread (an atomic update a group, with two threads
        // on the same words, cost more than this pass)
        for (int q = 0; q < parts; q++) {
            for (int r : localFirst[p0 + q]) {
                firstBits[r >>> 6] |= 1L << r;
            }
        }
    }

    /** Open-addressing table from non-negative long keys to int ids. */
    static final class Table {
        private long[] keys;
        private int[] ids;
        private int mask;
        private int size;
        private int resizeAt;

        /** Group sizes and first rows of a partition, kept with the table for reuse (see {@link #clear}). */
        final IntList sizes = new IntList(64);
        final IntList first = new IntList(64);

        Table(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            allocate(cap);
        }

        /** Empties the table for about {@code expected} keys, reusing its arrays when they are large enough. */
        void clear(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            if (cap > keys.length) {
                allocate(cap);
            } else {
                Arrays.fill(keys, -1L);
            }
            size = 0;
            sizes.size = 0;
            first.size = 0;
        }

        private void allocate(int cap) {
            keys = new long[cap];
            Arrays.fill(keys, -1L);
            ids = new int[cap];
            mask = cap - 1;
            resizeAt = cap / 2;
        }

        /** The id of {@code key}, storing {@code idIfAbsent} when it is new. */
        int getOrPut(long key, int idIfAbsent) {
            int i = (int) mix(key) & mask;
            long[] k = keys;
            while (true) {
                long x = k[i];
                if (x == key) {
                    return ids[i];
                }
                if (x == -1L) {
                    k[i] = key;
                    ids[i] = idIfAbsent;
                    if (++size > resizeAt) {
                        grow();
                    }
                    return idIfAbsent;
                }
                i = (i + 1) & mask;
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldIds = ids;
            allocate(oldKeys.length * 2);
            for (int j = 0; j < oldKeys.length; j++) {
                long key = oldKeys[j];
                if (key != -1L) {
                    int i = (int) mix(key) & mask;
                    while (keys[i] != -1L) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = key;
                    ids[i] = oldIds[j];
                }
            }
        }
    }

    /** A growable int array. */
    static final class IntList {
        int[] a;
        int size;

        IntList(int capacity) {
            a = new int[Math.max(4, capacity)];
        }

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, a.length + (a.length >> 1) + 4);
            }
            a[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }
}

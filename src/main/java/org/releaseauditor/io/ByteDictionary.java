package org.releaseauditor.io;

import java.util.Arrays;

/**
 * Open-addressing hash table from the bytes of a field to its code, for one column. The reader
 * already hashed the field while splitting. Slots interleave the entry number and the full hash,
 * so a probe touches one cache line; entry metadata (pool offset, length, code) is interleaved as
 * well, and bytes are compared only on a full hash match. Codes may be negative (missing and
 * suppression tokens map to {@code Column.MISSING}/{@code Column.SUPPRESSED}). Not thread-safe.
 */
final class ByteDictionary {
    static final int NOT_FOUND = Integer.MIN_VALUE;

    private byte[] pool = new byte[1024];
    private int poolSize;
    /** Per entry: pool offset, length, code. */
    private int[] meta = new int[3 * 64];
    private int size;
    /** Per slot: entry + 1 (0 = empty), hash. */
    private int[] slots = new int[2 * 128];
    private int mask = 127;

    private static int mix(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }

    /** The code stored for these bytes, or {@link #NOT_FOUND}. */
    int find(byte[] b, int off, int len, int hash) {
        final int[] s = slots;
        final int m = mask;
        int i = mix(hash) & m;
        while (true) {
            int e = s[2 * i];
            if (e == 0) {
                return NOT_FOUND;
            }
            if (s[2 * i + 1] == hash) {
                int k = 3 * (e - 1);
                if (meta[k + 1] == len && same(pool, meta[k], b, off, len)) {
                    return meta[k + 2];
                }
            }
            i = (i + 1) & m;
        }
    }

    private static boolean same(byte[] a, int ao, byte[] b, int bo, int len) {
        if (len <= 16) {
            for (int i = 0; i < len; i++) {
                if (a[ao + i] != b[bo + i]) {
                    return false;
                }
            }
            return true;
        }
        return Arrays.equals(a, ao, ao + len, b, bo, bo + len);
    }

    /** Stores new bytes (not present yet) with their code. */
    void add(byte[] b, int off, int len, int hash, int code) {
        if (3 * size == meta.length) {
            meta = Arrays.copyOf(meta, meta.length * 2);
        }
        if (poolSize + len > pool.length) {
            long n = Math.max((long) pool.length * 2, (long) poolSize + len);
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("too many distinct values in one column");
            }
            pool = Arrays.copyOf(pool, (int) n);
        }
        System.arraycopy(b, off, pool, poolSize, len);
        meta[3 * size] = poolSize;
        meta[3 * size + 1] = len;
        meta[3 * size + 2] = code;
        poolSize += len;
        size++;
        if (size * 2 > mask + 1) {
            slots = new int[slots.length * 2];
            mask = slots.length / 2 - 1;
            for (int e = 0; e < size; e++) {
                insert(e, hashOf(e));
            }
        } else {
            insert(size - 1, hash);
        }
    }

    private int hashOf(int e) {
        return RecordReader.hash(pool, meta[3 * e], meta[3 * e + 1]);
    }

    private void insert(int e, int hash) {
        int i = mix(hash) & mask;
        while (slots[2 * i] != 0) {
            i = (i + 1) & mask;
        }
        slots[2 * i] = e + 1;
        slots[2 * i + 1] = hash;
    }
}

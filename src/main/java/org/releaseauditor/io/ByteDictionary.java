package org.releaseauditor.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Open-addressing hash table from the bytes of a field to its code, for one column. The hash is
 * computed from eight-byte words, not byte by byte. Each slot holds the full hash, the length, the code
 * and the first eight bytes of the key, so a lookup of a value of up to eight bytes (most
 * quasi-identifier values) touches one slot and nothing else; longer keys compare their tail in a
 * byte pool. Codes may be negative (missing and suppression tokens map to
 * {@code Column.MISSING}/{@code Column.SUPPRESSED}). Not thread-safe.
 */
final class ByteDictionary {
    static final int NOT_FOUND = Integer.MIN_VALUE;

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Ints per slot: used flag, hash, length, code, key low, key high, pool offset of the tail. */
    private static final int STRIDE = 8;

    private byte[] pool = new byte[256];
    private int poolSize;
    private int size;
    private int[] slots = new int[STRIDE * 64];
    private int mask = 63;

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    /** The first up to eight bytes as a little-endian long (zero-padded). */
    static long prefix(byte[] b, int off, int len) {
        if (len >= 8) {
            return (long) LONG_LE.get(b, off);
        }
        if (off + 8 <= b.length) {
            long v = (long) LONG_LE.get(b, off);
            return len == 0 ? 0L : v & (-1L >>> (64 - 8 * len));
        }
        long v = 0;
        for (int i = len - 1; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    /** Hash of a byte sequence whose first up to eight bytes are {@code key}. */
    static int hash(long key, byte[] b, int off, int len) {
        long h = (key ^ len) * 0x9E3779B97F4A7C15L;
        for (int i = 8; i < len; i += 8) {
            h ^= h >>> 29;
            h = (h ^ prefix(b, off + i, Math.min(8, len - i))) * 0xBF58476D1CE4E5B9L;
        }
        h ^= h >>> 32;
        return (int) h;
    }

    private int lastHash;

    /**
     * The code stored for these bytes, or {@link #NOT_FOUND}; then {@link #add} stores them
     * (the hash of the last lookup is kept for it).
     */
    int find(byte[] b, int off, int len) {
        final int[] s = slots;
        final int m = mask;
        final long key = prefix(b, off, len);
        final int hash = hash(key, b, off, len);
        lastHash = hash;
        final int lo = (int) key;
        final int hi = (int) (key >>> 32);
        int i = mix(hash) & m;
        while (true) {
            int k = STRIDE * i;
            if (s[k] == 0) {
                return NOT_FOUND;
            }
            if (s[k + 1] == hash && s[k + 2] == len && s[k + 4] == lo && s[k + 5] == hi
                    && (len <= 8 || tailEquals(s[k + 6], b, off + 8, len - 8))) {
                return s[k + 3];
            }
            i = (i + 1) & m;
        }
    }

    private boolean tailEquals(int poolOff, byte[] b, int off, int len) {
        return Arrays.equals(pool, poolOff, poolOff + len, b, off, off + len);
    }

    /** Stores the bytes of the last unsuccessful {@link #find} with their code. */
    void add(byte[] b, int off, int len, int code) {
        final int hash = lastHash;
        int poolOff = 0;
        if (len > 8) {
            int tail = len - 8;
            if (poolSize + tail > pool.length) {
                long n = Math.max((long) pool.length * 2, (long) poolSize + tail);
                if (n > Integer.MAX_VALUE - 8) {
                    throw new IllegalStateException("too many distinct values in one column");
                }
                pool = Arrays.copyOf(pool, (int) n);
            }
            System.arraycopy(b, off + 8, pool, poolSize, tail);
            poolOff = poolSize;
            poolSize += tail;
        }
        size++;
        if (size * 2 > mask + 1) {
            rehash();
        }
        long key = prefix(b, off, len);
        int i = mix(hash) & mask;
        while (slots[STRIDE * i] != 0) {
            i = (i + 1) & mask;
        }
        int k = STRIDE * i;
        slots[k] = 1;
        slots[k + 1] = hash;
        slots[k + 2] = len;
        slots[k + 3] = code;
        slots[k + 4] = (int) key;
        slots[k + 5] = (int) (key >>> 32);
        slots[k + 6] = poolOff;
    }

    private void rehash() {
        int[] old = slots;
        int cap = (mask + 1) * 2;
        slots = new int[STRIDE * cap];
        mask = cap - 1;
        for (int k = 0; k < old.length; k += STRIDE) {
            if (old[k] != 0) {
                int i = mix(old[k + 1]) & mask;
                while (slots[STRIDE * i] != 0) {
                    i = (i + 1) & mask;
                }
                System.arraycopy(old, k, slots, STRIDE * i, STRIDE);
            }
        }
    }
}

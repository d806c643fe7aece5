package org.releaseauditor.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Open-addressing hash table from the bytes of a field to its code, for one column. Each 16-byte
 * slot holds the first eight bytes of the key, its code and a tag: {@code length + 1} for keys of
 * up to eight bytes (which the slot then identifies completely, so a lookup of a typical
 * quasi-identifier value touches one slot and nothing else), or {@code -(entry + 1)} for longer
 * keys, whose length, hash and remaining bytes live in side arrays and a byte pool. The hash is
 * computed from eight-byte words. Codes may be negative (missing and suppression tokens map to
 * {@code Column.MISSING}/{@code Column.SUPPRESSED}). Not thread-safe.
 */
final class ByteDictionary {
    static final int NOT_FOUND = Integer.MIN_VALUE;

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Ints per slot: key low, key high, code, tag (0 = empty). */
    private static final int STRIDE = 4;

    private int[] slots = new int[STRIDE * 64];
    private int mask = 63;
    private int size;
    private int resizeAt = 44;

    /** Long keys: pool offset of the bytes after the first eight, length, hash. */
    private int[] longMeta = new int[3 * 8];
    private int longCount;
    private byte[] pool = new byte[256];
    private int poolSize;

    private int lastHash;

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

    /**
     * Hash of a byte sequence whose first up to eight bytes are {@code key}; bytes from the
     * ninth on are read from {@code b} at {@code off + 8}.
     */
    static int hash(long key, byte[] b, int off, int len) {
        long h = (key ^ len) * 0x9E3779B97F4A7C15L;
        for (int i = 8; i < len; i += 8) {
            h ^= h >>> 29;
            h = (h ^ prefix(b, off + i, Math.min(8, len - i))) * 0xBF58476D1CE4E5B9L;
        }
        h ^= h >>> 32;
        return (int) h;
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

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
        if (len <= 8) {
            final int tag = len + 1;
            while (true) {
                int k = STRIDE * i;
                int t = s[k + 3];
                if (t == 0) {
                    return NOT_FOUND;
                }
                if (t == tag && s[k] == lo && s[k + 1] == hi) {
                    return s[k + 2];
                }
                i = (i + 1) & m;
            }
        }
        while (true) {
            int k = STRIDE * i;
            int t = s[k + 3];
            if (t == 0) {
                return NOT_FOUND;
            }
            if (t < 0 && s[k] == lo && s[k + 1] == hi) {
                int e = 3 * (-t - 1);
                if (longMeta[e + 1] == len && longMeta[e + 2] == hash
                        && tailEquals(longMeta[e], b, off + 8, len - 8)) {
                    return s[k + 2];
                }
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
        int tag;
        if (len <= 8) {
            tag = len + 1;
        } else {
            int tail = len - 8;
            if (poolSize + tail > pool.length) {
                long n = Math.max((long) pool.length * 2, (long) poolSize + tail);
                if (n > Integer.MAX_VALUE - 8) {
                    throw new IllegalStateException("too many distinct values in one column");
                }
                pool = Arrays.copyOf(pool, (int) n);
            }
            System.arraycopy(b, off + 8, pool, poolSize, tail);
            if (3 * longCount == longMeta.length) {
                longMeta = Arrays.copyOf(longMeta, longMeta.length * 2);
            }
            longMeta[3 * longCount] = poolSize;
            longMeta[3 * longCount + 1] = len;
            longMeta[3 * longCount + 2] = hash;
            poolSize += tail;
            tag = -(++longCount);
        }
        if (++size > resizeAt) {
            rehash();
        }
        long key = prefix(b, off, len);
        put(slots, mask, hash, (int) key, (int) (key >>> 32), code, tag);
    }

    private static void put(int[] s, int m, int hash, int lo, int hi, int code, int tag) {
        int i = mix(hash) & m;
        while (s[STRIDE * i + 3] != 0) {
            i = (i + 1) & m;
        }
        int k = STRIDE * i;
        s[k] = lo;
        s[k + 1] = hi;
        s[k + 2] = code;
        s[k + 3] = tag;
    }

    private void rehash() {
        int[] old = slots;
        int cap = (mask + 1) * 2;
        int[] s = new int[STRIDE * cap];
        int m = cap - 1;
        for (int k = 0; k < old.length; k += STRIDE) {
            int tag = old[k + 3];
            if (tag != 0) {
                int h;
                if (tag > 0) {
                    long key = (old[k] & 0xFFFFFFFFL) | ((long) old[k + 1] << 32);
                    h = hash(key, null, 0, tag - 1);
                } else {
                    h = longMeta[3 * (-tag - 1) + 2];
                }
                put(s, m, h, old[k], old[k + 1], old[k + 2], tag);
            }
        }
        slots = s;
        mask = m;
        resizeAt = (int) (cap * 0.7);
    }
}

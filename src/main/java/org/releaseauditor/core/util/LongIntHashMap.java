package org.releaseauditor.core.util;

import java.util.Arrays;

/**
 * Open-addressing hash map from {@code long} keys to {@code int} values, without boxing. Used to
 * assign dense ids to combinations of codes. Not thread-safe.
 */
public final class LongIntHashMap {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;
    private int resizeAt;

    public LongIntHashMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, (int) Math.min(1 << 30, expected * 2L)) - 1) << 1;
        allocate(cap);
    }

    private void allocate(int cap) {
        keys = new long[cap];
        Arrays.fill(keys, EMPTY);
        values = new int[cap];
        mask = cap - 1;
        resizeAt = (int) (cap * 0.6);
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** The value of {@code key}, or {@code -1}. Keys must not be {@link Long#MIN_VALUE}. */
    public int get(long key) {
        int i = mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * Returns the value of {@code key}; when absent, stores {@code valueIfAbsent} and returns it.
     */
    public int getOrPut(long key, int valueIfAbsent) {
        int i = mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = valueIfAbsent;
                if (++size > resizeAt) {
                    grow();
                }
                return valueIfAbsent;
            }
            i = (i + 1) & mask;
        }
    }

    /** Sets {@code key} to {@code value}. */
    public void put(long key, int value) {
        int i = mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key || k == EMPTY) {
                if (k == EMPTY && ++size > resizeAt) {
                    keys[i] = key;
                    values[i] = value;
                    grow();
                    return;
                }
                keys[i] = key;
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(keys.length * 2);
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = mix(oldKeys[j]) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }
}

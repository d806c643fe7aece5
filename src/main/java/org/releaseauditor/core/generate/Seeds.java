package org.releaseauditor.core.generate;

/** Derives independent, reproducible random streams from one user seed. */
final class Seeds {
    static final long STREAM_CITY = 0x43495459L;
    static final long STREAM_POPULATION = 0x504F5055L;
    static final long STREAM_MOVEMENT = 0x4D4F5645L;

    private Seeds() {
    }

    /** A well-mixed 64-bit value from a seed and a stream id (SplitMix64 finaliser). */
    static long mix(long seed, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

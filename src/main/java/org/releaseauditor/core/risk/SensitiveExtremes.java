package org.releaseauditor.core.risk;

/**
 * The l-diversity and t-closeness extremes of a run of classes, added in class order: the
 * fewest distinct values (ties: the lower entropy, then the earlier class), the lowest
 * entropy, the lowest recursive l and the largest distance (ties: the earlier class). The
 * summary audit uses it too, so both paths pick the same classes.
 */
public final class SensitiveExtremes {
    int minDistinct = Integer.MAX_VALUE;
    double minEntropyAtWorst = Double.POSITIVE_INFINITY;
    int worstDistinctClass = -1;
    double minEntropy = Double.POSITIVE_INFINITY;
    int minRecursive = Integer.MAX_VALUE;
    double maxDistance = -1;
    int worstDistanceClass = -1;

    /** Adds class {@code j}: {@code d} distinct values, entropy l {@code expH}, recursive l {@code lj}. */
    public void add(int j, int d, double expH, int lj, double distance) {
        if (d < minDistinct || (d == minDistinct && expH < minEntropyAtWorst)) {
            minDistinct = d;
            minEntropyAtWorst = expH;
            worstDistinctClass = j;
        }
        minEntropy = Math.min(minEntropy, expH);
        minRecursive = Math.min(minRecursive, lj);
        if (distance > maxDistance) {
            maxDistance = distance;
            worstDistanceClass = j;
        }
    }

    /** The fewest distinct sensitive values of a class. */
    public int minDistinct() {
        return minDistinct;
    }

    /** The class with the fewest distinct values, or -1 when none was added. */
    public int worstDistinctClass() {
        return worstDistinctClass;
    }

    /** The lowest entropy l. */
    public double minEntropy() {
        return minEntropy;
    }

    /** The lowest recursive l. */
    public int minRecursive() {
        return minRecursive;
    }

    /** The largest distance, or -1 when none was added. */
    public double maxDistance() {
        return maxDistance;
    }

    /** The class with the largest distance, or -1 when none was added. */
    public int worstDistanceClass() {
        return worstDistanceClass;
    }

    /** Adds the extremes of the classes after this one's (the earlier class wins ties). */
    void merge(SensitiveExtremes later) {
        if (later.worstDistinctClass >= 0 && (later.minDistinct < minDistinct
                || (later.minDistinct == minDistinct && later.minEntropyAtWorst < minEntropyAtWorst))) {
            minDistinct = later.minDistinct;
            minEntropyAtWorst = later.minEntropyAtWorst;
            worstDistinctClass = later.worstDistinctClass;
        }
        minEntropy = Math.min(minEntropy, later.minEntropy);
        minRecursive = Math.min(minRecursive, later.minRecursive);
        if (later.worstDistanceClass >= 0 && later.maxDistance > maxDistance) {
            maxDistance = later.maxDistance;
            worstDistanceClass = later.worstDistanceClass;
        }
    }
}

package org.releaseauditor.core.trajectory;

import java.util.List;

/**
 * Unicity ε_p for p = 1..P at one resolution.
 *
 * @param resolution  label "spatial × temporal"
 * @param exact       whether all users were evaluated (otherwise a fixed-seed sample)
 * @param seed        seed of the sample and the draws
 * @param withAttributes whether attributes were part of the attacker's knowledge
 * @param rows        one row per p
 * @param minimalPoints per user id, the smallest p that made the user unique (see accessor)
 */
public record UnicityResult(String resolution, boolean exact, long seed, boolean withAttributes, List<Row> rows,
        int[] minimalPoints) {

    public UnicityResult {
        rows = List.copyOf(rows);
        minimalPoints = minimalPoints.clone();
    }

    /**
     * Per user id: the smallest p at which the user was unique, 0 when not unique for any p up to
     * P, -1 when the user was not sampled.
     */
    @Override
    public int[] minimalPoints() {
        return minimalPoints.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnicityResult r && resolution.equals(r.resolution) && exact == r.exact && seed == r.seed
                && withAttributes == r.withAttributes && rows.equals(r.rows)
                && java.util.Arrays.equals(minimalPoints, r.minimalPoints);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(resolution, exact, seed, withAttributes, rows)
                + 31 * java.util.Arrays.hashCode(minimalPoints);
    }

    @Override
    public String toString() {
        return "UnicityResult[" + resolution + ", rows=" + rows + "]";
    }

    /**
     * @param points       p
     * @param sampledUsers users evaluated
     * @param uniqueUsers  users unique given p of their points
     * @param shortUsers   evaluated users with fewer than p distinct points (drawn with all their points)
     * @param fraction     uniqueUsers / sampledUsers
     * @param ciLow        Wilson 95 % lower bound
     * @param ciHigh       Wilson 95 % upper bound
     */
    public record Row(int points, int sampledUsers, int uniqueUsers, int shortUsers, double fraction, double ciLow,
            double ciHigh) {
    }

    /** The row of p, or null. */
    public Row row(int points) {
        for (Row r : rows) {
            if (r.points() == points) {
                return r;
            }
        }
        return null;
    }
}

package org.releaseauditor.core.aggregate;

/**
 * Outcome of the trajectory-recovery stress test.
 *
 * @param users             number of users (trajectories)
 * @param slots             number of time slots
 * @param days              number of days
 * @param areas             number of areas
 * @param distance          {@code euclidean} (area names carry coordinates) or {@code discrete}
 * @param accuracy          share of (user, slot) points recovered correctly after optimally
 *                          matching recovered to true trajectories over the whole period
 * @param withinDayAccuracy the same, matched day by day, averaged over days (no day linking)
 * @param topK              k of the top-k places
 * @param topKUniqueness    share of recovered trajectories whose top-k place set no other
 *                          recovered trajectory has
 * @param topKReidentified  share of recovered trajectories whose top-k set equals that of exactly one
 *                          true user, who is the user it was matched to
 */
public record RecoveryResult(int users, int slots, int days, int areas, String distance, double accuracy,
        double withinDayAccuracy, int topK, double topKUniqueness, double topKReidentified) {
}

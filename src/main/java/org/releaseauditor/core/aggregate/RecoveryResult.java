package org.releaseauditor.core.aggregate;

/**
 * Outcome of the trajectory-recovery stress test. Accuracies count only observed points (a
 * point filled in because a user had no record in a slot is never scored).
 *
 * <p>When some assignment of the attack had several optimal choices that lead to different
 * trajectories (a tie), the attack's result depends on an arbitrary tie-break. Then
 * {@code ties > 0}, {@code accuracy} is the result of this implementation's tie-break, and the
 * range [{@code accuracyMin}, {@code accuracyMax}] covers the tie-breaks evaluated (all of them
 * when {@code rangeExact}), inside the proven bounds [{@code accuracyLowerBound},
 * {@code accuracyUpperBound}] that hold for every tie-break.
 *
 * @param users              number of users (trajectories)
 * @param slots              number of time slots, from midnight of the first day to the last observed slot
 * @param days               number of days those slots touch
 * @param areas              number of areas
 * @param distance           {@code euclidean} (area names carry coordinates) or {@code discrete}
 * @param observedPoints     number of (user, slot) points that come from a record: the denominator
 * @param accuracy           share of observed points recovered correctly after optimally
 *                           matching recovered to true trajectories over the whole period
 * @param withinDayAccuracy  the same, matched day by day (no day linking)
 * @param topK               k of the top-k places
 * @param topKUniqueness     share of recovered trajectories whose top-k place set no other
 *                           recovered trajectory has
 * @param topKReidentified   share of recovered trajectories whose top-k set equals the (observed)
 *                           top-k set of exactly one true user, who is the user it was matched to
 * @param ties               number of the attack's assignments that had a tie changing the outcome
 * @param tieBreaks          number of tie-break combinations evaluated (1 without ties)
 * @param rangeExact         whether every distinct tie-break outcome was evaluated
 * @param accuracyMin        smallest accuracy over the tie-breaks evaluated
 * @param accuracyMax        largest accuracy over the tie-breaks evaluated
 * @param withinDayMin       smallest within-day accuracy over the tie-breaks evaluated
 * @param withinDayMax       largest within-day accuracy over the tie-breaks evaluated
 * @param accuracyLowerBound proven lower bound of the accuracy over every tie-break
 * @param accuracyUpperBound proven upper bound of the accuracy over every tie-break
 */
public record RecoveryResult(int users, int slots, int days, int areas, String distance, long observedPoints,
        double accuracy, double withinDayAccuracy, int topK, double topKUniqueness, double topKReidentified, int ties,
        int tieBreaks, boolean rangeExact, double accuracyMin, double accuracyMax, double withinDayMin,
        double withinDayMax, double accuracyLowerBound, double accuracyUpperBound) {

    /** Whether the attack met a tie, so that its accuracy is a range rather than one number. */
    public boolean tie() {
        return ties > 0;
    }
}

package org.releaseauditor.core.summary;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.trajectory.Unicity;

/**
 * The trajectory lane's summary: for every user the job sampled (with the seed, as the raw-data
 * path samples), how many of its points were drawn and how many users' traces contain the first p
 * drawn points. Holds no events, places, times or pseudonyms: users are positions in the sample,
 * points never leave the producer.
 *
 * @param input     what the summary was made from
 * @param options   the column and unicity options it was made with
 * @param producer  "in-process" or "spark"
 * @param users     users in the input
 * @param events    events in the input
 * @param locations distinct locations in the input
 * @param main      the unicity draws at the analysis resolution, p = 1..{@link Options#maxPoints()}
 * @param sweep     the coarsening sweep, spatial-major (empty without a sweep); each cell for
 *                  p = {@link Options#sweepPoints()} only
 */
public record TrajectorySummary(SummaryInput input, Options options, String producer, int users, int events,
        int locations, Resolution main, List<Resolution> sweep) {

    public TrajectorySummary {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(main, "main");
        sweep = List.copyOf(sweep);
    }

    /**
     * What the summary was made with (resolution specs as in {@code src/docs/trajectories.md}).
     *
     * @param user          pseudonym column
     * @param time          timestamp column
     * @param location      location id column or null
     * @param lat           latitude column or null
     * @param lng           longitude column or null
     * @param attributes    per-person attribute columns known to the attacker
     * @param timeFormat    timestamp format (auto, iso, epoch-s, epoch-ms or a pattern)
     * @param zone          time zone id
     * @param spatial       spatial resolution label of the analysis
     * @param temporal      temporal resolution label of the analysis
     * @param maxPoints     P: unicity for p = 1..P
     * @param sampleUsers   users sampled (0 = all)
     * @param seed          seed of the sample and the draws
     * @param sweepSpatial  spatial labels of the sweep (empty without a sweep)
     * @param sweepTemporal temporal labels of the sweep
     * @param sweepPoints   p of the sweep
     * @param importOptions how the input was read, for the record
     */
    public record Options(String user, String time, String location, String lat, String lng, List<String> attributes,
            String timeFormat, String zone, String spatial, String temporal, int maxPoints, int sampleUsers, long seed,
            List<String> sweepSpatial, List<String> sweepTemporal, int sweepPoints, Map<String, String> importOptions) {
        public Options {
            attributes = attributes == null ? List.of() : List.copyOf(attributes);
            sweepSpatial = sweepSpatial == null ? List.of() : List.copyOf(sweepSpatial);
            sweepTemporal = sweepTemporal == null ? List.of() : List.copyOf(sweepTemporal);
            importOptions = importOptions == null ? Map.of()
                    : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(importOptions));
        }
    }

    /**
     * Unicity draws at one spatial × temporal resolution. Users are the sampled users in ascending
     * user order (users numbered by first appearance in the input).
     *
     * @param spatial   spatial label
     * @param temporal  temporal label
     * @param areas     areas at this resolution
     * @param points    distinct (area, time bin) points at this resolution
     * @param fromP     the smallest p with match counts (1 for the analysis, the sweep's p for a sweep cell)
     * @param toP       the largest p with match counts
     * @param drawn     per sampled user, the points drawn: min(toP, the user's distinct points)
     * @param matches   per sampled user and p in fromP..toP (row-major), the users whose trace
     *                  contains the user's first min(p, drawn) drawn points (and who share the
     *                  user's attributes when attributes are known); 1 = unique
     */
    public record Resolution(String spatial, String temporal, int areas, int points, int fromP, int toP, int[] drawn,
            int[] matches) {
        public Resolution {
            drawn = drawn.clone();
            matches = matches.clone();
        }

        /** Number of sampled users. */
        public int sampled() {
            return drawn.length;
        }

        @Override
        public int[] drawn() {
            return drawn.clone();
        }

        @Override
        public int[] matches() {
            return matches.clone();
        }

        /** Users matching sampled user i's first p drawn points. */
        public int matches(int i, int p) {
            return matches[i * (toP - fromP + 1) + (p - fromP)];
        }

        /** Points drawn for sampled user i. */
        public int drawn(int i) {
            return drawn[i];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Resolution r && spatial.equals(r.spatial) && temporal.equals(r.temporal)
                    && areas == r.areas && points == r.points && fromP == r.fromP && toP == r.toP
                    && Arrays.equals(drawn, r.drawn) && Arrays.equals(matches, r.matches);
        }

        @Override
        public int hashCode() {
            return Objects.hash(spatial, temporal, areas, points, fromP, toP) + 31 * Arrays.hashCode(matches);
        }

        @Override
        public String toString() {
            return "Resolution[" + spatial + " x " + temporal + ", sampled=" + drawn.length + "]";
        }
    }

    /** The users the summary's draws belong to: {@link Unicity#sampleUsers} of the options. */
    public int[] sampledUsers() {
        return Unicity.sampleUsers(users, options.sampleUsers(), options.seed());
    }

    /**
     * Checks that the parts agree with each other and with the sample the options imply.
     *
     * @throws ConfigurationException naming the first inconsistency
     */
    public void validate() throws ConfigurationException {
        if (users < 1 || events < users || locations < 1) {
            throw new ConfigurationException("summary.error.inconsistent", "counts", "users, events or locations");
        }
        if (options.maxPoints() < 1 || options.sweepPoints() < 1) {
            throw new ConfigurationException("summary.error.inconsistent", "options", "points below 1");
        }
        int sampled = sampledUsers().length;
        check(main, 1, options.maxPoints(), sampled);
        if (!sweep.isEmpty() && sweep.size() != options.sweepSpatial().size() * options.sweepTemporal().size()) {
            throw new ConfigurationException("summary.error.inconsistent", "sweep", "one cell per resolution pair");
        }
        for (Resolution r : sweep) {
            check(r, options.sweepPoints(), options.sweepPoints(), sampled);
        }
    }

    private void check(Resolution r, int fromP, int toP, int sampled) throws ConfigurationException {
        String where = "resolution " + r.spatial() + " x " + r.temporal();
        if (r.fromP() != fromP || r.toP() != toP || r.drawn.length != sampled
                || r.matches.length != (long) sampled * (toP - fromP + 1)) {
            throw new ConfigurationException("summary.error.inconsistent", where, "sample size or points");
        }
        for (int i = 0; i < sampled; i++) {
            if (r.drawn[i] < 1 || r.drawn[i] > toP) {
                throw new ConfigurationException("summary.error.inconsistent", where, "points drawn out of range");
            }
            for (int p = fromP; p <= toP; p++) {
                int m = r.matches(i, p);
                if (m < 1 || m > users) {
                    throw new ConfigurationException("summary.error.inconsistent", where, "match count out of range");
                }
            }
        }
    }
}

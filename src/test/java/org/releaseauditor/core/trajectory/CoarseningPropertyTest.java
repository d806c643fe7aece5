package org.releaseauditor.core.trajectory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.releaseauditor.core.progress.ProgressMonitor;

class CoarseningPropertyTest {

    /**
     * Coarser resolution never raises unicity of the same sampled points: the same events, mapped to
     * nested coarser areas (pairs of locations) and coarser time bins (2 h instead of 1 h), can only
     * be contained in more traces.
     */
    @Property(tries = 60)
    void coarserResolutionNeverRaisesUnicityOfTheSameEvents(@ForAll @IntRange(min = 2, max = 30) int users,
            @ForAll @IntRange(min = 2, max = 12) int locations, @ForAll @IntRange(min = 1, max = 4) int points,
            @ForAll long seed) throws Exception {
        Random rnd = new Random(seed);
        int perUser = 6;
        String[] names = new String[users];
        int[] user = new int[users * perUser];
        long[] time = new long[users * perUser];
        int[] loc = new int[users * perUser];
        for (int u = 0; u < users; u++) {
            names[u] = "u" + u;
            for (int i = 0; i < perUser; i++) {
                int e = u * perUser + i;
                user[e] = u;
                time[e] = 1_583_020_800L + rnd.nextInt(48) * 1800L;
                loc[e] = rnd.nextInt(locations);
            }
        }
        String[] locNames = new String[locations];
        Map<String, String> pairs = new HashMap<>();
        for (int l = 0; l < locations; l++) {
            locNames[l] = "L" + l;
            pairs.put(locNames[l], "A" + (l / 2));
        }
        EventTable t = EventTable.of(names, user, time, loc, locNames, null, null, null, 0, ZoneId.of("UTC"));
        TraceSet fine = TraceSet.build(t, new SpatialResolution.Identity(), TemporalResolution.bins(3600),
                ProgressMonitor.none());
        TraceSet coarse = TraceSet.build(t, new SpatialResolution.Mapping("pairs", pairs),
                TemporalResolution.bins(7200), ProgressMonitor.none());
        int fineUnique = 0;
        int coarseUnique = 0;
        for (int u = 0; u < users; u++) {
            int[] events = new int[points];
            for (int i = 0; i < points; i++) {
                events[i] = t.userStart(u) + rnd.nextInt(perUser);
            }
            boolean f = Unicity.isUniqueGivenEvents(fine, u, events, false);
            boolean c = Unicity.isUniqueGivenEvents(coarse, u, events, false);
            assertTrue(f || !c, "unique only at the coarser resolution: user " + u);
            fineUnique += f ? 1 : 0;
            coarseUnique += c ? 1 : 0;
        }
        assertTrue(coarseUnique <= fineUnique);
    }
}

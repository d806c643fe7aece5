package org.releaseauditor.core.aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Group (attribute) disclosure in count tables (METRICS.md §3): for a population group given by
 * some dimensions (for example home_district × age_band), the members all fall into one category
 * of another dimension (for example every 18–24-year-old from district D was seen at place P), or
 * all but at most {@code allowedOutside} of them do. The category must hold a strict majority of
 * the group: with {@code allowedOutside = 1}, a group of two split 1 and 1 discloses nothing
 * (either member could be the one outside), and a tie for the top category is never reported.
 */
public final class GroupDisclosure {

    private GroupDisclosure() {
    }

    /**
     * @param groupDims      the dimensions that define a group
     * @param by             the dimension whose category is disclosed
     * @param allowedOutside how many members may fall outside the top category (0 = all in one)
     */
    public static List<DisclosedGroup> find(ReleaseSet release, List<String> groupDims, String by,
            double allowedOutside, ProgressMonitor monitor) throws ConfigurationException {
        if (!(allowedOutside >= 0) || Double.isInfinite(allowedOutside)) {
            throw new ConfigurationException("aggregate.error.option", "--group allowed",
                    ReleaseModel.fmt(allowedOutside), "a number of 0 or more");
        }
        List<DisclosedGroup> out = new ArrayList<>();
        boolean anyTable = false;
        for (CountTable t : release.tables()) {
            int[] g = new int[groupDims.size()];
            boolean ok = true;
            for (int i = 0; i < g.length; i++) {
                g[i] = t.dimensionIndex(groupDims.get(i));
                ok &= g[i] >= 0;
            }
            int b = t.dimensionIndex(by);
            if (!ok || b < 0) {
                continue;
            }
            anyTable = true;
            out.addAll(inTable(t, g, b, allowedOutside, monitor));
        }
        if (!anyTable) {
            throw new ConfigurationException("aggregate.error.groupDims", String.join("|", groupDims), by);
        }
        return out;
    }

    /** Whether some table of {@code release} has every group dimension and {@code by}. */
    public static boolean applicable(ReleaseSet release, List<String> groupDims, String by) {
        for (CountTable t : release.tables()) {
            if (t.dimensionIndex(by) >= 0 && groupDims.stream().allMatch(d -> t.dimensionIndex(d) >= 0)) {
                return true;
            }
        }
        return false;
    }

    private static List<DisclosedGroup> inTable(CountTable t, int[] g, int b, double allowedOutside,
            ProgressMonitor monitor) {
        boolean[] used = new boolean[t.dimensions().size()];
        for (int d : g) {
            used[d] = true;
        }
        used[b] = true;
        // prefer cells whose other dimensions are margins; else add up the fully detailed cells
        boolean haveMarginal = false;
        for (int c = 0; c < t.cellCount() && !haveMarginal; c++) {
            haveMarginal = relevant(t, c, g, b, used, true);
        }
        Map<List<String>, Map<String, double[]>> groups = new LinkedHashMap<>();
        for (int c = 0; c < t.cellCount(); c++) {
            if (c % ProgressMonitor.CHECK_INTERVAL == 0) {
                monitor.checkCancelled();
            }
            if (!relevant(t, c, g, b, used, haveMarginal)) {
                continue;
            }
            List<String> key = new ArrayList<>(g.length);
            for (int d : g) {
                key.add(t.value(d, t.code(d, c)));
            }
            double[] acc = groups.computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .computeIfAbsent(t.value(b, t.code(b, c)), k -> new double[2]);
            if (t.isSuppressed(c)) {
                acc[1] = 1;
            } else {
                acc[0] += t.raw(c);
            }
        }
        List<DisclosedGroup> out = new ArrayList<>();
        for (Map.Entry<List<String>, Map<String, double[]>> e : groups.entrySet()) {
            double members = 0;
            double top = -1;
            String topCat = null;
            boolean suppressed = false;
            for (Map.Entry<String, double[]> cat : e.getValue().entrySet()) {
                members += cat.getValue()[0];
                suppressed |= cat.getValue()[1] > 0;
                if (cat.getValue()[0] > top) {
                    top = cat.getValue()[0];
                    topCat = cat.getKey();
                }
            }
            if (members > 0 && members - top <= allowedOutside && top > members - top) {
                out.add(new DisclosedGroup(t.name(), e.getKey(), topCat, members, top, members - top, suppressed));
            }
        }
        return out;
    }

    private static boolean relevant(CountTable t, int c, int[] g, int b, boolean[] used, boolean othersTotal) {
        for (int d = 0; d < used.length; d++) {
            boolean total = t.code(d, c) == CountTable.TOTAL;
            if (used[d] ? total : total != othersTotal) {
                return false;
            }
        }
        return true;
    }
}

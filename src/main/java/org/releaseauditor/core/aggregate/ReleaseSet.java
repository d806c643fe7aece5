package org.releaseauditor.core.aggregate;

import java.util.List;
import java.util.Map;

/**
 * Count tables released together, with the dimension hierarchies that link them.
 *
 * @param name        a label (for example the release date or file name)
 * @param tables      the tables, each with a unique name
 * @param hierarchies dimension name → hierarchy
 */
public record ReleaseSet(String name, List<CountTable> tables, Map<String, Hierarchy> hierarchies) {
    public ReleaseSet {
        tables = List.copyOf(tables);
        hierarchies = Map.copyOf(hierarchies);
    }

    public static ReleaseSet of(CountTable... tables) {
        return new ReleaseSet("release", List.of(tables), Map.of());
    }

    /** Total number of cells over all tables. */
    public long cellCount() {
        long n = 0;
        for (CountTable t : tables) {
            n += t.cellCount();
        }
        return n;
    }
}

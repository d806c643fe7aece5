package org.releaseauditor.core.remediation.microdata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.releaseauditor.core.error.ConfigurationException;

/**
 * A value generalisation hierarchy for one quasi-identifier, in ARX's materialised form: one row
 * per original value (the <em>leaf</em>, column 0), one column per level, the last column being
 * the most general. Level 0 is the original value; the height is the number of levels minus one.
 * The leaves are the hierarchy's <em>domain</em>: ARX's loss measure divides by their number, so
 * values that a hierarchy lists but the data lacks still count (ARX's {@code DomainShareMaterialized}).
 *
 * <p>Immutable. Its {@link #toString()} shows the attribute, the size and where it came from,
 * never a value.
 */
public final class GeneralizationHierarchy {

    private final String attribute;
    private final String source;
    private final String[][] rows;
    private final Map<String, Integer> leafIndex;

    private GeneralizationHierarchy(String attribute, String source, String[][] rows, Map<String, Integer> leafIndex) {
        this.attribute = attribute;
        this.source = source;
        this.rows = rows;
        this.leafIndex = leafIndex;
    }

    /**
     * Builds a hierarchy from its rows.
     *
     * @param attribute the quasi-identifier it generalises
     * @param source    where it came from, for the record of a transformation: a file name and its
     *                  SHA-256, or the builder and its parameters ({@code interval:5,10,20})
     * @param rows      one row per leaf; every row has the same number of levels (at least one)
     * @throws ConfigurationException when there are no rows, rows differ in length, or a leaf occurs
     *                                twice
     */
    public static GeneralizationHierarchy of(String attribute, String source, List<String[]> rows)
            throws ConfigurationException {
        if (rows.isEmpty()) {
            throw new ConfigurationException("remediation.hierarchy.empty", attribute, source);
        }
        int levels = rows.get(0).length;
        if (levels < 1) {
            throw new ConfigurationException("remediation.hierarchy.empty", attribute, source);
        }
        String[][] copy = new String[rows.size()][];
        Map<String, Integer> index = new HashMap<>(rows.size() * 2);
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            if (row.length != levels) {
                throw new ConfigurationException("remediation.hierarchy.ragged", attribute, source, r + 1,
                        row.length, levels);
            }
            for (String v : row) {
                if (v == null) {
                    throw new ConfigurationException("remediation.hierarchy.ragged", attribute, source, r + 1,
                            row.length, levels);
                }
            }
            if (index.putIfAbsent(row[0], r) != null) {
                throw new ConfigurationException("remediation.hierarchy.duplicateLeaf", attribute, source, r + 1,
                        index.get(row[0]) + 1);
            }
            copy[r] = row.clone();
        }
        return new GeneralizationHierarchy(attribute, source, copy, Collections.unmodifiableMap(index));
    }

    /** The quasi-identifier this hierarchy generalises. */
    public String attribute() {
        return attribute;
    }

    /** Where the hierarchy came from (file and hash, or builder and parameters). */
    public String source() {
        return source;
    }

    /** A copy under another attribute name (a hierarchy file used for a renamed column). */
    public GeneralizationHierarchy forAttribute(String name) {
        return new GeneralizationHierarchy(name, source, rows, leafIndex);
    }

    /** Number of levels, including level 0 (the original values). */
    public int levels() {
        return rows[0].length;
    }

    /** The highest level: {@link #levels()} − 1. */
    public int height() {
        return rows[0].length - 1;
    }

    /** Number of leaves (rows): the size of the domain. */
    public int leafCount() {
        return rows.length;
    }

    /** The value of row {@code row} at {@code level}. */
    public String value(int row, int level) {
        return rows[row][level];
    }

    /** The row of a leaf, or -1 when the hierarchy does not list it. */
    public int rowOf(String leaf) {
        Integer r = leafIndex.get(leaf);
        return r == null ? -1 : r;
    }

    /** The rows, copied (for writing a hierarchy file). */
    public List<String[]> rows() {
        List<String[]> out = new ArrayList<>(rows.length);
        for (String[] r : rows) {
            out.add(r.clone());
        }
        return out;
    }

    /** Number of distinct values at a level. */
    public int distinctAt(int level) {
        java.util.Set<String> s = new java.util.HashSet<>();
        for (String[] r : rows) {
            s.add(r[level]);
        }
        return s.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneralizationHierarchy h && attribute.equals(h.attribute)
                && Arrays.deepEquals(rows, h.rows);
    }

    @Override
    public int hashCode() {
        return 31 * attribute.hashCode() + Arrays.deepHashCode(rows);
    }

    @Override
    public String toString() {
        return "GeneralizationHierarchy[" + attribute + ", leaves=" + rows.length + ", levels=" + levels()
                + ", source=" + source + "]";
    }
}

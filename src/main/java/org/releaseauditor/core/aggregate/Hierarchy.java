package org.releaseauditor.core.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.Dataset;

/**
 * A dimension hierarchy from a mapping file: column 0 holds the finest values (for example
 * cells), every further column a coarser partition of them (district, city, or a second area
 * version after a boundary change). Each column must be a partition: a leaf has exactly one value
 * per column. Immutable.
 */
public final class Hierarchy {
    private final String dimension;
    private final List<String> levelNames;
    /** level → node → leaves. Level 0 maps each leaf to itself. */
    private final List<Map<String, List<String>>> members;
    /** level → leaf → node. */
    private final List<Map<String, String>> ancestor;
    /** {@code nested[finer][coarser]}, computed once (the model asks for it per quantity). */
    private final boolean[][] nested;

    private Hierarchy(String dimension, List<String> levelNames, List<Map<String, List<String>>> members,
            List<Map<String, String>> ancestor) {
        this.dimension = dimension;
        this.levelNames = List.copyOf(levelNames);
        this.members = members;
        this.ancestor = ancestor;
        int n = levelNames.size();
        this.nested = new boolean[n][n];
        for (int f = 0; f < n; f++) {
            for (int c = 0; c < n; c++) {
                nested[f][c] = computeNested(f, c);
            }
        }
    }

    /** Reads a mapping dataset (columns = levels, finest first). */
    public static Hierarchy fromDataset(String dimension, Dataset mapping) throws DatasetFormatException {
        int levels = mapping.columns().size();
        List<List<String>> rows = new ArrayList<>(mapping.rowCount());
        for (int r = 0; r < mapping.rowCount(); r++) {
            List<String> row = new ArrayList<>(levels);
            for (int j = 0; j < levels; j++) {
                Column col = mapping.columns().get(j);
                String v = col.valueAt(r);
                if (v == null || v.isBlank() || col.code(r) == Column.SUPPRESSED) {
                    throw new DatasetFormatException(mapping.name(), r + 2L, j + 1, "aggregate.error.hierarchyEmpty",
                            mapping.name(), r + 2L, j + 1, dimension);
                }
                row.add(v.trim());
            }
            rows.add(row);
        }
        return build(dimension, mapping.name(), mapping.columnNames(), rows);
    }

    private static Hierarchy build(String dimension, String file, List<String> levelNames, List<List<String>> rows)
            throws DatasetFormatException {
        int levels = levelNames.size();
        List<Map<String, List<String>>> members = new ArrayList<>();
        List<Map<String, String>> ancestor = new ArrayList<>();
        for (int j = 0; j < levels; j++) {
            members.add(new LinkedHashMap<>());
            ancestor.add(new HashMap<>());
        }
        // level → node → first row (for error messages)
        List<Map<String, Integer>> firstRow = new ArrayList<>();
        for (int j = 0; j < levels; j++) {
            firstRow.add(new HashMap<>());
        }
        for (int r = 0; r < rows.size(); r++) {
            String leaf = rows.get(r).get(0);
            for (int j = 0; j < levels; j++) {
                String v = rows.get(r).get(j);
                String old = ancestor.get(j).putIfAbsent(leaf, v);
                if (old != null && !old.equals(v)) {
                    throw new DatasetFormatException(file, r + 2L, j + 1, "aggregate.error.hierarchyNotPartition", file,
                            r + 2L, j + 1, dimension, leaf, old, v);
                }
                if (old == null) {
                    members.get(j).computeIfAbsent(v, k -> new ArrayList<>()).add(leaf);
                    firstRow.get(j).putIfAbsent(v, r);
                }
            }
        }
        checkRepeatedLabels(dimension, file, members, firstRow);
        return new Hierarchy(dimension, levelNames, members, ancestor);
    }

    /**
     * A label may occur on several levels (a band {@code 20-64} that is also a leaf) only when it
     * names the same group of leaves there; otherwise a table value could not be placed.
     */
    private static void checkRepeatedLabels(String dimension, String file, List<Map<String, List<String>>> members,
            List<Map<String, Integer>> firstRow) throws DatasetFormatException {
        Map<String, Integer> seenAt = new HashMap<>();
        for (int j = 0; j < members.size(); j++) {
            for (Map.Entry<String, List<String>> e : members.get(j).entrySet()) {
                Integer i = seenAt.putIfAbsent(e.getKey(), j);
                if (i != null && !new HashSet<>(members.get(i).get(e.getKey())).equals(new HashSet<>(e.getValue()))) {
                    long line = firstRow.get(j).get(e.getKey()) + 2L;
                    throw new DatasetFormatException(file, line, j + 1, "aggregate.error.hierarchyAmbiguous", file, line,
                            j + 1, dimension, e.getKey(), i + 1, j + 1);
                }
            }
        }
    }

    /** Builds a hierarchy from rows of values, finest first (tests, generators). */
    public static Hierarchy of(String dimension, List<String> levelNames, List<List<String>> rows) {
        try {
            return build(dimension, "mapping", levelNames, rows);
        } catch (DatasetFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public String dimension() {
        return dimension;
    }

    public int levels() {
        return levelNames.size();
    }

    public List<String> levelNames() {
        return levelNames;
    }

    /** The finest level at which {@code value} occurs, or -1 when it is not in the hierarchy. */
    public int level(String value) {
        for (int j = 0; j < members.size(); j++) {
            if (members.get(j).containsKey(value)) {
                return j;
            }
        }
        return -1;
    }

    /** The nodes of a level, in file order. */
    public List<String> nodes(int level) {
        return new ArrayList<>(members.get(level).keySet());
    }

    /** Whether every node of {@code finer} lies inside one node of {@code coarser}. */
    public boolean nested(int finer, int coarser) {
        return nested[finer][coarser];
    }

    private boolean computeNested(int finer, int coarser) {
        if (finer == 0) {
            return true;
        }
        for (List<String> leaves : members.get(finer).values()) {
            Set<String> parents = new LinkedHashSet<>();
            for (String leaf : leaves) {
                parents.add(ancestor.get(coarser).get(leaf));
            }
            if (parents.size() > 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * The nodes of level {@code finer} inside {@code node} of level {@code level}; {@code node}
     * null means the grand total. Requires {@link #nested}.
     */
    public List<String> childrenAt(String node, int level, int finer) {
        if (node == null) {
            return nodes(finer);
        }
        Set<String> out = new LinkedHashSet<>();
        for (String leaf : members.get(level).getOrDefault(node, List.of())) {
            out.add(ancestor.get(finer).get(leaf));
        }
        return new ArrayList<>(out);
    }
}

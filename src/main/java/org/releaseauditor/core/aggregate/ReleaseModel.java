package org.releaseauditor.core.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * The linear structure of a whole release set. Every cell of every table is a <em>quantity</em>
 * located by its value in each dimension of the union of all tables' dimensions (a dimension
 * that a table lacks counts as a total). Cells of different tables with the same location are
 * the same quantity. An <em>identity</em> says a quantity equals the sum of its children along one
 * dimension (a margin and its cells; a hierarchy node and the nodes of a finer nested level).
 *
 * <p>Assumptions (documented in aggregates.md): along a plain dimension a table lists every
 * non-zero cell, so a cell that no table lists counts as zero once a sibling is listed; along a
 * hierarchy dimension a node that no table lists is an unknown (see {@link #identities}).
 */
public final class ReleaseModel {
    private static final String TOTAL = "\u0000";
    private static final char SEP = '\u001f';

    /** One identity: {@code parent = Σ children}, along {@code dimension}. */
    public record Identity(int parent, int[] children, String dimension) {
    }

    private final List<String> dims;
    private final List<String[]> coords = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<int[]> sources = new ArrayList<>();
    private double[] known;
    private final List<Identity> identities = new ArrayList<>();
    private final ReleaseSet release;

    private ReleaseModel(ReleaseSet release, List<String> dims) {
        this.release = release;
        this.dims = dims;
    }

    /** Builds the model and checks that published margins add up and tables agree. */
    public static ReleaseModel build(ReleaseSet release, ProgressMonitor monitor) throws DatasetFormatException {
        Set<String> union = new LinkedHashSet<>();
        for (CountTable t : release.tables()) {
            union.addAll(t.dimensions());
        }
        ReleaseModel m = new ReleaseModel(release, new ArrayList<>(union));
        m.index(monitor);
        m.identities(monitor);
        int published = m.known.length;
        m.known = Arrays.copyOf(m.known, m.coords.size());
        Arrays.fill(m.known, published, m.known.length, Double.NaN);
        m.validate();
        return m;
    }

    private void index(ProgressMonitor monitor) throws DatasetFormatException {
        List<Double> values = new ArrayList<>();
        int nd = dims.size();
        for (int ti = 0; ti < release.tables().size(); ti++) {
            CountTable t = release.tables().get(ti);
            int[] pos = new int[t.dimensions().size()];
            for (int d = 0; d < pos.length; d++) {
                pos[d] = dims.indexOf(t.dimensions().get(d));
            }
            for (int c = 0; c < t.cellCount(); c++) {
                if (c % ProgressMonitor.CHECK_INTERVAL == 0) {
                    monitor.checkCancelled();
                }
                String[] coord = new String[nd];
                Arrays.fill(coord, TOTAL);
                for (int d = 0; d < pos.length; d++) {
                    int code = t.code(d, c);
                    coord[pos[d]] = code == CountTable.TOTAL ? TOTAL : t.value(d, code);
                }
                String key = key(coord);
                Integer q = index.get(key);
                double v = t.isSuppressed(c) ? Double.NaN : t.raw(c);
                if (q == null) {
                    q = coords.size();
                    index.put(key, q);
                    coords.add(coord);
                    sources.add(new int[] {ti, c});
                    values.add(v);
                } else {
                    int[] s = sources.get(q);
                    int[] grown = Arrays.copyOf(s, s.length + 2);
                    grown[s.length] = ti;
                    grown[s.length + 1] = c;
                    sources.set(q, grown);
                    double old = values.get(q);
                    if (Double.isNaN(old)) {
                        values.set(q, v);
                    } else if (!Double.isNaN(v) && Math.abs(old - v) > tolerance(1)) {
                        CountTable o = release.tables().get(s[0]);
                        throw new DatasetFormatException(t.file(), t.line(c), 0, "aggregate.error.conflict", t.file(),
                                t.line(c), t.name(), t.keyString(c), fmt(v), o.name(), o.keyString(s[1]), fmt(old));
                    }
                }
            }
        }
        known = new double[values.size()];
        for (int i = 0; i < known.length; i++) {
            known[i] = values.get(i);
        }
    }

    private double tolerance(int terms) {
        for (CountTable t : release.tables()) {
            if (t.extrapolated()) {
                return 0.5 * (terms + 1);
            }
        }
        return 1e-6;
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format("%.2f", v);
    }

    private static String key(String[] coord) {
        StringBuilder sb = new StringBuilder();
        for (String s : coord) {
            sb.append(s).append(SEP);
        }
        return sb.toString();
    }

    /**
     * Adds the unpublished quantities a hierarchy implies, then every identity. Both steps depend
     * only on which quantities the tables publish or withhold, never on the order of the tables,
     * so the model is the same for any order of {@code --table} options.
     *
     * <p>Hierarchy dimensions: when a table publishes (or withholds) some node of a finer level
     * inside a published node, its siblings on that level that no table lists are unknowns, not
     * zeros (a band {@code 18-19} that nobody publishes still holds people). When nothing finer
     * is published at all, the leaves become unknowns, which links differently drawn areas
     * (boundary changes) through their cells. An identity along a hierarchy dimension is added
     * only when every child exists, so it never treats a missing child as zero.
     *
     * <p>Plain dimensions keep the documented assumption that a table lists every non-zero cell:
     * a margin equals the sum of the cells that exist along that dimension.
     */
    private void identities(ProgressMonitor monitor) {
        int nd = dims.size();
        int published = coords.size();
        // phase 1: the closure of quantities implied by the published ones
        for (int q = 0; q < coords.size(); q++) {
            if (q % ProgressMonitor.CHECK_INTERVAL == 0) {
                monitor.checkCancelled();
                monitor.update("aggregate.progress.identities", q, coords.size());
            }
            for (int d = 0; d < nd; d++) {
                Hierarchy h = release.hierarchies().get(dims.get(d));
                if (h != null) {
                    createImplied(q, d, h, published);
                }
            }
        }
        // phase 2: identities over the closed set of quantities
        List<List<String>> categories = new ArrayList<>();
        for (int d = 0; d < nd; d++) {
            Set<String> cats = new LinkedHashSet<>();
            for (String[] c : coords) {
                if (!TOTAL.equals(c[d])) {
                    cats.add(c[d]);
                }
            }
            categories.add(new ArrayList<>(cats));
        }
        int n = coords.size();
        for (int q = 0; q < n; q++) {
            if (q % ProgressMonitor.CHECK_INTERVAL == 0) {
                monitor.checkCancelled();
                monitor.update("aggregate.progress.identities", q, n);
            }
            String[] coord = coords.get(q);
            for (int d = 0; d < nd; d++) {
                Hierarchy h = release.hierarchies().get(dims.get(d));
                if (h == null) {
                    if (q < published && TOTAL.equals(coord[d])) {
                        addIdentity(q, d, categories.get(d), false);
                    }
                    continue;
                }
                boolean total = TOTAL.equals(coord[d]);
                int level = total ? h.levels() : h.level(coord[d]);
                for (int finer = 0; finer < level; finer++) {
                    if (total || h.nested(finer, level)) {
                        addIdentity(q, d, h.childrenAt(total ? null : coord[d], level, finer), true);
                    }
                }
            }
        }
    }

    /** Phase 1 for one quantity and one hierarchy dimension (see {@link #identities}). */
    private void createImplied(int q, int d, Hierarchy h, int published) {
        String[] coord = coords.get(q);
        boolean total = TOTAL.equals(coord[d]);
        int level = total ? h.levels() : h.level(coord[d]);
        boolean finerPublished = false;
        for (int finer = 0; finer < level; finer++) {
            if (!total && !h.nested(finer, level)) {
                continue;
            }
            List<String> kids = h.childrenAt(total ? null : coord[d], level, finer);
            boolean any = false;
            String[] probe = coords.get(q).clone();
            for (String v : kids) {
                probe[d] = v;
                Integer c = index.get(key(probe));
                any |= c != null && c < published && c != q;
            }
            if (any) {
                finerPublished = true;
                create(q, d, kids);
            }
        }
        if (!finerPublished && level > 0 && q < published) {
            create(q, d, h.childrenAt(total ? null : coord[d], level, 0));
        }
    }

    /** Creates the quantities at {@code q} with dimension d set to each of {@code values}. */
    private void create(int q, int d, List<String> values) {
        String[] probe = coords.get(q).clone();
        for (String v : values) {
            probe[d] = v;
            String k = key(probe);
            if (!index.containsKey(k)) {
                index.put(k, coords.size());
                coords.add(probe.clone());
                sources.add(new int[0]);
            }
        }
    }

    /**
     * Adds {@code q = Σ children} along dimension d. With {@code complete}, only when every child
     * exists (hierarchies: a missing child is unknown, so the identity would be false); otherwise
     * over the children that exist (plain dimensions: an unlisted cell is zero).
     */
    private void addIdentity(int q, int d, List<String> childValues, boolean complete) {
        String[] probe = coords.get(q).clone();
        List<Integer> kids = new ArrayList<>();
        for (String v : childValues) {
            probe[d] = v;
            Integer c = index.get(key(probe));
            if (c == null && complete) {
                return;
            }
            if (c != null && c != q) {
                kids.add(c);
            }
        }
        if (!kids.isEmpty()) {
            identities.add(new Identity(q, kids.stream().mapToInt(Integer::intValue).toArray(), dims.get(d)));
        }
    }

    private void validate() throws DatasetFormatException {
        for (Identity id : identities) {
            double p = known[id.parent()];
            if (Double.isNaN(p)) {
                continue;
            }
            double sum = 0;
            boolean all = true;
            int terms = 0;
            for (int k : id.children()) {
                if (Double.isNaN(known[k])) {
                    all = false;
                } else {
                    sum += known[k];
                    terms++;
                }
            }
            int[] s = sources.get(id.parent());
            CountTable t = release.tables().get(s[0]);
            if (all && Math.abs(sum - p) > tolerance(id.children().length)) {
                throw new DatasetFormatException(t.file(), t.line(s[1]), 0, "aggregate.error.marginMismatch", t.file(),
                        t.line(s[1]), t.name(), t.keyString(s[1]), fmt(p), id.dimension(), fmt(sum));
            }
            if (!all && sum - p > tolerance(terms)) {
                // counts are never negative, so the withheld cells cannot make up the difference
                throw new DatasetFormatException(t.file(), t.line(s[1]), 0, "aggregate.error.marginBelowCells", t.file(),
                        t.line(s[1]), t.name(), t.keyString(s[1]), fmt(p), id.dimension(), fmt(sum));
            }
        }
    }

    public List<String> dimensions() {
        return dims;
    }

    public ReleaseSet release() {
        return release;
    }

    public int quantityCount() {
        return coords.size();
    }

    public List<Identity> identityList() {
        return identities;
    }

    /** The known (published, raw) value of a quantity, or NaN. */
    public double known(int q) {
        return known[q];
    }

    /** The quantity of a table cell. */
    public int quantityOf(int table, int cell) {
        CountTable t = release.tables().get(table);
        String[] coord = new String[dims.size()];
        Arrays.fill(coord, TOTAL);
        for (int d = 0; d < t.dimensions().size(); d++) {
            int code = t.code(d, cell);
            coord[dims.indexOf(t.dimensions().get(d))] = code == CountTable.TOTAL ? TOTAL : t.value(d, code);
        }
        return index.get(key(coord));
    }

    /** Whether no table publishes or suppresses this quantity (an unpublished hierarchy leaf). */
    public boolean unpublished(int q) {
        return sources.get(q).length == 0;
    }

    /** The location of a quantity over {@link #dimensions()} (Total for margins). */
    public List<String> location(int q) {
        List<String> parts = new ArrayList<>();
        for (String v : coords.get(q)) {
            parts.add(TOTAL.equals(v) ? CountTable.TOTAL_LABEL : v);
        }
        return parts;
    }

    /** (table, cell) pairs that publish or suppress this quantity, flattened. */
    public int[] sources(int q) {
        return sources.get(q).clone();
    }

    /** A readable label {@code table[a|b]} of a quantity (its first table). */
    public String label(int q) {
        int[] s = sources.get(q);
        if (s.length == 0) {
            return "unpublished[" + String.join("|", location(q)) + "]";
        }
        CountTable t = release.tables().get(s[0]);
        return t.name() + "[" + t.keyString(s[1]) + "]";
    }
}

package org.releaseauditor.core.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.Dataset;

/**
 * The original, the release and the optional control set, aligned on their shared columns and
 * encoded for the attacks. Immutable once built.
 *
 * <p>Checks, before any attack runs: every input has rows; the chosen columns exist in all
 * inputs, or (when no columns are chosen) the release and the control set have exactly the
 * columns of the original, with the missing and extra ones named; and every column is numeric in
 * all inputs or non-numeric in all of them (a column without any value adopts the others' kind).
 * Suppression markers count as missing values. Dates are treated as labels.
 */
public final class EvaluationData {

    private final List<EvaluationColumn> columns;
    final Table original;
    final Table release;
    final Table control;

    private EvaluationData(List<EvaluationColumn> columns, Table original, Table release, Table control) {
        this.columns = List.copyOf(columns);
        this.original = original;
        this.release = release;
        this.control = control;
    }

    /**
     * Aligns the inputs.
     *
     * @param original the source the release was derived from
     * @param release  the candidate release (synthetic or perturbed data)
     * @param control  original records held out of the release, or null
     * @param chosen   the columns the attacks may use; empty means every column of the original
     * @throws ConfigurationException naming what does not fit
     */
    public static EvaluationData align(Dataset original, Dataset release, Dataset control, List<String> chosen)
            throws ConfigurationException {
        requireRows(original, "evaluation.error.emptyOriginal");
        requireRows(release, "evaluation.error.emptyRelease");
        if (control != null) {
            requireRows(control, "evaluation.error.emptyControl");
        }
        List<String> names = chooseColumns(original, release, control, chosen);
        List<Column[]> sources = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        List<ColumnKind> kinds = new ArrayList<>();
        for (String name : names) {
            Column o = original.column(name).orElseThrow();
            Column r = release.column(name).orElseThrow();
            Column c = control == null ? null : control.column(name).orElseThrow();
            Column[] cols = c == null ? new Column[] {o, r} : new Column[] {o, r, c};
            sources.add(cols);
            ColumnKind kind = null;
            boolean conflict = false;
            for (Column col : cols) {
                if (col.cardinality() == 0) {
                    continue; // no value at all: fits either kind
                }
                ColumnKind k = kindOf(col.type());
                if (kind == null) {
                    kind = k;
                } else if (kind != k) {
                    conflict = true;
                }
            }
            if (conflict) {
                StringBuilder sb = new StringBuilder(name).append(" (original ").append(o.type())
                        .append(", release ").append(r.type());
                if (c != null) {
                    sb.append(", control ").append(c.type());
                }
                mismatches.add(sb.append(')').toString());
            }
            kinds.add(kind == null ? ColumnKind.CATEGORICAL : kind);
        }
        if (!mismatches.isEmpty()) {
            throw new ConfigurationException("evaluation.error.typeMismatch", String.join("; ", mismatches));
        }
        int m = names.size();
        Table[] tables = {allocate(original.rowCount(), m), allocate(release.rowCount(), m),
            control == null ? null : allocate(control.rowCount(), m)};
        List<EvaluationColumn> out = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            Column[] cols = sources.get(j);
            if (kinds.get(j) == ColumnKind.NUMERIC) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                Set<Double> distinct = new java.util.HashSet<>();
                for (int t = 0; t < cols.length; t++) {
                    double[] v = numericValues(cols[t]);
                    tables[t].num[j] = v;
                    for (double x : v) {
                        if (!Double.isNaN(x)) {
                            min = Math.min(min, x);
                            max = Math.max(max, x);
                        }
                    }
                    for (int code = 0; code < cols[t].cardinality(); code++) {
                        double x = cols[t].numeric(code);
                        if (!Double.isNaN(x)) {
                            distinct.add(x == 0.0 ? 0.0 : x);
                        }
                    }
                }
                double range = max > min ? max - min : 1.0;
                out.add(new EvaluationColumn(names.get(j), ColumnKind.NUMERIC, range, distinct.size()));
            } else {
                Map<String, Integer> dictionary = new HashMap<>();
                for (int t = 0; t < cols.length; t++) {
                    tables[t].cat[j] = codes(cols[t], dictionary);
                }
                out.add(new EvaluationColumn(names.get(j), ColumnKind.CATEGORICAL, 0, dictionary.size()));
            }
        }
        return new EvaluationData(out, tables[0], tables[1], tables[2]);
    }

    private static void requireRows(Dataset d, String key) throws ConfigurationException {
        if (d == null || d.rowCount() == 0 || d.columns().isEmpty()) {
            throw new ConfigurationException(key, d == null ? "-" : d.name());
        }
    }

    private static List<String> chooseColumns(Dataset original, Dataset release, Dataset control, List<String> chosen)
            throws ConfigurationException {
        if (chosen != null && !chosen.isEmpty()) {
            Set<String> unique = new LinkedHashSet<>(chosen);
            if (unique.size() != chosen.size()) {
                throw new ConfigurationException("evaluation.error.duplicateColumn", String.join(", ", chosen));
            }
            checkPresent(original, unique, "evaluation.error.columnsMissing.original");
            checkPresent(release, unique, "evaluation.error.columnsMissing.release");
            if (control != null) {
                checkPresent(control, unique, "evaluation.error.columnsMissing.control");
            }
            return List.copyOf(unique);
        }
        List<String> names = original.columnNames();
        checkSame(original, release, "evaluation.error.columnsDiffer.release");
        if (control != null) {
            checkSame(original, control, "evaluation.error.columnsDiffer.control");
        }
        return names;
    }

    private static void checkPresent(Dataset d, Set<String> wanted, String key) throws ConfigurationException {
        List<String> missing = new ArrayList<>();
        for (String w : wanted) {
            if (d.indexOf(w) < 0) {
                missing.add(w);
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigurationException(key, d.name(), String.join(", ", missing),
                    String.join(", ", d.columnNames()));
        }
    }

    private static void checkSame(Dataset original, Dataset other, String key) throws ConfigurationException {
        Set<String> a = new LinkedHashSet<>(original.columnNames());
        Set<String> b = new LinkedHashSet<>(other.columnNames());
        List<String> missing = new ArrayList<>();
        for (String s : a) {
            if (!b.contains(s)) {
                missing.add(s);
            }
        }
        List<String> extra = new ArrayList<>();
        for (String s : b) {
            if (!a.contains(s)) {
                extra.add(s);
            }
        }
        if (!missing.isEmpty() || !extra.isEmpty()) {
            List<String> shared = new ArrayList<>(a);
            shared.retainAll(b);
            throw new ConfigurationException(key, other.name(), missing.isEmpty() ? "-" : String.join(", ", missing),
                    extra.isEmpty() ? "-" : String.join(", ", extra), shared.isEmpty() ? "-" : String.join(",", shared));
        }
    }

    private static ColumnKind kindOf(ColumnType type) {
        return type.isNumeric() ? ColumnKind.NUMERIC : ColumnKind.CATEGORICAL;
    }

    private static Table allocate(int rows, int m) {
        return new Table(rows, new double[m][], new int[m][]);
    }

    private static double[] numericValues(Column col) {
        int n = col.size();
        int[] codes = col.codes();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double x = col.numeric(codes[i]);
            v[i] = x == 0.0 ? 0.0 : x; // one zero: -0.0 and 0.0 are the same value
        }
        return v;
    }

    private static int[] codes(Column col, Map<String, Integer> dictionary) {
        int card = col.cardinality();
        int[] map = new int[card];
        for (int code = 0; code < card; code++) {
            String value = col.value(code);
            Integer shared = dictionary.get(value);
            if (shared == null) {
                shared = dictionary.size();
                dictionary.put(value, shared);
            }
            map[code] = shared;
        }
        int n = col.size();
        int[] codes = col.codes();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int c = codes[i];
            out[i] = c < 0 ? -1 : map[c];
        }
        return out;
    }

    /** The aligned columns, in the order of the original (or as chosen). */
    public List<EvaluationColumn> columns() {
        return columns;
    }

    /** Index of a column, or −1. */
    public int indexOf(String name) {
        for (int j = 0; j < columns.size(); j++) {
            if (columns.get(j).name().equals(name)) {
                return j;
            }
        }
        return -1;
    }

    public int originalRows() {
        return original.rows;
    }

    public int releaseRows() {
        return release.rows;
    }

    /** Rows of the control set, or 0 without one. */
    public int controlRows() {
        return control == null ? 0 : control.rows;
    }

    public boolean hasControl() {
        return control != null;
    }

    @Override
    public String toString() {
        return "EvaluationData[columns=" + columns.size() + ", original=" + original.rows + ", release=" + release.rows
                + ", control=" + controlRows() + "]";
    }
}

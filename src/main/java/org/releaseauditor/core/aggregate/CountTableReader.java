package org.releaseauditor.core.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Turns a loaded {@link Dataset} into a {@link CountTable}: recognises margin tokens and
 * suppression markers (also when the importer already coded them as missing or suppressed),
 * inverts declared scaling factors, checks hierarchies and duplicate keys, and attaches
 * contributions from a contributor or microdata file.
 */
public final class CountTableReader {

    private CountTableReader() {
    }

    /** The raw token of a cell, undoing the importer's missing/suppressed coding. */
    static String token(Column col, int row) {
        int code = col.code(row);
        if (code == Column.MISSING) {
            return "";
        }
        if (code == Column.SUPPRESSED) {
            return "*";
        }
        return col.value(code).trim();
    }

    /**
     * Reads one table.
     *
     * @param file        the file name used in error messages
     * @param hierarchies dimension name → hierarchy; values of such dimensions must occur in it
     */
    public static CountTable read(Dataset ds, TableSpec spec, String file, Map<String, Hierarchy> hierarchies,
            ProgressMonitor monitor) throws AuditException {
        int countIdx = requireColumn(ds, spec, file, spec.countColumn());
        int magIdx = spec.magnitudeColumn() == null ? -1 : requireColumn(ds, spec, file, spec.magnitudeColumn());
        int scaleIdx = spec.scaleColumn() == null ? -1 : requireColumn(ds, spec, file, spec.scaleColumn());
        List<String> dims = new ArrayList<>(spec.dimensions());
        if (dims.isEmpty()) {
            for (int i = 0; i < ds.columns().size(); i++) {
                if (i != countIdx && i != magIdx && i != scaleIdx) {
                    dims.add(ds.columns().get(i).name());
                }
            }
        }
        int nd = dims.size();
        int[] dimIdx = new int[nd];
        for (int d = 0; d < nd; d++) {
            dimIdx[d] = requireColumn(ds, spec, file, dims.get(d));
        }
        int n = ds.rowCount();
        int[][] codes = new int[nd][n];
        List<Map<String, Integer>> dictIdx = new ArrayList<>();
        for (int d = 0; d < nd; d++) {
            dictIdx.add(new LinkedHashMap<>());
        }
        double[] published = new double[n];
        double[] scale = new double[n];
        double[] magnitude = magIdx < 0 ? null : new double[n];
        long[] lines = new long[n];
        Map<String, Integer> seen = new HashMap<>(n * 2);
        Column countCol = ds.columns().get(countIdx);
        int[] keyBuf = new int[nd];
        for (int r = 0; r < n; r++) {
            if (r % ProgressMonitor.CHECK_INTERVAL == 0) {
                monitor.checkCancelled();
                monitor.update("aggregate.progress.reading", r, n);
            }
            long line = r + 2L;
            lines[r] = line;
            for (int d = 0; d < nd; d++) {
                String v = token(ds.columns().get(dimIdx[d]), r);
                int code;
                if (spec.marginTokens().contains(v)) {
                    code = CountTable.TOTAL;
                } else {
                    Hierarchy h = hierarchies.get(dims.get(d));
                    if (h != null && h.level(v) < 0) {
                        throw new DatasetFormatException(file, line, dimIdx[d] + 1, "aggregate.error.notInHierarchy",
                                file, line, dimIdx[d] + 1, v, dims.get(d));
                    }
                    Map<String, Integer> m = dictIdx.get(d);
                    Integer c = m.get(v);
                    if (c == null) {
                        c = m.size();
                        m.put(v, c);
                    }
                    code = c;
                }
                codes[d][r] = code;
                keyBuf[d] = code;
            }
            Integer dup = seen.putIfAbsent(Arrays.toString(keyBuf), r);
            if (dup != null) {
                List<String> key = new ArrayList<>();
                for (int d = 0; d < nd; d++) {
                    key.add(token(ds.columns().get(dimIdx[d]), r));
                }
                throw new DatasetFormatException(file, line, 0, "aggregate.error.duplicate", file, line,
                        String.join("|", key), lines[dup]);
            }
            double f = spec.scale();
            if (scaleIdx >= 0) {
                String s = token(ds.columns().get(scaleIdx), r);
                f = parse(s);
                if (!(f > 0) || Double.isInfinite(f)) {
                    throw new DatasetFormatException(file, line, scaleIdx + 1, "aggregate.error.badScale", file, line,
                            scaleIdx + 1, s);
                }
            }
            scale[r] = f;
            String t = token(countCol, r);
            if (spec.suppressionMarkers().contains(t)) {
                published[r] = Double.NaN;
            } else {
                String problem = countProblem(t, spec.extrapolated());
                if (problem != null) {
                    throw new DatasetFormatException(file, line, countIdx + 1, "aggregate.error.countFormat", file,
                            line, countIdx + 1, t, Messages.get(problem), String.join(" ", quoted(spec)));
                }
                double v = parse(t);
                boolean integral = !Double.isNaN(v) && v == Math.rint(v);
                if (Double.isNaN(v) || Double.isInfinite(v) || (!spec.extrapolated() && !integral)) {
                    throw new DatasetFormatException(file, line, countIdx + 1, "aggregate.error.notInteger", file,
                            line, countIdx + 1, t, String.join(" ", quoted(spec)));
                }
                if (v < 0) {
                    throw new DatasetFormatException(file, line, countIdx + 1, "aggregate.error.negative", file, line,
                            countIdx + 1, t);
                }
                published[r] = v;
            }
            if (magnitude != null) {
                String s = token(ds.columns().get(magIdx), r);
                magnitude[r] = spec.suppressionMarkers().contains(s) ? Double.NaN : parse(s);
                if (!spec.suppressionMarkers().contains(s) && Double.isNaN(magnitude[r])) {
                    throw new DatasetFormatException(file, line, magIdx + 1, "aggregate.error.notNumber", file, line,
                            magIdx + 1, s);
                }
            }
        }
        String[][] dictionaries = new String[nd][];
        for (int d = 0; d < nd; d++) {
            dictionaries[d] = dictIdx.get(d).keySet().toArray(new String[0]);
        }
        return new CountTable(spec.name(), file, dims, dictionaries, codes, published, scale, magnitude, null, lines,
                spec.extrapolated());
    }

    private static List<String> quoted(TableSpec spec) {
        List<String> out = new ArrayList<>();
        for (String s : spec.suppressionMarkers()) {
            out.add("\"" + s + "\"");
        }
        out.sort(null);
        return out;
    }

    private static int requireColumn(Dataset ds, TableSpec spec, String file, String name)
            throws ConfigurationException {
        int i = ds.indexOf(name);
        if (i < 0) {
            throw new ConfigurationException("aggregate.error.noColumn", spec.name(), name, file,
                    String.join(", ", ds.columnNames()));
        }
        return i;
    }

    /** The largest count accepted: counts of people or events above it are refused as an overflow. */
    public static final long MAX_COUNT = Integer.MAX_VALUE;

    /**
     * Why a count token is not a plain count, as a message key, or null when it is one. A count is
     * written as digits only: no sign, no exponent, no leading zeros, at most {@link #MAX_COUNT};
     * an extrapolated (scaled) table may add a decimal fraction ({@code 37.5}). Tokens that are not
     * numbers at all are left to the caller's "not a count" message.
     */
    static String countProblem(String token, boolean decimalsAllowed) {
        String t = token.strip();
        if (t.isEmpty()) {
            return null;
        }
        char first = t.charAt(0);
        if (first == '+' || first == '-') {
            return t.length() > 1 && first == '-' ? null : "aggregate.count.sign"; // negatives: own message
        }
        if (t.indexOf('e') >= 0 || t.indexOf('E') >= 0) {
            return Double.isNaN(parse(t)) ? null : "aggregate.count.exponent";
        }
        int dot = t.indexOf('.');
        String whole = dot < 0 ? t : t.substring(0, dot);
        if (!whole.chars().allMatch(Character::isDigit) || whole.isEmpty()) {
            return null;
        }
        if (dot >= 0 && !decimalsAllowed) {
            return null; // "expected a whole count" says it best
        }
        if (whole.length() > 1 && whole.charAt(0) == '0') {
            return "aggregate.count.leadingZeros";
        }
        String digits = whole.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 10 || Long.parseLong(digits) > MAX_COUNT) {
            return "aggregate.count.overflow";
        }
        return null;
    }

    static double parse(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Attaches contributions read from a contributor file (the table's dimension columns, a
     * contributor id column and a value column) or from microdata (no id column: every row is its
     * own contributor; no value column: every row contributes 1). Leaf rows are added to every
     * published cell that contains them, margins included, merging rows of the same contributor.
     */
    public static CountTable attachContributions(CountTable table, Dataset contrib, String file, String idColumn,
            String valueColumn, ProgressMonitor monitor) throws AuditException {
        int nd = table.dimensions().size();
        int[] dimIdx = new int[nd];
        TableSpec spec = TableSpec.of(table.name());
        for (int d = 0; d < nd; d++) {
            dimIdx[d] = requireColumn(contrib, spec, file, table.dimensions().get(d));
        }
        int idIdx = idColumn == null ? -1 : requireColumn(contrib, spec, file, idColumn);
        int valIdx = valueColumn == null ? -1 : requireColumn(contrib, spec, file, valueColumn);
        Map<String, Integer> cellByKey = new HashMap<>(table.cellCount() * 2);
        int[] buf = new int[nd];
        for (int c = 0; c < table.cellCount(); c++) {
            for (int d = 0; d < nd; d++) {
                buf[d] = table.code(d, c);
            }
            cellByKey.put(Arrays.toString(buf), c);
        }
        List<Map<String, Double>> perCell = new ArrayList<>(table.cellCount());
        for (int c = 0; c < table.cellCount(); c++) {
            perCell.add(null);
        }
        int[] leaf = new int[nd];
        for (int r = 0; r < contrib.rowCount(); r++) {
            if (r % ProgressMonitor.CHECK_INTERVAL == 0) {
                monitor.checkCancelled();
            }
            boolean known = true;
            for (int d = 0; d < nd && known; d++) {
                leaf[d] = table.codeOf(d, token(contrib.columns().get(dimIdx[d]), r));
                known = leaf[d] >= 0;
            }
            if (!known) {
                continue;
            }
            String id = idIdx < 0 ? "#" + r : token(contrib.columns().get(idIdx), r);
            double v = 1.0;
            if (valIdx >= 0) {
                String s = token(contrib.columns().get(valIdx), r);
                v = parse(s);
                if (Double.isNaN(v) || v < 0) {
                    throw new DatasetFormatException(file, r + 2L, valIdx + 1, "aggregate.error.notNumber", file,
                            r + 2L, valIdx + 1, s);
                }
            }
            for (int mask = 0; mask < (1 << nd); mask++) {
                for (int d = 0; d < nd; d++) {
                    buf[d] = (mask & (1 << d)) != 0 ? CountTable.TOTAL : leaf[d];
                }
                Integer cell = cellByKey.get(Arrays.toString(buf));
                if (cell != null) {
                    Map<String, Double> m = perCell.get(cell);
                    if (m == null) {
                        m = new HashMap<>();
                        perCell.set(cell, m);
                    }
                    m.merge(id, v, Double::sum);
                }
            }
        }
        double[][] out = new double[table.cellCount()][];
        for (int c = 0; c < out.length; c++) {
            Map<String, Double> m = perCell.get(c);
            out[c] = m == null ? new double[0] : m.values().stream().mapToDouble(Double::doubleValue).toArray();
        }
        return table.withContributions(out);
    }
}

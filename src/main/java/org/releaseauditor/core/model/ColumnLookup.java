package org.releaseauditor.core.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.releaseauditor.core.error.ConfigurationException;

/**
 * Resolves column names given by a user (for example {@code --qi age,sex}) against a dataset. An
 * unknown name yields a clear message listing the available columns with a "did you mean"
 * suggestion found by edit distance.
 */
public final class ColumnLookup {

    private ColumnLookup() {
    }

    /**
     * The named columns, in the given order.
     *
     * @param optionName the option or field the names came from (for the message), e.g. {@code --qi}
     * @throws ConfigurationException for an unknown column or a column named twice
     */
    public static List<Column> require(Dataset ds, List<String> names, String optionName)
            throws ConfigurationException {
        List<Column> out = new ArrayList<>(names.size());
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            String n = name.strip();
            int idx = ds.indexOf(n);
            if (idx < 0) {
                throw unknown(n, ds.columnNames(), optionName);
            }
            if (!seen.add(n)) {
                throw new ConfigurationException("io.error.columnTwice", n, optionName);
            }
            out.add(ds.columns().get(idx));
        }
        return out;
    }

    /** Like {@link #require}, but returns the columns' indices in the dataset. */
    public static int[] requireIndices(Dataset ds, List<String> names, String optionName)
            throws ConfigurationException {
        List<Column> cols = require(ds, names, optionName);
        int[] out = new int[cols.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ds.indexOf(cols.get(i).name());
        }
        return out;
    }

    /** The error for an unknown column name (with a suggestion when a close name exists). */
    public static ConfigurationException unknown(String name, List<String> available, String optionName) {
        String list = String.join(", ", available);
        String suggestion = suggest(name, available);
        if (suggestion == null) {
            return new ConfigurationException("io.error.unknownColumn", name, optionName, list);
        }
        return new ConfigurationException("io.error.unknownColumnSuggest", name, optionName, suggestion, list);
    }

    /**
     * The available name closest to {@code name}: a case-insensitive match first, else the
     * smallest edit distance if it is at most a third of the name's length (at least 2); null if
     * none is close.
     */
    public static String suggest(String name, List<String> available) {
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        for (String a : available) {
            String al = a.toLowerCase(Locale.ROOT);
            if (al.equals(lower)) {
                return a;
            }
            int d = editDistance(lower, al);
            if (d < bestDist) {
                bestDist = d;
                best = a;
            }
        }
        int limit = Math.max(2, lower.length() / 3);
        return bestDist <= limit ? best : null;
    }

    /** Levenshtein distance (insert, delete, substitute each cost 1). */
    public static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

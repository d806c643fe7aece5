package org.releaseauditor.core.model;

/**
 * Infers a {@link ColumnType} from the distinct values of a column (its dictionary), not per
 * cell. Integer: optional sign and up to 18 digits. Decimal: a plain decimal number with a point
 * and/or an exponent (no NaN/Infinity, no decimal comma). Date-time: ISO 8601 dates
 * ({@code 2024-03-31}) and timestamps ({@code 2024-03-31T12:00}, seconds, fractions, {@code Z} or
 * an offset; a space may replace the {@code T}). Surrounding blanks are ignored.
 */
public final class TypeInference {

    private TypeInference() {
    }

    /** The narrowest type that fits every value; CATEGORICAL for an empty dictionary. */
    public static ColumnType infer(String[] values) {
        return infer(values, values.length);
    }

    /** The narrowest type that fits the first {@code count} values. */
    public static ColumnType infer(String[] values, int count) {
        if (count == 0) {
            return ColumnType.CATEGORICAL;
        }
        if (allMatch(values, count, ColumnType.INTEGER)) {
            return ColumnType.INTEGER;
        }
        if (allMatch(values, count, ColumnType.DECIMAL)) {
            return ColumnType.DECIMAL;
        }
        if (allMatch(values, count, ColumnType.DATE_TIME)) {
            return ColumnType.DATE_TIME;
        }
        return ColumnType.CATEGORICAL;
    }

    /** How many of the first {@code count} values do not fit {@code type}. */
    public static int countMismatches(String[] values, int count, ColumnType type) {
        int bad = 0;
        for (int i = 0; i < count; i++) {
            if (!matches(values[i], type)) {
                bad++;
            }
        }
        return bad;
    }

    private static boolean allMatch(String[] values, int count, ColumnType type) {
        for (int i = 0; i < count; i++) {
            if (!matches(values[i], type)) {
                return false;
            }
        }
        return true;
    }

    /** Whether one value can be read as {@code type}. */
    public static boolean matches(String value, ColumnType type) {
        String s = value.strip();
        switch (type) {
            case INTEGER:
                return isInteger(s);
            case DECIMAL:
                return isDecimal(s);
            case DATE_TIME:
                return isDateTime(s);
            default:
                return true;
        }
    }

    static boolean isInteger(String s) {
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        int digits = n - i;
        if (digits < 1 || digits > 18) {
            return false;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean isDecimal(String s) {
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int exp = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    static boolean isDateTime(String s) {
        int n = s.length();
        if (n < 10 || !digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 2) || s.charAt(7) != '-'
                || !digits(s, 8, 2)) {
            return false;
        }
        int month = num(s, 5, 2);
        int day = num(s, 8, 2);
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return false;
        }
        if (n == 10) {
            return true;
        }
        char sep = s.charAt(10);
        if ((sep != 'T' && sep != ' ') || n < 16 || !digits(s, 11, 2) || s.charAt(13) != ':' || !digits(s, 14, 2)
                || num(s, 11, 2) > 23 || num(s, 14, 2) > 59) {
            return false;
        }
        int i = 16;
        if (i < n && s.charAt(i) == ':') {
            if (i + 3 > n || !digits(s, i + 1, 2) || num(s, i + 1, 2) > 60) {
                return false;
            }
            i += 3;
            if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                int start = ++i;
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                }
                if (i == start || i - start > 9) {
                    return false;
                }
            }
        }
        if (i == n) {
            return true;
        }
        char z = s.charAt(i);
        if (z == 'Z' && i + 1 == n) {
            return true;
        }
        if (z == '+' || z == '-') {
            String off = s.substring(i + 1);
            return off.length() == 2 && digits(off, 0, 2)
                    || off.length() == 4 && digits(off, 0, 4)
                    || off.length() == 5 && digits(off, 0, 2) && off.charAt(2) == ':' && digits(off, 3, 2);
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean digits(String s, int from, int len) {
        if (from + len > s.length()) {
            return false;
        }
        for (int i = from; i < from + len; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int from, int len) {
        return Integer.parseInt(s, from, from + len, 10);
    }
}

package org.releaseauditor.core.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Suggests an {@link AttributeRole} per column from its name and, when the data is known, from
 * whether all its values are unique. Short keywords (up to three letters, such as {@code id},
 * {@code n}, {@code age}) must be a whole word of the name ({@code home_zip}, {@code personId});
 * longer ones may appear anywhere ({@code postcode} in {@code homepostcode}). Rules are tried in a
 * fixed order, so {@code hh_id} is a household id rather than an identifier.
 */
public final class RoleSuggester {

    private record Rule(AttributeRole role, String reasonKey, List<String> keywords) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(AttributeRole.HOUSEHOLD, "io.role.reason.household",
                    List.of("household", "haushalt", "hh", "hhid", "hhnr")),
            new Rule(AttributeRole.PSEUDONYM, "io.role.reason.pseudonym",
                    List.of("pseudonym", "user", "uid", "userid", "subscriber", "imsi", "device")),
            new Rule(AttributeRole.WEIGHT, "io.role.reason.weight",
                    List.of("weight", "wgt", "gewicht", "hochrechnung", "wt")),
            new Rule(AttributeRole.TIMESTAMP, "io.role.reason.timestamp",
                    List.of("timestamp", "time", "datetime", "ts", "zeit", "zeitstempel")),
            new Rule(AttributeRole.LOCATION, "io.role.reason.location",
                    List.of("cell", "location", "lat", "lon", "lng", "latitude", "longitude", "antenna", "tower",
                            "standort", "geohash")),
            new Rule(AttributeRole.COUNT, "io.role.reason.count",
                    List.of("count", "n", "cnt", "anzahl", "frequency", "freq")),
            new Rule(AttributeRole.SENSITIVE, "io.role.reason.sensitive",
                    List.of("diagnosis", "diagnose", "income", "salary", "disease", "einkommen", "gehalt", "wage",
                            "religion", "health", "krankheit")),
            new Rule(AttributeRole.QUASI_IDENTIFIER, "io.role.reason.quasi",
                    List.of("zip", "zipcode", "postcode", "postal", "plz", "age", "agegroup", "birth", "dob", "gender",
                            "sex", "geschlecht", "nationality", "country", "district", "kreis", "bezirk", "gemeinde",
                            "race", "marital", "education", "occupation", "beruf", "geburt")),
            new Rule(AttributeRole.IDENTIFIER, "io.role.reason.identifier",
                    List.of("name", "email", "mail", "phone", "telefon", "ssn", "id", "passport", "iban",
                            "address", "adresse", "svnr")));

    /** Minimum number of rows before "all values unique" suggests an identifier. */
    public static final int MIN_ROWS_FOR_UNIQUE = 10;

    private RoleSuggester() {
    }

    /** Suggestions for every column of a loaded dataset (name rules, then uniqueness). */
    public static List<RoleSuggestion> suggest(Dataset ds) {
        List<RoleSuggestion> out = new ArrayList<>();
        for (Column c : ds.columns()) {
            int present = 0;
            int[] codes = c.codes();
            for (int r = 0; r < c.size(); r++) {
                if (codes[r] >= 0) {
                    present++;
                }
            }
            out.add(suggest(c.name(), c.type(), c.cardinality(), present));
        }
        return out;
    }

    /** Suggestions from a sniff preview (uniqueness judged on the preview rows only). */
    public static List<RoleSuggestion> suggest(SniffResult sniff) {
        List<RoleSuggestion> out = new ArrayList<>();
        for (int i = 0; i < sniff.columnNames().size(); i++) {
            Set<String> distinct = new HashSet<>();
            int present = 0;
            for (List<String> row : sniff.previewRows()) {
                if (i < row.size() && !row.get(i).isEmpty()) {
                    present++;
                    distinct.add(row.get(i));
                }
            }
            out.add(suggest(sniff.columnNames().get(i), sniff.columnTypes().get(i), distinct.size(), present));
        }
        return out;
    }

    /**
     * The suggestion for one column.
     *
     * @param distinct number of distinct present values
     * @param present  number of rows with a present (non-missing, non-suppressed) value
     */
    public static RoleSuggestion suggest(String column, ColumnType type, int distinct, int present) {
        List<String> words = words(column);
        String joined = String.join("", words);
        for (Rule rule : RULES) {
            for (String kw : rule.keywords()) {
                boolean hit = kw.length() <= 3 ? words.contains(kw) : joined.contains(kw);
                if (hit) {
                    return new RoleSuggestion(column, rule.role(), rule.reasonKey(), List.of(column, kw));
                }
            }
        }
        if (present >= MIN_ROWS_FOR_UNIQUE && distinct == present
                && (type == ColumnType.CATEGORICAL || type == ColumnType.INTEGER)) {
            return new RoleSuggestion(column, AttributeRole.IDENTIFIER, "io.role.reason.unique",
                    List.of(column, present));
        }
        return new RoleSuggestion(column, AttributeRole.INSENSITIVE, "io.role.reason.default", List.of(column));
    }

    /** Lower-case words of a column name: split at non-letters/digits and at camelCase humps. */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char prev = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(out, cur);
            } else {
                if (Character.isUpperCase(c) && Character.isLowerCase(prev)) {
                    flush(out, cur);
                }
                cur.append(Character.toLowerCase(c));
            }
            prev = c;
        }
        flush(out, cur);
        return out;
    }

    private static void flush(List<String> out, StringBuilder cur) {
        if (cur.length() > 0) {
            out.add(cur.toString().toLowerCase(Locale.ROOT));
            cur.setLength(0);
        }
    }
}

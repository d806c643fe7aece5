package org.releaseauditor.core.catalogue;

import java.util.List;
import java.util.Locale;

/**
 * What the catalogue says about one key of a result, in one language.
 *
 * @param scope         the document kind: a lane ({@code microdata}, {@code trajectories},
 *                      {@code aggregates}, {@code evaluation}), a remediation result
 *                      ({@code remediation-microdata} …) or {@code common}
 * @param pattern       the catalogue pattern that matched ({@code lDiversity.*.distinct})
 * @param path          the concrete JSON path looked up ({@code lDiversity.segment.distinct})
 * @param captures      the path segments matched by {@code *} in the pattern, in order
 * @param locale        the language of the texts
 * @param labelTemplate a short label; {@code {0}}, {@code {1}} … stand for the captures
 * @param textTemplate  one plain sentence saying what it is (may use the captures too)
 * @param read          how to read it (which values are good or bad), or empty for non-metrics
 * @param reference     the paper or tool (and function) it follows, or empty for non-metrics
 * @param notApplicable when it is not applicable (absent or null), or empty for non-metrics
 * @param unit          how its number is written
 */
public record MetricEntry(String scope, String pattern, String path, List<String> captures, Locale locale,
        String labelTemplate, String textTemplate, String read, String reference, String notApplicable, MetricUnit unit) {

    public MetricEntry {
        captures = List.copyOf(captures);
        labelTemplate = labelTemplate == null ? "" : labelTemplate;
        textTemplate = textTemplate == null ? "" : textTemplate;
        read = read == null ? "" : read;
        reference = reference == null ? "" : reference;
        notApplicable = notApplicable == null ? "" : notApplicable;
        unit = unit == null ? MetricUnit.NONE : unit;
    }

    /** Whether the catalogue has an entry for the path (false: a fallback made from the path). */
    public boolean known() {
        return pattern != null;
    }

    /** Whether this key is a measured number (then read, reference and not-applicable are given). */
    public boolean isMetric() {
        return unit != MetricUnit.NONE;
    }

    /** The label with its captures filled in (the raw path segments). */
    public String label() {
        return fill(labelTemplate, captures);
    }

    /** The label with {@code {0}}, {@code {1}} … replaced by display names of the captures. */
    public String label(List<String> names) {
        return fill(labelTemplate, names);
    }

    /** The sentence with its captures filled in. */
    public String text() {
        return fill(textTemplate, captures);
    }

    /** The sentence with display names for the captures. */
    public String text(List<String> names) {
        return fill(textTemplate, names);
    }

    /** Replaces {@code {i}} by {@code values[i]} literally (no MessageFormat quoting rules). */
    static String fill(String template, List<String> values) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        String out = template;
        for (int i = 0; i < values.size(); i++) {
            out = out.replace("{" + i + "}", values.get(i));
        }
        return out;
    }
}

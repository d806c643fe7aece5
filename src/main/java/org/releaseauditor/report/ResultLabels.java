package org.releaseauditor.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.releaseauditor.core.catalogue.MetricCatalogue;
import org.releaseauditor.core.catalogue.MetricEntry;

/**
 * Catalogue look-ups against one result document: the scope comes from the document's
 * {@code lane} and {@code kind}, and an array element in a path is named by the field the
 * catalogue gives for it ({@code unicity.3.fraction} reads "Unicity with 4 known points", since
 * that row has {@code points: 4}); a map key (an attribute, a table) names itself; an element
 * without a naming field is numbered from 1.
 */
public final class ResultLabels {

    private final JsonNode root;
    private final String scope;
    private final Locale locale;
    private final MetricCatalogue catalogue = MetricCatalogue.standard();

    public ResultLabels(JsonNode root, Locale locale) {
        this(root, scopeOf(root), locale);
    }

    public ResultLabels(JsonNode root, String scope, Locale locale) {
        this.root = root;
        this.scope = scope;
        this.locale = locale;
    }

    /** The catalogue scope of a result document. */
    public static String scopeOf(JsonNode root) {
        String kind = root == null ? null : root.path("kind").asText(null);
        String lane = root == null ? null : root.path("lane").asText(null);
        if (lane == null && kind != null && !"remediation".equals(kind)) {
            // trajectory results of schema version 1 name their lane "kind"
            return kind;
        }
        return MetricCatalogue.scopeOf(kind, lane);
    }

    public String scope() {
        return scope;
    }

    /** The catalogue entry of a path. */
    public MetricEntry entry(String path) {
        return catalogue.describe(scope, path, locale);
    }

    /** The label of a path with display names for its array elements and map keys. */
    public String label(String path) {
        MetricEntry e = entry(path);
        return e.label(names(path, e));
    }

    /** The sentence of a path with display names. */
    public String text(String path) {
        MetricEntry e = entry(path);
        return e.text(names(path, e));
    }

    /** Display names of the entry's captures (for {@code *} captures; {@code **} ones stay raw). */
    public List<String> names(String path, MetricEntry e) {
        if (!e.known() || e.captures().isEmpty()) {
            return e.captures();
        }
        String[] seg = path.split("\\.", -1);
        String[] pat = e.pattern().split("\\.", -1);
        if (pat.length != seg.length) {
            return e.captures();
        }
        List<String> out = new ArrayList<>();
        JsonNode node = root;
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < seg.length; i++) {
            JsonNode parent = node;
            node = node == null ? null : node.isArray() && seg[i].matches("\\d+") ? node.get(Integer.parseInt(seg[i]))
                    : node.get(seg[i]);
            if (prefix.length() > 0) {
                prefix.append('.');
            }
            prefix.append(seg[i]);
            if ("*".equals(pat[i])) {
                out.add(name(parent, node, seg[i], prefix.toString()));
            }
        }
        return out;
    }

    private String name(JsonNode parent, JsonNode element, String segment, String elementPath) {
        if (parent == null || !parent.isArray()) {
            return segment;
        }
        Optional<String> field = catalogue.nameField(scope, elementPath);
        if (field.isPresent() && element != null && element.has(field.get())) {
            JsonNode v = element.get(field.get());
            if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                v.forEach(x -> parts.add(x.asText()));
                return String.join(", ", parts);
            }
            return v.isNumber() ? org.releaseauditor.core.catalogue.MetricFormat.format(v.asDouble(),
                    org.releaseauditor.core.catalogue.MetricUnit.NUMBER, locale) : v.asText();
        }
        return segment.matches("\\d+") ? Integer.toString(Integer.parseInt(segment) + 1) : segment;
    }
}

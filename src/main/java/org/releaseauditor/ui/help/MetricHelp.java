package org.releaseauditor.ui.help;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;

/**
 * The one way a node that shows a measure says which measure it is: {@link #tag(Node, String, String)}
 * stores the metric catalogue key (scope and result JSON path) in the node's properties; F1 and
 * the help pane read it back with {@link #keyOf(Node)}, from the node under the mouse cursor or
 * its nearest tagged parent.
 * <p>
 * The scope is the catalogue scope (the lane: {@code microdata}, {@code trajectories},
 * {@code aggregates}, {@code evaluation}, or {@code remediation-LANE}); the path is the dotted
 * result JSON path with array indexes ({@code unicity.3.fraction}), exactly as given to
 * {@link org.releaseauditor.core.catalogue.MetricCatalogue#describe}.
 * <p>
 * Summary cards and the What-if comparison rows are tagged from their hover text:
 * {@code CardTips.of} and {@code Comparisons.cards} {@link #remember remember} which key each text
 * they write describes, and {@code SummaryCard} / {@code CompareGrid} {@link #tagFromText tag the
 * node} from it, so the card records carry no extra field. Charts and metric tables are tagged
 * where the dashboards create them ({@link #tagAll}), findings of the Verdict panel with the
 * finding's own scope and path.
 */
public final class MetricHelp {
    /** Node property: the catalogue scope. */
    public static final String SCOPE = "releaseauditor.help.scope";
    /** Node property: the result JSON path. */
    public static final String PATH = "releaseauditor.help.path";
    /** Node property: display names for the {@code {0}}… of the entry's label (may be absent). */
    public static final String NAMES = "releaseauditor.help.names";

    /** The key of one measure. */
    public record Key(String scope, String path, List<String> names) {
        public Key {
            names = names == null ? List.of() : List.copyOf(names);
        }
    }

    /** How many hover texts are remembered (the cards of every dashboard fit many times over). */
    private static final int REMEMBERED = 2048;
    /** Hover text → key, the most recent {@value #REMEMBERED} (written off the FX thread too). */
    private static final Map<String, Key> TEXTS = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Key> eldest) {
                    return size() > REMEMBERED;
                }
            });

    private MetricHelp() {
    }

    /** Marks {@code node} as showing the measure {@code path} of {@code scope}; returns the node. */
    public static <N extends Node> N tag(N node, String scope, String path) {
        return tag(node, scope, path, List.of());
    }

    /** As {@link #tag(Node, String, String)}, with display names for the label's {@code {0}}…. */
    public static <N extends Node> N tag(N node, String scope, String path, List<String> names) {
        if (node == null) {
            return null;
        }
        if (scope == null || path == null) {
            node.getProperties().remove(SCOPE);
            node.getProperties().remove(PATH);
            node.getProperties().remove(NAMES);
            return node;
        }
        node.getProperties().put(SCOPE, scope);
        node.getProperties().put(PATH, path);
        node.getProperties().put(NAMES, names == null ? List.of() : List.copyOf(names));
        return node;
    }

    /**
     * Tags several nodes of one lane in one line: {@code tagAll("microdata", chart, "histogram",
     * table, "qiContribution")}; a null node is skipped.
     */
    public static void tagAll(String scope, Object... nodesAndPaths) {
        if (nodesAndPaths.length % 2 != 0) {
            throw new IllegalArgumentException("pairs of node and path expected");
        }
        for (int i = 0; i < nodesAndPaths.length; i += 2) {
            if (nodesAndPaths[i] instanceof Node n) {
                tag(n, scope, (String) nodesAndPaths[i + 1]);
            }
        }
    }

    /** The key {@code node} itself carries, or empty. */
    public static Optional<Key> ownKey(Node node) {
        if (node == null) {
            return Optional.empty();
        }
        Object s = node.getProperties().get(SCOPE);
        Object p = node.getProperties().get(PATH);
        if (s instanceof String scope && p instanceof String path) {
            Object n = node.getProperties().get(NAMES);
            List<String> names = n instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
            return Optional.of(new Key(scope, path, names));
        }
        return Optional.empty();
    }

    /** The key of {@code node} or of its nearest tagged ancestor, or empty. */
    public static Optional<Key> keyOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            Optional<Key> k = ownKey(n);
            if (k.isPresent()) {
                return k;
            }
        }
        return Optional.empty();
    }

    /**
     * Remembers that {@code text} (a hover text written from the catalogue) describes the measure
     * {@code path} of {@code scope}; returns {@code text} unchanged.
     */
    public static String remember(String text, String scope, String path, List<String> names) {
        if (text != null && scope != null && path != null) {
            TEXTS.put(text, new Key(scope, path, names));
        }
        return text;
    }

    /** Tags {@code node} with the key remembered for {@code text} (or removes its tag). */
    public static void tagFromText(Node node, String text) {
        Key k = text == null ? null : TEXTS.get(text);
        if (k == null) {
            tag(node, null, null);
        } else {
            tag(node, k.scope(), k.path(), k.names());
        }
    }
}

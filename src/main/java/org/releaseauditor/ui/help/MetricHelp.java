package org.releaseauditor.ui.help;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

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
    /** Table property: the {@link RowKey} giving the key of each row (see {@link #tagRows}). */
    public static final String ROWS = "releaseauditor.help.rows";

    /**
     * The key of one row of a metric table: the array element the row shows.
     *
     * @param <T> the table's item type
     */
    @FunctionalInterface
    public interface RowKey<T> {
        /** The key of {@code item}, shown at {@code index} of the table (null: the table's own key). */
        Key key(T item, int index);
    }

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

    /**
     * Makes each row of {@code table} resolve its own key (the array element it shows, e.g.
     * {@code unicity.2} "Unicity with 3 known points"), so that F1 over a row explains that row; the
     * table's own tag stays for its header and empty space. Works with any row factory: the key is
     * read from the {@link TableRow} under the cursor when it is asked for.
     */
    public static <T> void tagRows(TableView<T> table, RowKey<T> rows) {
        table.getProperties().put(ROWS, rows);
    }

    /** As {@link #tagRows(TableView, RowKey)}: element {@code arrayPath.<index>} of {@code scope}, named by {@code name}. */
    public static <T> void tagRows(TableView<T> table, String scope, String arrayPath,
            java.util.function.Function<T, String> name) {
        tagRows(table, (item, index) -> new Key(scope, arrayPath + "." + index,
                name == null ? List.of() : List.of(name.apply(item))));
    }

    /** The key of a table row from its table's {@link #tagRows row keys}, or empty. */
    @SuppressWarnings("unchecked")
    private static Optional<Key> rowKey(TableView<?> table, Object item, int index) {
        if (table == null || item == null || index < 0
                || !(table.getProperties().get(ROWS) instanceof RowKey<?> rows)) {
            return Optional.empty();
        }
        return Optional.ofNullable(((RowKey<Object>) rows).key(item, index));
    }

    /**
     * The key of the focused node for the keyboard (Help → Metric help, F1 without a pointer): in
     * a table with {@link #tagRows row keys}, that of its focused row; else {@link #keyOf}.
     */
    public static Optional<Key> keyOfFocused(Node node) {
        if (node instanceof TableView<?> t) {
            int i = t.getFocusModel().getFocusedIndex();
            if (i >= 0 && i < t.getItems().size()) {
                Optional<Key> k = rowKey(t, t.getItems().get(i), i);
                if (k.isPresent()) {
                    return k;
                }
            }
        }
        return keyOf(node);
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

    /**
     * The key of {@code node} or of its nearest tagged ancestor, or empty; a row of a table with
     * {@link #tagRows row keys} gives the key of the element it shows.
     */
    public static Optional<Key> keyOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TableRow<?> row && !row.isEmpty()) {
                Optional<Key> r = rowKey(row.getTableView(), row.getItem(), row.getIndex());
                if (r.isPresent()) {
                    return r;
                }
            }
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

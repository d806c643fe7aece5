package org.releaseauditor.ui.help;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.releaseauditor.core.catalogue.MetricCatalogue;
import org.releaseauditor.core.catalogue.MetricEntry;
import org.releaseauditor.core.i18n.Messages;

/**
 * The help pane at the right of the main window: what the measure under the cursor (or the one
 * picked from the list) is, in the UI language, from the metric catalogue - its label, plain
 * sentence, how to read it, its reference, when it is not applicable, and its unit - above the
 * searchable list of every catalogue entry of the current lane.
 * <p>
 * A side pane, not a window: it sits next to the numbers it explains without covering them,
 * follows the main window (and its language), and is reached with the keyboard like any other
 * part of the window (F1, then Tab; Esc closes it and gives the focus back).
 */
public final class HelpPane extends VBox {
    private final MetricCatalogue catalogue = MetricCatalogue.standard();
    private final Label title = new Label(Messages.get("help.title"));
    private final Button close = new Button("\u00d7");
    private final Label entryLabel = new Label();
    private final Label entryText = new Label();
    private final VBox details = new VBox(6);
    private final VBox entryBox = new VBox(8);
    private final Label placeholder = new Label(Messages.get("help.nothing"));
    private final Label listTitle = new Label();
    private final TextField filter = new TextField();
    private final ListView<MetricEntry> list = new ListView<>();
    private final FilteredList<MetricEntry> filtered;
    private String scope = "";
    /** pattern → the label shown in the list. */
    private final Map<String, String> display = new HashMap<>();
    private MetricHelp.Key shown;
    private Runnable onClose = () -> { };

    public HelpPane() {
        setId("helpPane");
        getStyleClass().add("help-pane");
        setSpacing(8);
        setPadding(new Insets(8, 10, 10, 10));
        setPrefWidth(340);
        setMinWidth(300);
        setMaxWidth(420);
        setAccessibleRole(AccessibleRole.NODE);
        setAccessibleText(Messages.get("help.title"));

        title.getStyleClass().add("section-title");
        title.setId("helpTitle");
        close.setId("helpClose");
        close.getStyleClass().add("help-close");
        close.setAccessibleText(Messages.get("help.close"));
        close.setTooltip(new javafx.scene.control.Tooltip(Messages.get("help.close")));
        close.setOnAction(e -> onClose.run());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox header = new HBox(8, title, spring, close);
        header.setAlignment(Pos.CENTER_LEFT);

        entryLabel.setId("helpEntryLabel");
        entryLabel.getStyleClass().add("help-entry-label");
        entryText.setId("helpEntryText");
        for (Label l : List.of(entryLabel, entryText, placeholder)) {
            wrap(l);
        }
        placeholder.setId("helpPlaceholder");
        placeholder.getStyleClass().add("explain");
        entryBox.getChildren().addAll(entryLabel, entryText, details);
        VBox top = new VBox(8, placeholder, entryBox);
        top.setPadding(new Insets(0, 4, 0, 0));
        ScrollPane scroll = new ScrollPane(top);
        scroll.setId("helpScroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("help-scroll");
        scroll.setPrefViewportHeight(420);
        scroll.setMinHeight(120);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        listTitle.setId("helpListTitle");
        listTitle.getStyleClass().add("section-title");
        wrap(listTitle);
        filter.setId("helpFilter");
        filter.setPromptText(Messages.get("help.filter.prompt"));
        filter.setAccessibleText(Messages.get("help.filter.prompt"));
        filtered = new FilteredList<>(FXCollections.observableArrayList());
        list.setItems(filtered);
        list.setId("helpList");
        list.setAccessibleText(Messages.get("help.list"));
        list.setPlaceholder(wrap(new Label(Messages.get("help.list.empty"))));
        list.setMinHeight(140);
        list.setPrefHeight(220);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(MetricEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : listLabel(e));
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        filter.textProperty().addListener((o, a, b) -> applyFilter(b));
        filter.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !filtered.isEmpty()) {
                list.requestFocus();
                if (list.getSelectionModel().isEmpty()) {
                    list.getSelectionModel().selectFirst();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && !filtered.isEmpty()) {
                list.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                showEntry(b);
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                onClose.run();
                e.consume();
            }
        });
        getChildren().addAll(header, scroll, new Separator(), listTitle, filter, list);
        showNothing();
    }

    /** What the close button and Esc do (the window hides the pane). */
    public void setOnClose(Runnable r) {
        onClose = r == null ? () -> { } : r;
    }

    /** The lane whose entries the list shows ({@code microdata}, {@code trajectories}, …). */
    public void setScope(String laneScope) {
        if (laneScope == null || laneScope.equals(scope)) {
            return;
        }
        scope = laneScope;
        listTitle.setText(Messages.get("help.list.title", Messages.get("help.lane." + laneScope)));
        List<MetricEntry> entries = new ArrayList<>();
        Locale locale = Messages.locale();
        for (String pattern : catalogue.patterns(laneScope)) {
            entries.add(catalogue.describe(laneScope, pattern, locale));
        }
        display.clear();
        Map<String, Integer> seen = new HashMap<>();
        for (MetricEntry e : entries) {
            seen.merge(baseLabel(e), 1, Integer::sum);
        }
        for (MetricEntry e : entries) {
            String base = baseLabel(e);
            // several entries with one label ("90th percentile"): say what each belongs to
            display.put(e.pattern(), seen.get(base) > 1 ? base + " (" + parentLabel(laneScope, e, locale) + ")" : base);
        }
        Collections.sort(entries, (x, y) -> listLabel(x).compareToIgnoreCase(listLabel(y)));
        ((javafx.collections.ObservableList<MetricEntry>) filtered.getSource()).setAll(entries);
        applyFilter(filter.getText());
    }

    public String scope() {
        return scope;
    }

    /** Shows the measure {@code key} (from a tagged node). */
    public void show(MetricHelp.Key key) {
        MetricEntry e = catalogue.describe(key.scope(), key.path(), Messages.locale());
        shown = key;
        fill(e, key.names());
    }

    /** Shows nothing selected: the placeholder above the list. */
    public void showNothing() {
        shown = null;
        list.getSelectionModel().clearSelection();
        placeholder.setVisible(true);
        placeholder.setManaged(true);
        entryBox.setVisible(false);
        entryBox.setManaged(false);
    }

    /** The key shown, or null when an entry of the list or nothing is shown. */
    public MetricHelp.Key shownKey() {
        return shown;
    }

    /** The label of the entry shown, or empty. */
    public String shownLabel() {
        return entryBox.isVisible() ? entryLabel.getText() : "";
    }

    /** The sentence of the entry shown, or empty. */
    public String shownText() {
        return entryBox.isVisible() ? entryText.getText() : "";
    }

    public TextField filterField() {
        return filter;
    }

    public ListView<MetricEntry> listView() {
        return list;
    }

    /** The entries left by the filter (what the list shows). */
    public List<MetricEntry> visibleEntries() {
        return List.copyOf(filtered);
    }

    public Button closeButton() {
        return close;
    }

    /**
     * The label of an entry in the list: its label, with "n" for what an element's index stands
     * for, and, where several entries share a label, what it belongs to.
     */
    public String listLabel(MetricEntry e) {
        String d = display.get(e.pattern());
        return d != null ? d : baseLabel(e);
    }

    private static String baseLabel(MetricEntry e) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < e.captures().size(); i++) {
            names.add("n");
        }
        return e.label(names);
    }

    /** The label of the nearest named entry above {@code e} (its path without the last segments), else its path. */
    private String parentLabel(String laneScope, MetricEntry e, Locale locale) {
        List<String> segs = new ArrayList<>(List.of(e.pattern().split("\\.")));
        while (segs.size() > 1) {
            segs.remove(segs.size() - 1);
            String last = segs.get(segs.size() - 1);
            if (last.startsWith("*")) {
                continue;
            }
            for (String path : List.of(String.join(".", segs), last)) {
                MetricEntry parent = catalogue.describe(laneScope, path, locale);
                if (parent.known() && !parent.pattern().equals(e.pattern())) {
                    return baseLabel(parent);
                }
            }
            // a wildcard pattern ("**.riskDistribution.p90"): the name of the part it lies in
            return last;
        }
        return e.pattern();
    }

    private void showEntry(MetricEntry e) {
        shown = null;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < e.captures().size(); i++) {
            names.add("n");
        }
        fill(e, names);
        entryLabel.setText(listLabel(e));
    }

    private void fill(MetricEntry e, List<String> names) {
        placeholder.setVisible(false);
        placeholder.setManaged(false);
        entryBox.setVisible(true);
        entryBox.setManaged(true);
        entryLabel.setText(names.isEmpty() ? e.label() : e.label(names));
        entryText.setText(names.isEmpty() ? e.text() : e.text(names));
        details.getChildren().clear();
        section("help.read", e.read(), "helpRead");
        section("help.reference", e.reference(), "helpReference");
        section("help.notApplicable", e.notApplicable(), "helpNotApplicable");
        if (e.isMetric()) {
            section("help.unit", Messages.get("help.unit." + e.unit().name()), "helpUnit");
        }
    }

    private void section(String key, String text, String id) {
        if (text == null || text.isBlank()) {
            return;
        }
        Label head = wrap(new Label(Messages.get(key)));
        head.getStyleClass().add("help-section");
        Label body = wrap(new Label(text));
        body.setId(id);
        details.getChildren().addAll(head, body);
    }

    private void applyFilter(String text) {
        String q = text == null ? "" : text.strip().toLowerCase(Messages.locale());
        filtered.setPredicate(q.isEmpty() ? e -> true : e -> matches(e, q));
    }

    private boolean matches(MetricEntry e, String q) {
        Locale l = e.locale();
        return listLabel(e).toLowerCase(l).contains(q) || e.text().toLowerCase(l).contains(q)
                || e.path().toLowerCase(Locale.ROOT).contains(q);
    }

    private static Label wrap(Label l) {
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}

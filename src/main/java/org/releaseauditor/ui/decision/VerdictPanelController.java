package org.releaseauditor.ui.decision;

import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.ui.AppContext;

/**
 * The Verdict panel: the open case's verdict as {@link VerdictContent} (the report's first page),
 * refreshed whenever the case changes. Thin: no number is judged here.
 */
public final class VerdictPanelController {
    private static final List<String> RESULT_STYLES = List.of("verdict-PASS", "verdict-PASS_WITH_WARNINGS",
            "verdict-NOT_EVALUATED", "verdict-FAIL");

    private final CaseViewModel vm;

    @FXML private Label titleLabel;
    @FXML private Label resultBanner;
    @FXML private Label decisionLine;
    @FXML private Label errorLabel;
    @FXML private GridPane outputsGrid;
    @FXML private VBox policyBox;
    @FXML private TitledPane findingsPane;
    @FXML private VBox findingsBox;
    @FXML private VBox overrideBox;
    @FXML private Label overrideText;
    @FXML private Label overriddenText;
    @FXML private GridPane decisionGrid;
    @FXML private TextField chainHeadField;
    @FXML private TextField verifyField;

    /** Strong reference for the weak listener on the long-lived case model (the window may be rebuilt). */
    private final javafx.beans.value.ChangeListener<VerdictContent> verdictShown = (o, a, v) -> show(v);

    public VerdictPanelController(AppContext ctx) {
        this.vm = ctx.caseModel();
    }

    @FXML
    private void initialize() {
        errorLabel.textProperty().bind(vm.verdictErrorProperty());
        errorLabel.managedProperty().bind(errorLabel.textProperty().isNotEmpty());
        errorLabel.visibleProperty().bind(errorLabel.managedProperty());
        vm.verdictProperty().addListener(new javafx.beans.value.WeakChangeListener<>(verdictShown));
        show(vm.verdictProperty().get());
        if (vm.openCaseProperty().get() != null) {
            // a panel built for another language (View -> Language) recomputes the verdict's sentences in it
            vm.refresh();
        }
    }

    /** Shows a verdict, or "no case open". */
    void show(VerdictContent v) {
        resultBanner.getStyleClass().removeAll(RESULT_STYLES);
        outputsGrid.getChildren().clear();
        outputsGrid.getColumnConstraints().clear();
        policyBox.getChildren().clear();
        findingsBox.getChildren().clear();
        decisionGrid.getChildren().clear();
        decisionGrid.getColumnConstraints().clear();
        if (v == null) {
            titleLabel.setText(Messages.get("case.none.title"));
            resultBanner.setText(Messages.get("verdictPanel.noCase"));
            decisionLine.setText("");
            findingsPane.setText(Messages.get("vpage.findings", 0));
            setOverride(null, null);
            chainHeadField.setText("");
            verifyField.setText("");
            return;
        }
        titleLabel.setText(v.title());
        resultBanner.setText(v.resultText());
        resultBanner.getStyleClass().add("verdict-" + v.result().name());
        decisionLine.setText(v.decisionLine());

        // the release: output, SHA-256, verdict, decision on the output
        outputsGrid.getColumnConstraints().setAll(col(30, false), col(33, true), col(13, false), col(24, false));
        header(outputsGrid, 0, Messages.get("vpage.output"), "SHA-256", Messages.get("vpage.verdict"),
                Messages.get("vpage.outputDecision"));
        int row = 1;
        if (v.outputs().isEmpty()) {
            outputsGrid.add(wrap(Messages.get("report.none"), null), 0, row, 4, 1);
        }
        for (VerdictContent.OutputRow o : v.outputs()) {
            outputsGrid.add(wrap(o.name(), null), 0, row);
            outputsGrid.add(wrap(o.sha256(), "verdict-mono"), 1, row);
            outputsGrid.add(tag(o.result().status().name(), o.resultText()), 2, row);
            outputsGrid.add(wrap(o.decision(), null), 3, row);
            row++;
        }

        v.policies().forEach(p -> policyBox.getChildren().add(wrap(p, null)));

        findingsPane.setText(Messages.get("vpage.findings", v.problems().size()));
        if (v.problems().isEmpty()) {
            findingsBox.getChildren().add(wrap(v.noProblems(), "explain"));
        }
        for (VerdictContent.ProblemRow p : v.problems()) {
            Label sentence = wrap(p.sentence(), "verdict-sentence");
            sentence.setId("finding-" + p.status());
            Label where = wrap(p.where(), "explain");
            VBox text = new VBox(2, sentence, where);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox line = new HBox(8, tag(p.status(), p.statusText()), text);
            org.releaseauditor.ui.help.MetricHelp.tag(line, p.scope(), p.path());
            findingsBox.getChildren().add(line);
        }
        for (String note : v.notes()) {
            findingsBox.getChildren().add(wrap(note, "verdict-note"));
        }

        setOverride(v.override(), v.overridden());
        if (v.decision().isEmpty()) {
            decisionGrid.add(wrap(Messages.get("report.noDecision"), null), 0, 0, 2, 1);
        } else {
            decisionGrid.getColumnConstraints().setAll(col(22, false), col(78, true));
            int r = 0;
            for (VerdictContent.Row d : v.decision()) {
                decisionGrid.add(wrap(d.label(), "verdict-key"), 0, r);
                decisionGrid.add(wrap(d.value(), null), 1, r);
                r++;
            }
        }
        chainHeadField.setText(v.chainHead());
        verifyField.setText(v.verifyCommand());
    }

    private void setOverride(String justification, String overridden) {
        boolean on = justification != null;
        overrideBox.setManaged(on);
        overrideBox.setVisible(on);
        overrideText.setText(on ? justification : "");
        overriddenText.setText(overridden == null ? "" : overridden);
        overriddenText.setManaged(overridden != null);
        overriddenText.setVisible(overridden != null);
    }

    private static ColumnConstraints col(double percent, boolean grow) {
        ColumnConstraints c = new ColumnConstraints();
        c.setPercentWidth(percent);
        c.setHgrow(grow ? Priority.ALWAYS : Priority.SOMETIMES);
        c.setFillWidth(true);
        return c;
    }

    private static void header(GridPane grid, int row, String... titles) {
        for (int i = 0; i < titles.length; i++) {
            grid.add(wrap(titles[i], "verdict-key"), i, row);
        }
    }

    private static Label wrap(String text, String style) {
        Label l = new Label(text == null ? "" : text);
        GridPane.setValignment(l, javafx.geometry.VPos.TOP);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (style != null) {
            l.getStyleClass().add(style);
        }
        return l;
    }

    private static Label tag(String status, String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("verdict-tag", "verdict-" + status);
        GridPane.setValignment(l, javafx.geometry.VPos.TOP);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    @FXML
    private void onCopy() {
        ClipboardContent c = new ClipboardContent();
        c.putString(verifyField.getText());
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
    }
}

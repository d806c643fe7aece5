package org.releaseauditor.ui.charts;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.verdict.ReleaseResult;
import org.releaseauditor.core.verdict.Verdict;
import org.releaseauditor.core.verdict.VerdictFinding;
import org.releaseauditor.core.policy.FindingStatus;
import org.releaseauditor.service.policy.VerdictService;
import org.releaseauditor.ui.fx.DialogService;

/**
 * The policy chooser of a dashboard (issue 13): the built-in policies of the lane (names in
 * words, the lane's default first and selected, both from the service layer) and "Load policy
 * file…". Choosing a policy sets the view model's policy property, which re-judges the shown
 * result at once (no new analysis) and so recolours cards, charts and tables. The line beside it
 * says the overall result under that policy, e.g. "FAIL under min-cell-10 1.1: 2 findings fail".
 */
public final class PolicyChooser extends HBox {
    /** An entry of the list: a policy, or the "Load policy file…" action. */
    public record Choice(PolicyProfile policy) {
        public boolean loader() {
            return policy == null;
        }
    }

    private static final Choice LOAD = new Choice(null);

    private final ComboBox<Choice> box = new ComboBox<>();
    private final Label result = new Label();
    private final DialogService dialogs;
    private final VerdictService verdicts;
    private final ObjectProperty<PolicyProfile> policy;
    private boolean syncing;

    /**
     * @param lane     the lane ({@code microdata}, {@code trajectories}, {@code aggregates}, {@code evaluation})
     * @param dialogs  opens the file chooser and shows a bad file's error
     * @param policy   the view model's policy property (the chooser selects its current value)
     * @param verdict  the view model's verdict of the shown result (null while there is none)
     */
    public PolicyChooser(String lane, DialogService dialogs, VerdictService verdicts, ObjectProperty<PolicyProfile> policy,
            ObservableValue<Verdict> verdict) {
        this.dialogs = dialogs;
        this.verdicts = verdicts;
        this.policy = policy;
        setId("policyChooser");
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("policy-chooser");
        Label caption = new Label(Messages.get("policy.chooser.label"));
        caption.setMinWidth(Label.USE_PREF_SIZE);
        caption.setLabelFor(box);
        box.setId("policyBox");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Choice c) {
                return c == null ? "" : c.loader() ? Messages.get("policy.chooser.load") : name(c.policy());
            }

            @Override
            public Choice fromString(String s) {
                return null;
            }
        });
        try {
            for (PolicyProfile p : verdicts.policiesFor(lane)) {
                box.getItems().add(new Choice(p));
            }
        } catch (AuditException e) {
            result.setText(e.getLocalizedMessage());
        }
        box.getItems().add(LOAD);
        result.setId("policyResult");
        result.getStyleClass().add("policy-result");
        result.setWrapText(true);
        result.setMaxWidth(Double.MAX_VALUE);
        result.setMinWidth(150); // wraps by words, never one syllable a line in a narrow window
        HBox.setHgrow(result, javafx.scene.layout.Priority.ALWAYS);
        box.setTooltip(new Tooltip());
        box.getTooltip().setWrapText(true);
        box.getTooltip().setMaxWidth(420);
        select(policy.get());
        box.setOnAction(e -> chosen());
        policy.addListener((o, a, b) -> select(b));
        verdict.addListener((o, a, b) -> showResult(b));
        showResult(verdict.getValue());
        getChildren().addAll(caption, box, result);
    }

    /** A policy's name in words: the built-in name in the session's language, else its title; with id and version. */
    public static String name(PolicyProfile p) {
        if (p == null) {
            return Messages.get("policy.chooser.none");
        }
        return Messages.get("policy.chooser.entry", p.displayTitle(), p.id(), p.version());
    }

    /**
     * The overall result of a verdict in one line: "FAIL under min-cell-10 1.1: 2 findings fail",
     * "PASS under arx-defaults 1.0: all 3 rules hold"; without a verdict, that nothing is judged yet.
     */
    public static String resultLine(Verdict v) {
        if (v == null || !v.evaluated()) {
            return Messages.get(v == null ? "policy.chooser.result.noResult" : "policy.chooser.result.noPolicy");
        }
        ReleaseResult r = v.result();
        long fails = v.findings().stream().filter(f -> f.status() == FindingStatus.FAIL).count();
        long warns = v.findings().stream().filter(f -> f.status() == FindingStatus.WARN).count();
        return Messages.get("policy.chooser.result." + r.name(), Messages.get(r.messageKey()), v.policy().id(),
                v.policy().version(), fails, warns, v.findings().size());
    }

    private void showResult(Verdict v) {
        result.setText(resultLine(v));
        VerdictStyles.apply(result, v == null ? null : v.result().status());
        StringBuilder tip = new StringBuilder();
        if (v != null) {
            for (VerdictFinding f : v.problems()) {
                tip.append(tip.isEmpty() ? "" : "\n").append(VerdictStyles.words(f.verdictStatus())).append(": ")
                        .append(f.sentence());
            }
        }
        result.setTooltip(tip.isEmpty() ? null : new Tooltip(tip.toString()));
    }

    private void select(PolicyProfile p) {
        syncing = true;
        try {
            if (p == null) {
                box.getSelectionModel().clearSelection();
                box.getTooltip().setText("");
                return;
            }
            Optional<Choice> c = box.getItems().stream().filter(x -> !x.loader() && same(x.policy(), p)).findFirst();
            Choice choice = c.orElseGet(() -> {
                Choice n = new Choice(p);
                box.getItems().add(box.getItems().size() - 1, n);
                return n;
            });
            box.setValue(choice);
            // the chosen name stays whole (the result line beside it wraps); the list may be wider
            javafx.scene.text.Text t = new javafx.scene.text.Text(name(p));
            t.setFont(javafx.scene.text.Font.getDefault());
            box.setMinWidth(Math.ceil(t.getLayoutBounds().getWidth()) + 48);
            box.getTooltip().setText(p.description() + (p.source().isBlank() ? ""
                    : "\n" + Messages.get("policy.chooser.source", p.source())));
        } finally {
            syncing = false;
        }
    }

    private static boolean same(PolicyProfile a, PolicyProfile b) {
        return a == b || a.id().equals(b.id()) && a.version().equals(b.version()) && Objects.equals(a.rules(), b.rules());
    }

    private void chosen() {
        if (syncing) {
            return;
        }
        Choice c = box.getValue();
        if (c == null) {
            return;
        }
        if (!c.loader()) {
            policy.set(c.policy());
            return;
        }
        PolicyProfile before = policy.get();
        // put the selection back first: the list never shows "Load policy file…" as the policy in force
        select(before);
        dialogs.chooseFileToOpen(Messages.get("policy.chooser.loadTitle"), null,
                List.of(Messages.get("policy.chooser.filter") + "|*.json")).ifPresent(this::load);
    }

    /** Loads a policy file and applies it; a bad file is refused with its error in words. */
    public boolean load(Path file) {
        try {
            PolicyProfile p = verdicts.loadPolicyFile(file);
            policy.set(p);
            select(p);
            return true;
        } catch (AuditException e) {
            dialogs.showError(Messages.get("policy.chooser.loadFailed", file.getFileName()), e.getLocalizedMessage(),
                    null);
            return false;
        }
    }

    /** The list (for tests and for tagging the node with help). */
    public ComboBox<Choice> comboBox() {
        return box;
    }

    /** The result line (for tests). */
    public Label resultLabel() {
        return result;
    }
}

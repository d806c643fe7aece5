package org.releaseauditor.ui.decision;

import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.casefile.FindingEntry;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.service.policy.PolicyService;
import org.releaseauditor.ui.AppContext;

/** The decision panel: case, runs, policy findings, decision form and report export. Thin. */
public final class DecisionPanelController {
    private final AppContext ctx;
    private final CaseViewModel vm;
    private final ToggleGroup outcome = new ToggleGroup();

    @FXML private Label caseTitle;
    @FXML private Label accessNotice;
    @FXML private TableView<RunEntry> runsTable;
    @FXML private ComboBox<PolicyProfile> policyBox;
    @FXML private Label policyDescription;
    @FXML private ListView<FindingEntry> findingsList;
    @FXML private RadioButton approveRadio;
    @FXML private RadioButton conditionsRadio;
    @FXML private RadioButton rejectRadio;
    @FXML private TextArea conditionsArea;
    @FXML private TextArea rationaleArea;
    @FXML private TextField auditorField;
    @FXML private Label decisionValidation;
    @FXML private Label messageLabel;
    @FXML private CheckBox includeRecordsBox;
    @FXML private Button recordButton;
    @FXML private Button decideButton;
    @FXML private Label recordReason;
    /** Strong reference for the weak listener on the long-lived case model (the window may be rebuilt). */
    private final javafx.beans.value.ChangeListener<CaseViewModel.Snapshot> snapshotShown;

    public DecisionPanelController(AppContext ctx) {
        this.ctx = ctx;
        this.vm = ctx.caseModel();
        this.snapshotShown = (o, a, s) -> {
            showSnapshot(s);
            if (s != null) {
                ctx.session().statusProperty().set(Messages.get("case.opened", s.info().title()));
            }
        };
    }

    @FXML
    private void initialize() {
        approveRadio.setToggleGroup(outcome);
        approveRadio.setUserData(DecisionOutcome.APPROVE);
        conditionsRadio.setToggleGroup(outcome);
        conditionsRadio.setUserData(DecisionOutcome.APPROVE_WITH_CONDITIONS);
        rejectRadio.setToggleGroup(outcome);
        rejectRadio.setUserData(DecisionOutcome.REJECT);
        conditionsArea.disableProperty().bind(conditionsRadio.selectedProperty().not());
        messageLabel.textProperty().bind(vm.messageProperty());
        TableColumn<RunEntry, String> id = col(Messages.get("case.col.run"), r -> Long.toString(r.id()));
        TableColumn<RunEntry, String> lane = col(Messages.get("case.col.lane"), RunEntry::lane);
        TableColumn<RunEntry, String> at = col(Messages.get("case.col.at"), r -> r.at().toString());
        TableColumn<RunEntry, String> actor = col(Messages.get("case.col.actor"), RunEntry::actor);
        TableColumn<RunEntry, String> ver = col(Messages.get("case.col.engine"), RunEntry::engineVersion);
        runsTable.getColumns().setAll(List.of(id, lane, at, actor, ver));
        runsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        runsTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.showFindings(b.id());
            }
        });
        try {
            policyBox.getItems().setAll(new org.releaseauditor.service.policy.PolicyService().builtIns());
        } catch (org.releaseauditor.core.error.PolicyException e) {
            vm.messageProperty().set(e.getLocalizedMessage());
        }
        policyBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(PolicyProfile p) {
                return p == null ? "" : p.title() + " (" + p.id() + " " + p.version() + ")";
            }

            @Override
            public PolicyProfile fromString(String s) {
                return null;
            }
        });
        policyBox.valueProperty().addListener((o, a, b) -> policyDescription.setText(b == null ? ""
                : b.description() + " " + Messages.get("case.policy.source", b.source())));
        if (!policyBox.getItems().isEmpty()) {
            policyBox.setValue(policyBox.getItems().get(0));
        }
        findingsList.setItems(vm.findings());
        // the policy box shows the policy whose findings are listed (each run keeps its own evaluation)
        vm.findings().addListener((javafx.collections.ListChangeListener<FindingEntry>) c -> followFindingsPolicy());
        findingsList.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(FindingEntry f, boolean empty) {
                super.updateItem(f, empty);
                getStyleClass().removeAll("finding-pass", "finding-warn", "finding-fail");
                if (empty || f == null) {
                    setText(null);
                    return;
                }
                setText(String.format(Messages.locale(), "%s  %s %s %s \u2014 %s %s. %s",
                        Messages.get("verdict.status." + f.status()), f.metric(),
                        f.operator(), num(f.threshold()), Messages.get("case.measured"),
                        f.measured() == null ? "n/a" : num(f.measured()), f.explanation()));
                getStyleClass().add("finding-" + f.status().toLowerCase(java.util.Locale.ROOT));
            }
        });
        vm.snapshotProperty().addListener(new javafx.beans.value.WeakChangeListener<>(snapshotShown));
        showSnapshot(vm.snapshotProperty().get());
        RecordAction record = ctx.recordAction();
        recordButton.disableProperty().bind(record.disabledProperty());
        recordButton.textProperty().bind(record.textProperty());
        Tooltip recordTip = new Tooltip();
        recordTip.textProperty().bind(record.reasonProperty());
        recordTip.setWrapText(true);
        recordTip.setMaxWidth(420);
        recordButton.setTooltip(recordTip);
        // a disabled button shows no tooltip: the reason is written next to it as well
        recordReason.textProperty().bind(javafx.beans.binding.Bindings.when(record.disabledProperty())
                .then(record.reasonProperty()).otherwise(""));
        decideButton.disableProperty().bind(vm.writableProperty().not());
    }

    /** Shows the open case (or none); also the case already open when this panel is built (language switch). */
    private void showSnapshot(CaseViewModel.Snapshot s) {
        if (s == null) {
            caseTitle.setText(Messages.get("case.none.title"));
            accessNotice.setText("");
            runsTable.getItems().clear();
            return;
        }
        caseTitle.setText(s.info().title() + " \u2014 " + vm.openCaseProperty().get().file().getFileName());
        String inForce = s.decisions().isEmpty() ? Messages.get("case.noDecision")
                : Messages.get("case.inForce", Messages.get("decision."
                        + s.decisions().get(s.decisions().size() - 1).outcome().name()),
                        s.decisions().get(s.decisions().size() - 1).id(),
                        s.decisions().get(s.decisions().size() - 1).auditor());
        accessNotice.setText((s.notice() == null ? "" : s.notice() + " ") + inForce);
        runsTable.getItems().setAll(s.runs());
        if (!s.runs().isEmpty() && runsTable.getSelectionModel().isEmpty()) {
            runsTable.getSelectionModel().selectLast();
        }
        // the person deciding now, not the case's recorded auditor (a demo case's "Demo Auditor")
        if (auditorField.getText().isBlank()) {
            auditorField.setText(ctx.preferences().auditorName());
        }
    }

    private static String num(double d) {
        return org.releaseauditor.ui.fx.Numbers.sig(d, 4);
    }

    static <S> TableColumn<S, String> col(String title, java.util.function.Function<S, String> f) {
        return org.releaseauditor.ui.fx.Columns.text(title, f);
    }

    @FXML
    private void onNewCase() {
        CaseActions.newCase(ctx);
    }

    @FXML
    private void onOpenCase() {
        CaseActions.openCase(ctx, false);
    }

    @FXML
    private void onOpenReadOnly() {
        CaseActions.openCase(ctx, true);
    }

    @FXML
    private void onRecord() {
        ctx.recordAction().record();
    }

    @FXML
    private void onImportPolicy() {
        ctx.dialogs().chooseFileToOpen(Messages.get("case.policy.import"), null, List.of("JSON|*.json"))
                .ifPresent(p -> {
                    try {
                        PolicyProfile profile = new org.releaseauditor.service.policy.PolicyService().load(p.toString());
                        policyBox.getItems().add(profile);
                        policyBox.setValue(profile);
                        importedPolicies.put(profile, p.toString());
                    } catch (org.releaseauditor.core.error.PolicyException e) {
                        ctx.dialogs().showError(Messages.get("case.policy.import"), e.getLocalizedMessage(), null);
                    }
                });
    }

    private final java.util.Map<PolicyProfile, String> importedPolicies = new java.util.HashMap<>();

    private void followFindingsPolicy() {
        if (vm.findings().isEmpty()) {
            return;
        }
        String id = vm.findings().get(0).policyId();
        policyBox.getItems().stream().filter(p -> p.id().equals(id)).findFirst().ifPresent(policyBox::setValue);
    }

    private String policyRef() {
        PolicyProfile p = policyBox.getValue();
        if (p == null) {
            return null;
        }
        return importedPolicies.getOrDefault(p, p.id());
    }

    @FXML
    private void onEvaluate() {
        RunEntry run = selectedOrLatestRun();
        if (run == null) {
            vm.messageProperty().set(Messages.get("case.noRuns"));
            return;
        }
        vm.evaluate(run.id(), policyRef());
    }

    private RunEntry selectedOrLatestRun() {
        RunEntry r = runsTable.getSelectionModel().getSelectedItem();
        if (r == null && !runsTable.getItems().isEmpty()) {
            r = runsTable.getItems().get(runsTable.getItems().size() - 1);
        }
        return r;
    }

    @FXML
    private void onDecide() {
        if (outcome.getSelectedToggle() == null) {
            decisionValidation.setText(Messages.get("case.error.outcome"));
            return;
        }
        if (rationaleArea.getText().isBlank()) {
            decisionValidation.setText(Messages.get("case.error.rationale"));
            return;
        }
        if (auditorField.getText().isBlank()) {
            decisionValidation.setText(Messages.get("case.error.auditor"));
            return;
        }
        decisionValidation.setText("");
        ctx.preferences().setAuditorName(auditorField.getText());
        RunEntry run = selectedOrLatestRun();
        vm.decide((DecisionOutcome) outcome.getSelectedToggle().getUserData(),
                conditionsRadio.isSelected() ? conditionsArea.getText() : null, rationaleArea.getText(),
                auditorField.getText(), run == null ? List.of() : List.of(run.id()), policyRef());
    }

    @FXML
    private void onExportHtml() {
        export(false);
    }

    @FXML
    private void onExportPdf() {
        export(true);
    }

    private void export(boolean pdf) {
        if (vm.openCaseProperty().get() == null) {
            vm.messageProperty().set(Messages.get("case.none"));
            return;
        }
        String name = vm.openCaseProperty().get().file().getFileName().toString().replaceAll("\\.rcase$", "")
                + (pdf ? ".pdf" : ".html");
        ctx.dialogs().chooseFileToSave(Messages.get("case.export"), ctx.preferences().lastFolder().orElse(null), name)
                .ifPresent(p -> vm.export(p, pdf, includeRecordsBox.isSelected()));
    }
}

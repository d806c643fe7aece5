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
import org.releaseauditor.core.casefile.LegalBasis;
import org.releaseauditor.core.casefile.FindingEntry;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.service.cases.DecisionRequest;
import org.releaseauditor.service.cases.DecisionRules;
import org.releaseauditor.service.policy.PolicyService;
import org.releaseauditor.ui.AppContext;

/** The decision panel: case, runs, policy findings, decision form and report export. Thin. */
public final class DecisionPanelController {
    private final AppContext ctx;
    private final CaseViewModel vm;
    private final ToggleGroup outcome = new ToggleGroup();

    @FXML private Label caseTitle;
    @FXML private Label accessNotice;
    @FXML private Label inForceLabel;
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
    @FXML private Label decisionRuns;
    @FXML private javafx.scene.layout.VBox outputsBox;
    @FXML private TableView<DecisionOutputRow> outputsTable;
    @FXML private Label derivedLabel;
    @FXML private javafx.scene.layout.VBox overrideBox;
    @FXML private Label overrideFindings;
    @FXML private TextArea overrideArea;
    @FXML private TextField purposeField;
    /** One check box per legal basis (Art. 6(1)(a)–(f), Art. 89): a decision may rest on several. */
    @FXML private javafx.scene.layout.VBox legalBasisList;
    @FXML private TextField legalBasisTextField;
    @FXML private TextField recipientsField;
    @FXML private TextField retentionField;
    @FXML private TextField controllerField;
    @FXML private javafx.scene.control.ProgressIndicator decideBusy;
    @FXML private Label reviewStatus;
    @FXML private javafx.scene.layout.VBox reviewsBox;
    @FXML private TextField reviewerField;
    @FXML private TextField reviewCommentField;
    @FXML private Button signButton;
    @FXML private Label reviewValidation;
    @FXML private Button exportApprovedButton;
    @FXML private Label exportValidation;
    /** Strong reference for the weak listener on the long-lived case model (see {@link #snapshotShown}). */
    private final javafx.beans.value.ChangeListener<CaseViewModel.FormState> formShown;
    /** The outputs of the runs decided on, by dataset id (choices survive a refresh). */
    private final java.util.Map<Long, DecisionOutputRow> rowsById = new java.util.HashMap<>();
    private boolean followingDerived;

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
        this.formShown = (o, a, f) -> {
            rebuildOutputs();
            showReviews(f);
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
        outcome.selectedToggleProperty().addListener((o, a, b) -> updateForm());
        conditionsArea.textProperty().addListener((o, a, b) -> updateForm());
        initDecisionForm();
        messageLabel.textProperty().bind(vm.messageProperty());
        TableColumn<RunEntry, String> id = col(Messages.get("case.col.run"), r -> Long.toString(r.id()));
        TableColumn<RunEntry, String> lane = col(Messages.get("case.col.lane"),
                r -> Messages.laneName(Messages.locale(), r.lane()));
        TableColumn<RunEntry, String> at = col(Messages.get("case.col.at"), r -> r.at().toString());
        TableColumn<RunEntry, String> actor = col(Messages.get("case.col.actor"), RunEntry::actor);
        TableColumn<RunEntry, String> ver = col(Messages.get("case.col.engine"), RunEntry::engineVersion);
        runsTable.getColumns().setAll(List.of(id, lane, at, actor, ver));
        runsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // a decision may rest on several runs: the selected ones (the latest when none is selected)
        runsTable.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        runsTable.getSelectionModel().getSelectedItems()
                .addListener((javafx.collections.ListChangeListener<RunEntry>) c -> rebuildOutputs());
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
                return p == null ? "" : p.displayTitle() + " (" + p.id() + " " + p.version() + ")";
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
        // (also when this panel is built while findings are already listed)
        vm.findingsPolicyProperty().addListener((o, a, b) -> followFindingsPolicy(b));
        followFindingsPolicy(vm.findingsPolicyProperty().get());
        findingsList.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(FindingEntry f, boolean empty) {
                super.updateItem(f, empty);
                getStyleClass().removeAll("finding-pass", "finding-warn", "finding-fail");
                if (empty || f == null) {
                    setText(null);
                    return;
                }
                String reason = DecisionFormText.findingReason(f);
                setText(String.format(Messages.locale(), "%s  %s %s %s \u2014 %s %s.%s",
                        Messages.get("verdict.status." + f.status()), f.metric(),
                        f.operator(), num(f.threshold()), Messages.get("case.measured"),
                        f.measured() == null ? "n/a" : num(f.measured()), reason.isEmpty() ? "" : " " + reason));
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
        decideButton.disableProperty().bind(vm.writableProperty().not().or(vm.busyProperty()));
        signButton.disableProperty().bind(vm.writableProperty().not().or(vm.busyProperty())
                .or(javafx.beans.binding.Bindings.createBooleanBinding(() -> vm.formStateProperty().get() == null
                        || vm.formStateProperty().get().current().isEmpty(), vm.formStateProperty())));
        exportApprovedButton.disableProperty().bind(vm.openCaseProperty().isNull().or(vm.busyProperty()));
        decideBusy.visibleProperty().bind(vm.busyProperty());
        decideBusy.managedProperty().bind(vm.busyProperty());
        vm.formStateProperty().addListener(new javafx.beans.value.WeakChangeListener<>(formShown));
        rebuildOutputs();
        showReviews(vm.formStateProperty().get());
    }

    // ------------------------------------------------------------------ decision form

    private void initDecisionForm() {
        for (LegalBasis b : LegalBasis.values()) {
            javafx.scene.control.CheckBox box = new javafx.scene.control.CheckBox(DecisionFormText.legalBasis(b));
            box.setId("legalBasis-" + b.name());
            box.setUserData(b);
            box.setWrapText(true);
            box.setMaxWidth(Double.MAX_VALUE);
            legalBasisList.getChildren().add(box);
        }
        TableColumn<DecisionOutputRow, String> name = col(Messages.get("decision.form.col.output"),
                DecisionOutputRow::name);
        TableColumn<DecisionOutputRow, String> sha = col(Messages.get("decision.form.col.sha"),
                DecisionOutputRow::shortSha);
        TableColumn<DecisionOutputRow, String> verdict = col(Messages.get("decision.form.col.verdict"),
                r -> Messages.get(r.verdict().messageKey()));
        // the verdict's colour comes from the verdict (PASS / WARN / FAIL), as in the findings list
        verdict.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String t, boolean empty) {
                super.updateItem(t, empty);
                getStyleClass().removeAll("finding-pass", "finding-warn", "finding-fail");
                DecisionOutputRow r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : t);
                if (r != null && r.verdict().status() != org.releaseauditor.core.verdict.VerdictStatus.NOT_JUDGED) {
                    getStyleClass().add("finding-" + r.verdict().status().name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        });
        name.setPrefWidth(200);
        sha.setPrefWidth(120);
        verdict.setPrefWidth(170);
        TableColumn<DecisionOutputRow, DecisionOutputRow> choice = new TableColumn<>(
                Messages.get("decision.form.col.choice"));
        choice.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        choice.setCellFactory(c -> {
            ComboBox<Boolean> box = choiceBox();
            return new RowBoundCell<>(box, box.valueProperty(), DecisionOutputRow::approveProperty);
        });
        choice.setMinWidth(150);
        choice.setPrefWidth(180);
        TableColumn<DecisionOutputRow, DecisionOutputRow> comment = new TableColumn<>(
                Messages.get("decision.form.col.comment"));
        comment.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        comment.setCellFactory(c -> {
            TextField field = new TextField();
            return new RowBoundCell<>(field, field.textProperty(), DecisionOutputRow::commentProperty);
        });
        comment.setPrefWidth(320);
        outputsTable.getColumns().setAll(List.of(name, sha, verdict, choice, comment));
        outputsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        outputsTable.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(DecisionOutputRow r, boolean empty) {
                super.updateItem(r, empty);
                setTooltip(empty || r == null ? null : new Tooltip(r.sha256()));
            }
        });
        outputsBox.managedProperty().bind(outputsBox.visibleProperty());
        // the read-only notice takes no room while there is none
        accessNotice.visibleProperty().bind(accessNotice.textProperty().isNotEmpty());
        accessNotice.managedProperty().bind(accessNotice.visibleProperty());
        overrideBox.managedProperty().bind(overrideBox.visibleProperty());
        outputsBox.setVisible(false);
        overrideBox.setVisible(false);
    }

    /** The runs the decision rests on: those selected in the runs table, else the latest. */
    private List<RunEntry> decidedRuns() {
        List<RunEntry> sel = List.copyOf(runsTable.getSelectionModel().getSelectedItems());
        if (!sel.isEmpty()) {
            return sel.stream().filter(java.util.Objects::nonNull).toList();
        }
        RunEntry r = selectedOrLatestRun();
        return r == null ? List.of() : List.of(r);
    }

    private List<Long> decidedRunIds() {
        return decidedRuns().stream().map(RunEntry::id).toList();
    }

    /** One row per output of the decided runs; earlier choices and comments are kept. */
    private void rebuildOutputs() {
        CaseViewModel.Snapshot s = vm.snapshotProperty().get();
        CaseViewModel.FormState f = vm.formStateProperty().get();
        List<DecisionOutputRow> rows = new java.util.ArrayList<>();
        if (s != null) {
            List<Long> runIds = decidedRunIds();
            java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
            decidedRuns().forEach(r -> ids.addAll(r.datasetIds()));
            for (long id : ids) {
                org.releaseauditor.core.casefile.DatasetEntry ds = s.datasets().stream().filter(d -> d.id() == id)
                        .findFirst().orElse(null);
                if (ds == null) {
                    continue;
                }
                org.releaseauditor.core.verdict.ReleaseResult result = f == null
                        ? org.releaseauditor.core.verdict.ReleaseResult.NOT_EVALUATED : f.outputResult(id, runIds);
                DecisionOutputRow old = rowsById.get(id);
                DecisionOutputRow row = new DecisionOutputRow(id, java.nio.file.Path.of(ds.path()).getFileName()
                        .toString(), ds.sha256(), result);
                if (old != null) {
                    row.approveProperty().set(old.approveProperty().get());
                    row.commentProperty().set(old.commentProperty().get());
                }
                row.approveProperty().addListener((o, a, b) -> updateForm());
                rows.add(row);
            }
            decisionRuns.setText(runIds.isEmpty() ? "" : Messages.get("decision.form.runs", String.join(", ",
                    runIds.stream().map(String::valueOf).toList())));
        } else {
            decisionRuns.setText("");
        }
        rowsById.clear();
        rows.forEach(r -> rowsById.put(r.datasetId(), r));
        outputsTable.getItems().setAll(rows);
        // as tall as its rows (up to eight), so no empty rows push the form down
        outputsTable.setFixedCellSize(32);
        outputsTable.setPrefHeight(38 + 32 * Math.max(2, Math.min(rows.size(), 8)));
        controllerField.setPromptText(f == null ? "" : Messages.get("decision.form.controller.prompt", f.controller()));
        updateForm();
    }

    /** Per-output decisions are asked for when the decided runs have several outputs. */
    private boolean perOutput() {
        return outputsTable.getItems().size() >= 2;
    }

    /** The release outcome: chosen, or derived from the outputs by the service's rule. */
    private DecisionOutcome currentOutcome() {
        if (perOutput()) {
            return DecisionRules.derive(outputsTable.getItems().stream().map(r -> r.approveProperty().get())
                    .toList(), !conditionsArea.getText().isBlank());
        }
        return outcome.getSelectedToggle() == null ? null : (DecisionOutcome) outcome.getSelectedToggle().getUserData();
    }

    /** The outputs the decision would approve. */
    private List<Long> approvedIds(DecisionOutcome o) {
        if (perOutput()) {
            return outputsTable.getItems().stream().filter(r -> r.approveProperty().get())
                    .map(DecisionOutputRow::datasetId).toList();
        }
        return o == null || o == DecisionOutcome.REJECT ? List.of()
                : outputsTable.getItems().stream().map(DecisionOutputRow::datasetId).toList();
    }

    /** The failed findings the decision as filled in would override (the service's rule). */
    List<org.releaseauditor.service.cases.CaseRecords.FailedFinding> overridden() {
        CaseViewModel.FormState f = vm.formStateProperty().get();
        if (f == null) {
            return List.of();
        }
        DecisionOutcome o = currentOutcome();
        return DecisionRules.overridden(f.failing(decidedRunIds()), o, approvedIds(o));
    }

    /** Shows the derived outcome, and the override field while the decision overrides failed findings. */
    private void updateForm() {
        if (followingDerived) {
            return;
        }
        boolean per = perOutput();
        outputsBox.setVisible(per);
        approveRadio.setDisable(per);
        conditionsRadio.setDisable(per);
        rejectRadio.setDisable(per);
        conditionsArea.setDisable(!per && !conditionsRadio.isSelected());
        if (per) {
            DecisionOutcome d = currentOutcome();
            followingDerived = true;
            try {
                outcome.selectToggle(d == DecisionOutcome.APPROVE ? approveRadio
                        : d == DecisionOutcome.REJECT ? rejectRadio : conditionsRadio);
            } finally {
                followingDerived = false;
            }
            derivedLabel.setText(Messages.get("decision.form.derived", DecisionFormText.outcome(d)));
        }
        List<org.releaseauditor.service.cases.CaseRecords.FailedFinding> over = overridden();
        overrideBox.setVisible(!over.isEmpty());
        overrideFindings.setText(over.isEmpty() ? "" : Messages.get("decision.form.override.findings",
                DecisionFormText.findings(over)));
    }

    /** The four-eyes section: whether the decision in force awaits its review, and the reviews recorded. */
    private void showReviews(CaseViewModel.FormState f) {
        reviewsBox.getChildren().clear();
        reviewStatus.getStyleClass().removeAll("review-awaiting");
        if (f == null || f.current().isEmpty()) {
            reviewStatus.setText(Messages.get("case.review.none"));
            return;
        }
        org.releaseauditor.service.cases.CaseRecords.DecisionDetails d = f.current().get();
        Object[] args = {d.decision().id(), DecisionFormText.outcome(d.decision().outcome()), d.decision().auditor()};
        if (d.awaitingReview()) {
            reviewStatus.setText(Messages.get("case.review.awaiting", args));
            reviewStatus.getStyleClass().add("review-awaiting");
        } else if (!d.reviews().isEmpty()) {
            reviewStatus.setText(Messages.get("case.review.done", args));
        } else {
            reviewStatus.setText(Messages.get("case.review.optional", args));
        }
        java.time.format.DateTimeFormatter fmt = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneOffset.UTC);
        for (org.releaseauditor.core.casefile.Review r : d.reviews()) {
            Label l = new Label(Messages.get("case.review.entry", r.reviewer(), fmt.format(r.at()),
                    r.comment().isBlank() ? "" : ": " + r.comment()));
            l.setWrapText(true);
            l.getStyleClass().add("review-entry");
            reviewsBox.getChildren().add(l);
        }
    }

    /** Approve/Reject for one output: a choice box. */
    private static ComboBox<Boolean> choiceBox() {
        ComboBox<Boolean> box = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                Boolean.TRUE, Boolean.FALSE));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Boolean b) {
                return b == null ? "" : DecisionFormText.outcome(b ? DecisionOutcome.APPROVE : DecisionOutcome.REJECT);
            }

            @Override
            public Boolean fromString(String t) {
                return null;
            }
        });
        box.setMaxWidth(Double.MAX_VALUE);
        box.getStyleClass().add("output-choice");
        return box;
    }

    /**
     * A cell showing one control bound to a property of its output row (the Approve/Reject choice,
     * the comment): the control shows the row's value, and what the user enters goes to the row.
     *
     * @param <T> the type of the value
     */
    private static final class RowBoundCell<T> extends javafx.scene.control.TableCell<DecisionOutputRow,
            DecisionOutputRow> {
        private final javafx.scene.Node control;
        private final javafx.beans.property.Property<T> shown;
        private final java.util.function.Function<DecisionOutputRow, javafx.beans.property.Property<T>> value;
        private DecisionOutputRow row;

        RowBoundCell(javafx.scene.Node control, javafx.beans.property.Property<T> shown,
                java.util.function.Function<DecisionOutputRow, javafx.beans.property.Property<T>> value) {
            this.control = control;
            this.shown = shown;
            this.value = value;
            shown.addListener((o, a, b) -> {
                if (row != null && b != null) {
                    value.apply(row).setValue(b);
                }
            });
        }

        @Override
        protected void updateItem(DecisionOutputRow r, boolean empty) {
            super.updateItem(r, empty);
            row = null;
            if (empty || r == null) {
                setGraphic(null);
                return;
            }
            shown.setValue(value.apply(r).getValue());
            row = r;
            setGraphic(control);
        }
    }

    /** The legal bases ticked in the form, in the order of the GDPR. */
    List<LegalBasis> selectedLegalBases() {
        return legalBasisList.getChildren().stream()
                .filter(n -> n instanceof javafx.scene.control.CheckBox c && c.isSelected())
                .map(n -> (LegalBasis) n.getUserData()).toList();
    }

    /** Shows the open case (or none); also the case already open when this panel is built (language switch). */
    private void showSnapshot(CaseViewModel.Snapshot s) {
        if (s == null) {
            caseTitle.setText(Messages.get("case.none.title"));
            accessNotice.setText("");
            inForceLabel.setText("");
            runsTable.getItems().clear();
            rebuildOutputs();
            return;
        }
        caseTitle.setText(s.info().title() + " \u2014 " + vm.openCaseProperty().get().file().getFileName());
        accessNotice.setText(s.notice() == null ? "" : s.notice());
        inForceLabel.setText(inForce(s));
        List<Long> selected = runsTable.getSelectionModel().getSelectedItems().stream()
                .filter(java.util.Objects::nonNull).map(RunEntry::id).toList();
        runsTable.getItems().setAll(s.runs());
        for (int i = 0; i < s.runs().size(); i++) {
            if (selected.contains(s.runs().get(i).id())) {
                runsTable.getSelectionModel().select(i);
            }
        }
        if (!s.runs().isEmpty() && runsTable.getSelectionModel().isEmpty()) {
            runsTable.getSelectionModel().selectLast();
        }
        // the person deciding now, not the case's recorded auditor (a demo case's "Demo Auditor")
        if (auditorField.getText().isBlank()) {
            auditorField.setText(ctx.preferences().auditorName());
        }
    }

    /** The decision in force in one sentence: outcome, who, when, on which runs and outputs, and why. */
    static String inForce(CaseViewModel.Snapshot s) {
        if (s.decisions().isEmpty()) {
            return Messages.get("case.noDecision");
        }
        org.releaseauditor.core.casefile.DecisionEntry d = s.decisions().get(s.decisions().size() - 1);
        List<String> outputs = DecisionRules.datasetIds(d).stream().map(id -> s.datasets().stream()
                .filter(x -> x.id() == id).findFirst().map(x -> java.nio.file.Path.of(x.path()).getFileName()
                        .toString()).orElse("#" + id)).toList();
        String at = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneOffset.UTC).format(d.at());
        return Messages.get("decision.form.inForce", DecisionFormText.outcome(d.outcome()), d.id(), d.auditor(), at,
                String.join(", ", d.runIds().stream().map(String::valueOf).toList()), String.join(", ", outputs),
                d.rationale());
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

    /**
     * Selects the policy the listed findings were evaluated against. A policy recorded in the case
     * that the box does not list (imported in another session) is added from its recorded copy; the
     * case service resolves its id from that copy when it is evaluated again.
     */
    private void followFindingsPolicy(PolicyProfile recorded) {
        if (recorded == null) {
            return;
        }
        PolicyProfile shown = policyBox.getItems().stream()
                .filter(p -> p.id().equals(recorded.id()) && p.version().equals(recorded.version()))
                .findFirst().orElse(null);
        if (shown == null) {
            shown = recorded;
            policyBox.getItems().add(recorded);
        }
        policyBox.setValue(shown);
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

    /**
     * Records the decision as filled in. The form asks only what it can see at once (an outcome,
     * rationale, auditor, and an override justification while failed findings would be overridden,
     * by the service's own rule); everything else the service checks, off the FX thread, and a
     * refusal is shown under the button in the words of the form.
     */
    @FXML
    private void onDecide() {
        boolean per = perOutput();
        if (!per && outcome.getSelectedToggle() == null) {
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
        List<org.releaseauditor.service.cases.CaseRecords.FailedFinding> over = overridden();
        if (!over.isEmpty() && overrideArea.getText().isBlank()) {
            decisionValidation.setText(Messages.get("decision.form.error.override", DecisionFormText.findings(over)));
            overrideArea.requestFocus();
            return;
        }
        decisionValidation.setText("");
        ctx.preferences().setAuditorName(auditorField.getText());
        DecisionRequest.Builder b = DecisionRequest.builder()
                .outcome(per ? null : (DecisionOutcome) outcome.getSelectedToggle().getUserData())
                .conditions(per || conditionsRadio.isSelected() ? conditionsArea.getText() : null)
                .rationale(rationaleArea.getText()).auditor(auditorField.getText()).runs(decidedRunIds())
                // the policy whose findings are listed is the one the service records (its latest
                // evaluation); a policy chosen in the box is recorded only for runs not evaluated yet
                .policy(vm.findings().isEmpty() ? policyRef() : null)
                .purpose(purposeField.getText()).legalBasisText(legalBasisTextField.getText())
                .recipients(recipientsField.getText()).retention(retentionField.getText())
                .controller(controllerField.getText().isBlank() ? null : controllerField.getText())
                .overrideJustification(over.isEmpty() ? null : overrideArea.getText());
        for (LegalBasis basis : selectedLegalBases()) {
            b.legalBasis(basis);
        }
        if (per) {
            for (DecisionOutputRow r : outputsTable.getItems()) {
                b.output(r.datasetId(), r.approveProperty().get(), r.commentProperty().get());
            }
        }
        CaseViewModel.Snapshot s = vm.snapshotProperty().get();
        if (s != null) {
            b.expectedHead(s.headHash());
        }
        vm.decide(b.build(), decisionValidation::setText);
    }

    /** The second reviewer signs the decision in force; the service refuses the decider. */
    @FXML
    private void onSign() {
        reviewValidation.setText("");
        vm.review(reviewerField.getText(), reviewCommentField.getText(), reviewValidation::setText);
    }

    /**
     * Exports exactly the approved outputs (as {@code case export --to DIR}). A chosen folder that
     * is not empty gets a new subfolder named after the case.
     */
    @FXML
    private void onExportApproved() {
        exportValidation.setText("");
        CaseViewModel.FormState f = vm.formStateProperty().get();
        if (vm.openCaseProperty().get() == null || f == null) {
            vm.messageProperty().set(Messages.get("case.none"));
            return;
        }
        // what the service would refuse in any case, said before a folder is asked for
        if (f.current().isEmpty()) {
            exportValidation.setText(Messages.get("case.exportDir.nothing", Messages.get("case.export.noDecision")));
            return;
        }
        org.releaseauditor.service.cases.CaseRecords.DecisionDetails d = f.current().get();
        if (d.decision().outcome() == DecisionOutcome.REJECT) {
            exportValidation.setText(Messages.get("case.exportDir.nothing", Messages.get("case.export.rejected",
                    d.decision().id())));
            return;
        }
        if (d.awaitingReview()) {
            exportValidation.setText(Messages.get("case.exportDir.nothing", Messages.get(
                    "case.export.awaitingReview", d.decision().id())));
            return;
        }
        ctx.dialogs().chooseFolder(Messages.get("case.exportDir.choose"), ctx.preferences().lastFolder().orElse(null))
                .ifPresent(dir -> vm.exportApproved(exportTarget(dir, vm.openCaseProperty().get().file()),
                        exportValidation::setText));
    }

    /** The chosen folder when it is new or empty, else a new subfolder named after the case. */
    static java.nio.file.Path exportTarget(java.nio.file.Path chosen, java.nio.file.Path caseFile) {
        try {
            if (!java.nio.file.Files.exists(chosen)) {
                return chosen;
            }
            try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(chosen)) {
                if (s.findAny().isEmpty()) {
                    return chosen;
                }
            }
        } catch (java.io.IOException e) {
            return chosen;
        }
        String stem = caseFile.getFileName().toString().replaceAll("\\.rcase$", "");
        return chosen.resolve(stem + "-approved");
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

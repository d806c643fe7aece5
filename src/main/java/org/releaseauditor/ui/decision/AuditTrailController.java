package org.releaseauditor.ui.decision;

import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.releaseauditor.core.casefile.AuditEvent;
import org.releaseauditor.core.casefile.DecisionEntry;
import org.releaseauditor.core.casefile.VerificationItem;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.fx.TableCsv;

/** The audit trail: the event timeline, the decision history and "verify now". Thin. */
public final class AuditTrailController {
    private final CaseViewModel vm;

    @FXML private Label caseTitle;
    @FXML private Label headLabel;
    @FXML private TableView<AuditEvent> eventsTable;
    @FXML private TableView<DecisionEntry> decisionsTable;
    @FXML private TableView<VerificationItem> verifyTable;

    /** Strong reference for the weak listener on the long-lived case model (the window may be rebuilt). */
    private final javafx.beans.value.ChangeListener<CaseViewModel.Snapshot> snapshotShown = (o, a, s) -> showSnapshot(s);

    public AuditTrailController(AppContext ctx) {
        this.vm = ctx.caseModel();
    }

    @FXML
    private void initialize() {
        eventsTable.getColumns().setAll(List.of(
                DecisionPanelController.<AuditEvent>col("#", e -> Long.toString(e.id())),
                DecisionPanelController.<AuditEvent>col(Messages.get("case.col.at"), AuditEvent::occurredAt),
                DecisionPanelController.<AuditEvent>col(Messages.get("case.col.actor"), AuditEvent::actor),
                DecisionPanelController.<AuditEvent>col(Messages.get("audit.col.action"), e -> action(e.action())),
                DecisionPanelController.<AuditEvent>col(Messages.get("audit.col.hash"),
                        e -> CaseViewModel.shortHash(e.hash()))));
        decisionsTable.getColumns().setAll(List.of(
                DecisionPanelController.<DecisionEntry>col("#", d -> Long.toString(d.id())),
                DecisionPanelController.<DecisionEntry>col(Messages.get("case.col.at"), d -> d.at().toString()),
                DecisionPanelController.<DecisionEntry>col(Messages.get("audit.col.outcome"),
                        d -> Messages.get("decision." + d.outcome().name())),
                DecisionPanelController.<DecisionEntry>col(Messages.get("case.auditor"), DecisionEntry::auditor),
                DecisionPanelController.<DecisionEntry>col(Messages.get("audit.col.supersedes"),
                        d -> d.supersedes() == null ? "" : "#" + d.supersedes()),
                DecisionPanelController.<DecisionEntry>col(Messages.get("audit.col.rationale"), DecisionEntry::rationale)));
        verifyTable.setItems(vm.verification());
        verifyTable.getColumns().setAll(List.of(
                DecisionPanelController.<VerificationItem>col(Messages.get("audit.col.status"),
                        v -> Messages.get(v.ok() ? "audit.verify.ok" : "audit.verify.broken")),
                DecisionPanelController.<VerificationItem>col(Messages.get("audit.col.kind"), VerificationItem::kind),
                DecisionPanelController.<VerificationItem>col(Messages.get("audit.col.subject"),
                        VerificationItem::subject),
                DecisionPanelController.<VerificationItem>col(Messages.get("audit.col.detail"),
                        VerificationItem::detail)));
        for (TableView<?> t : List.of(eventsTable, decisionsTable, verifyTable)) {
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            TableCsv.install(t);
        }
        vm.snapshotProperty().addListener(new javafx.beans.value.WeakChangeListener<>(snapshotShown));
        showSnapshot(vm.snapshotProperty().get());
    }

    /** Shows the open case (or none); also the case already open when this view is built (language switch). */
    private void showSnapshot(CaseViewModel.Snapshot s) {
        if (s == null) {
            caseTitle.setText(Messages.get("case.none.title"));
            headLabel.setText("");
            eventsTable.getItems().clear();
            decisionsTable.getItems().clear();
            return;
        }
        caseTitle.setText(s.info().title());
        headLabel.setText(Messages.get("audit.head", s.headHash() == null ? "" : s.headHash(), s.events().size(),
                vm.openCaseProperty().get().file().toString()));
        eventsTable.getItems().setAll(s.events());
        decisionsTable.getItems().setAll(s.decisions());
    }

    @FXML
    private void onVerify() {
        vm.verify();
    }

    /** An audit event's action in words ("Case created"); an action without a text shows as recorded. */
    static String action(String action) {
        String key = "audit.action." + action;
        return Messages.has(key) ? Messages.get(key) : action;
    }
}

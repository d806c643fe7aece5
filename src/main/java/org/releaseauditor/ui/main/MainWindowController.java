package org.releaseauditor.ui.main;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.AppVersion;
import org.releaseauditor.ui.AppContext;

/** The main window: menus, toolbar, dataset list, lane tabs and the status bar. Thin. */
public final class MainWindowController {
    private final AppContext ctx;
    private final MainWindowViewModel vm;
    private Runnable onLanguageChanged = () -> { };
    private java.util.function.Consumer<Path> openHandler;
    private Runnable runHandler = () -> { };
    private java.util.function.Consumer<Path> openSummaryHandler;
    private Runnable metricHelpHandler = () -> { };
    private Runnable tourHandler = () -> { };

    @FXML private BorderPane root;
    @FXML private ListView<LoadedDataset> datasetList;
    @FXML private Label statusLabel;
    @FXML private Label progressLabel;
    @FXML private ProgressBar progressBar;
    @FXML private Button statusCancelButton;
    @FXML private Button runButton;
    @FXML private Button openButton;
    @FXML private Button helpButton;
    @FXML private MenuItem runItem;
    @FXML private MenuItem cancelItem;
    @FXML private Menu recentMenu;
    @FXML private TabPane laneTabs;
    @FXML private Tab microdataTab;
    @FXML private Tab trajectoriesTab;
    @FXML private Tab aggregatesTab;
    @FXML private Tab evaluationTab;
    @FXML private Tab verdictTab;
    @FXML private Tab decisionTab;
    @FXML private Tab auditTab;
    @FXML private Label caseLabel;
    @FXML private MenuItem recordItem;
    @FXML private Button recordButton;
    @FXML private javafx.scene.layout.StackPane recordHolder;
    /** Lane tabs whose dashboard "Record current analysis" can record. */
    private final java.util.Map<Tab, org.releaseauditor.ui.decision.RecordableDashboard> recordables =
            new java.util.LinkedHashMap<>();
    /** Strong reference for the weak listener on the long-lived case model (the window may be rebuilt). */
    private final javafx.beans.value.ChangeListener<org.releaseauditor.ui.decision.CaseViewModel.Snapshot> caseShown =
            (o, a, b) -> showCase(b);

    public MainWindowController(AppContext ctx) {
        this.ctx = ctx;
        this.vm = new MainWindowViewModel(ctx.session(), ctx.tasks(), ctx.datasetService(), ctx.preferences());
    }

    @FXML
    private void initialize() {
        SessionModel s = ctx.session();
        datasetList.setItems(s.datasets());
        datasetList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                s.selectedProperty().set(b);
            }
        });
        s.selectedProperty().addListener((o, a, b) -> datasetList.getSelectionModel().select(b));
        statusLabel.textProperty().bind(s.statusProperty());
        progressBar.progressProperty().bind(ctx.tasks().progressProperty());
        progressBar.visibleProperty().bind(ctx.tasks().runningProperty());
        progressLabel.textProperty().bind(ctx.tasks().messageProperty());
        statusCancelButton.visibleProperty().bind(ctx.tasks().cancellableProperty());
        statusCancelButton.managedProperty().bind(statusCancelButton.visibleProperty());
        cancelItem.disableProperty().bind(ctx.tasks().cancellableProperty().not());
        var record = ctx.recordAction();
        recordItem.disableProperty().bind(record.disabledProperty());
        recordItem.textProperty().bind(record.textProperty());
        recordButton.disableProperty().bind(record.disabledProperty());
        javafx.scene.control.Tooltip recordTip = new javafx.scene.control.Tooltip();
        recordTip.textProperty().bind(record.reasonProperty());
        recordTip.setWrapText(true);
        recordTip.setMaxWidth(420);
        // a disabled control shows no tooltip: the holder around the button shows it, and the
        // disabled button lets the mouse through to it
        recordButton.mouseTransparentProperty().bind(recordButton.disabledProperty());
        javafx.scene.control.Tooltip.install(recordHolder, recordTip);
        laneTabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> followTab(b));
        ctx.caseModel().snapshotProperty().addListener(new javafx.beans.value.WeakChangeListener<>(caseShown));
        showCase(ctx.caseModel().snapshotProperty().get());
        runButton.disableProperty().bind(s.selectedProperty().isNull());
        runItem.disableProperty().bind(s.selectedProperty().isNull());
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty();
            if (ok) {
                open(files.get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        rebuildRecentMenu();
    }

    public MainWindowViewModel viewModel() {
        return vm;
    }

    public BorderPane root() {
        return root;
    }

    public TabPane laneTabs() {
        return laneTabs;
    }

    public Tab microdataTab() {
        return microdataTab;
    }

    public Tab trajectoriesTab() {
        return trajectoriesTab;
    }

    public Tab aggregatesTab() {
        return aggregatesTab;
    }

    public Tab evaluationTab() {
        return evaluationTab;
    }

    public Tab verdictTab() {
        return verdictTab;
    }

    public Tab decisionTab() {
        return decisionTab;
    }

    public Tab auditTab() {
        return auditTab;
    }

    public Label caseLabel() {
        return caseLabel;
    }

    /**
     * Lets "Record current analysis" (menu, toolbar, decision panel) record {@code dashboard}'s
     * result while {@code tab} is selected; from the decision and audit tabs it records the lane
     * tab selected last. Call once per lane tab when the window is built.
     */
    public void addRecordable(Tab tab, org.releaseauditor.ui.decision.RecordableDashboard dashboard) {
        recordables.put(tab, dashboard);
        Tab selected = laneTabs.getSelectionModel().getSelectedItem();
        if (selected == tab || !recordables.containsValue(ctx.recordAction().targetProperty().get())) {
            followTab(tab);
        }
    }

    private void followTab(Tab tab) {
        var dashboard = recordables.get(tab);
        if (dashboard != null) {
            ctx.recordAction().targetProperty().set(dashboard);
            ctx.recordAction().targetNameProperty().set(tab.getText());
        }
        ctx.recordAction().update();
    }

    /** The open case in the toolbar: title, file and whether it is read-only. */
    private void showCase(org.releaseauditor.ui.decision.CaseViewModel.Snapshot s) {
        var cs = ctx.caseModel().openCaseProperty().get();
        if (s == null || cs == null) {
            caseLabel.setText(Messages.get("main.case.none"));
            return;
        }
        caseLabel.setText(Messages.get(s.readOnly() ? "main.case.readOnly" : "main.case", s.info().title(),
                cs.file().getFileName()));
    }

    /** Called after the language changed (the app rebuilds the scene). */
    public void setOnLanguageChanged(Runnable r) {
        this.onLanguageChanged = r;
    }

    /** How a chosen file is opened (the import wizard). */
    public void setOpenHandler(java.util.function.Consumer<Path> handler) {
        this.openHandler = handler;
    }

    /** How a chosen summary file is opened (the lane's dashboard audits it). */
    public void setOpenSummaryHandler(java.util.function.Consumer<Path> handler) {
        this.openSummaryHandler = handler;
    }

    /** Opens a lane summary (File → Open summary…). */
    public void openSummary(Path file) {
        if (openSummaryHandler != null) {
            openSummaryHandler.accept(file);
        }
    }

    /** What "Run analysis" does for the selected dataset. */
    public void setRunHandler(Runnable r) {
        this.runHandler = r;
    }

    /** Opens a file through the import wizard. */
    public void open(Path file) {
        if (openHandler != null) {
            openHandler.accept(file);
        }
        rebuildRecentMenu();
    }

    private void rebuildRecentMenu() {
        recentMenu.getItems().clear();
        for (Path p : ctx.preferences().recentFiles()) {
            MenuItem item = new MenuItem(p.toString());
            item.setOnAction(e -> open(p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    @FXML
    private void onOpen() {
        ctx.dialogs().chooseFileToOpen(Messages.get("ui.open.title"),
                ctx.preferences().lastFolder().orElse(null),
                List.of(Messages.get("ui.file.tables") + "|*.csv;*.tsv;*.txt;*.sqlite;*.db"))
                .ifPresent(this::open);
    }

    @FXML
    private void onOpenSummary() {
        ctx.dialogs().chooseFileToOpen(Messages.get("summary.ui.open.title"),
                ctx.preferences().lastFolder().orElse(null),
                List.of(Messages.get("summary.ui.file") + "|*.json"))
                .ifPresent(this::openSummary);
    }

    @FXML
    private void onRun() {
        runHandler.run();
    }

    @FXML
    private void onRecord() {
        if (ctx.recordAction().record()) {
            ctx.session().statusProperty().set(Messages.get("case.task.record"));
        }
    }

    @FXML
    private void onCancel() {
        ctx.tasks().cancelCurrent();
    }

    @FXML
    private void onNewCase() {
        laneTabs.getSelectionModel().select(decisionTab);
        org.releaseauditor.ui.decision.CaseActions.newCase(ctx);
    }

    @FXML
    private void onOpenCase() {
        laneTabs.getSelectionModel().select(decisionTab);
        org.releaseauditor.ui.decision.CaseActions.openCase(ctx, false);
    }

    @FXML
    private void onOpenDemo() {
        // the demo case opens on its verdict (issue 13): what was decided and why, first
        laneTabs.getSelectionModel().select(verdictTab);
        org.releaseauditor.ui.decision.DemoCase.open(ctx);
    }

    @FXML
    private void onExportReport() {
        // the decision panel holds the export buttons (HTML, PDF, include records)
        laneTabs.getSelectionModel().select(decisionTab);
    }

    @FXML
    private void onExit() {
        Platform.exit();
    }

    @FXML
    private void onEnglish() {
        switchLanguage(Locale.ENGLISH);
    }

    @FXML
    private void onGerman() {
        switchLanguage(Locale.GERMAN);
    }

    private void switchLanguage(Locale locale) {
        Messages.setLocale(locale);
        ctx.preferences().setLanguage(locale);
        onLanguageChanged.run();
    }

    /** What Help → Metric help (and the toolbar's Help button) and Help → Guided tour do. */
    public void setHelpHandlers(Runnable metricHelp, Runnable tour) {
        this.metricHelpHandler = metricHelp;
        this.tourHandler = tour;
    }

    public Button helpButton() {
        return helpButton;
    }

    public Button openButton() {
        return openButton;
    }

    @FXML
    private void onMetricHelp() {
        metricHelpHandler.run();
    }

    @FXML
    private void onGuidedTour() {
        tourHandler.run();
    }

    @FXML
    private void onAbout() {
        ctx.dialogs().showInfo(Messages.get("menu.help.about"), Messages.get("ui.about", AppVersion.get()));
    }
}

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

    @FXML private BorderPane root;
    @FXML private ListView<LoadedDataset> datasetList;
    @FXML private Label statusLabel;
    @FXML private Label progressLabel;
    @FXML private ProgressBar progressBar;
    @FXML private Button cancelButton;
    @FXML private Button runButton;
    @FXML private MenuItem runItem;
    @FXML private MenuItem cancelItem;
    @FXML private Menu recentMenu;
    @FXML private TabPane laneTabs;
    @FXML private Tab microdataTab;
    @FXML private Tab trajectoriesTab;
    @FXML private Tab aggregatesTab;
    @FXML private Tab evaluationTab;
    @FXML private Tab decisionTab;
    @FXML private Tab auditTab;
    @FXML private Label caseLabel;

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
        cancelButton.visibleProperty().bind(ctx.tasks().runningProperty());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        cancelItem.disableProperty().bind(ctx.tasks().runningProperty().not());
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

    public Tab decisionTab() {
        return decisionTab;
    }

    public Tab auditTab() {
        return auditTab;
    }

    public Label caseLabel() {
        return caseLabel;
    }

    /** Called after the language changed (the app rebuilds the scene). */
    public void setOnLanguageChanged(Runnable r) {
        this.onLanguageChanged = r;
    }

    /** How a chosen file is opened (the import wizard). */
    public void setOpenHandler(java.util.function.Consumer<Path> handler) {
        this.openHandler = handler;
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
    private void onRun() {
        runHandler.run();
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
        laneTabs.getSelectionModel().select(decisionTab);
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

    @FXML
    private void onHelpMetrics() {
        ctx.dialogs().showInfo(Messages.get("menu.help.metrics"), Messages.get("ui.help.metrics"));
    }

    @FXML
    private void onAbout() {
        ctx.dialogs().showInfo(Messages.get("menu.help.about"), Messages.get("ui.about", AppVersion.get()));
    }
}

package org.releaseauditor.ui;

import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.microdata.MicrodataAnalysisService;
import org.releaseauditor.ui.decision.CaseViewModel;
import org.releaseauditor.ui.fx.BackgroundTasks;
import org.releaseauditor.ui.fx.ComputeExecutor;
import org.releaseauditor.ui.fx.DialogService;
import org.releaseauditor.ui.fx.FxDialogService;
import org.releaseauditor.ui.fx.FxmlViews;
import org.releaseauditor.ui.fx.UiPreferences;
import org.releaseauditor.ui.main.LoadedDataset;
import org.releaseauditor.ui.main.SessionModel;

/**
 * Composition root of the desktop app: owns the executor, the dialog service, preferences and the
 * services, and builds FXML controllers by constructor injection (no DI framework).
 */
public final class AppContext implements AutoCloseable {
    private final ComputeExecutor executor;
    private final UiPreferences preferences;
    private final DialogService dialogs;
    private final BackgroundTasks tasks;
    private final DatasetService datasetService = new DatasetService();
    private final MicrodataAnalysisService microdataService = new MicrodataAnalysisService();
    private final SessionModel session = new SessionModel();
    private final Map<Class<?>, Function<AppContext, Object>> factories = new HashMap<>();
    private Window mainWindow;
    private final CaseViewModel caseModel;
    private Supplier<CurrentAnalysis> currentMicrodata = () -> null;

    /** The microdata dashboard's current state, for "record in case". */
    public record CurrentAnalysis(LoadedDataset dataset, MicrodataAnalysis analysis, String attacker) {
    }

    public AppContext(UiPreferences preferences) {
        this(preferences, null);
    }

    /** @param dialogs a dialog service, or null for the JavaFX one */
    public AppContext(UiPreferences preferences, DialogService dialogs) {
        this.executor = new ComputeExecutor();
        this.preferences = preferences;
        this.dialogs = dialogs != null ? dialogs
                : new FxDialogService(() -> mainWindow, msg -> session.statusProperty().set(msg));
        this.tasks = new BackgroundTasks(executor, this.dialogs);
        this.caseModel = new CaseViewModel(tasks, microdataService);
    }

    public CaseViewModel caseModel() {
        return caseModel;
    }

    /** The microdata dashboard's current analysis, or null. */
    public CurrentAnalysis currentMicrodata() {
        return currentMicrodata.get();
    }

    public void setCurrentMicrodata(Supplier<CurrentAnalysis> supplier) {
        this.currentMicrodata = supplier;
    }

    /** Registers how to build a controller type (instead of its constructor taking AppContext). */
    public <T> void register(Class<T> type, Function<AppContext, Object> factory) {
        factories.put(type, factory);
    }

    /** The FXML controller factory: a registered factory, else a constructor(AppContext), else no-arg. */
    public Object createController(Class<?> type) {
        Function<AppContext, Object> f = factories.get(type);
        if (f != null) {
            return f.apply(this);
        }
        try {
            try {
                Constructor<?> c = type.getConstructor(AppContext.class);
                return c.newInstance(this);
            } catch (NoSuchMethodException e) {
                return type.getConstructor().newInstance();
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create controller " + type.getName(), e);
        }
    }

    public FxmlViews views() {
        return new FxmlViews(this::createController);
    }

    public void setMainWindow(Window window) {
        this.mainWindow = window;
    }

    public Window mainWindow() {
        return mainWindow;
    }

    public ComputeExecutor executor() {
        return executor;
    }

    public UiPreferences preferences() {
        return preferences;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    public DatasetService datasetService() {
        return datasetService;
    }

    public MicrodataAnalysisService microdataService() {
        return microdataService;
    }

    public SessionModel session() {
        return session;
    }

    @Override
    public void close() {
        caseModel.close();
        executor.close();
        preferences.flush();
    }
}

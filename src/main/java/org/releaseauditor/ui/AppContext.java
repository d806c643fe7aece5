package org.releaseauditor.ui;

import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.aggregates.AggregatesLane;
import org.releaseauditor.service.aggregates.AggregatesRequest;
import org.releaseauditor.service.evaluation.EvaluationLane;
import org.releaseauditor.service.evaluation.EvaluationRequest;
import org.releaseauditor.service.microdata.MicrodataLane;
import org.releaseauditor.service.microdata.MicrodataRequest;
import org.releaseauditor.service.trajectories.TrajectoriesLane;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;
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
    private final LaneRegistry lanes = LaneRegistry.global();
    private final SessionModel session = new SessionModel();
    private final Map<Class<?>, Function<AppContext, Object>> factories = new HashMap<>();
    private Window mainWindow;
    private final CaseViewModel caseModel;
    private Supplier<CurrentAnalysis> currentMicrodata = () -> null;

    /**
     * The microdata dashboard's current state, for "record in case".
     *
     * @param dataset  the dataset shown
     * @param result   the latest result as the lane returned it
     * @param attacker the attacker preset's display name ("custom" when the settings were edited)
     */
    public record CurrentAnalysis(LoadedDataset dataset, LaneResult<MicrodataRequest, MicrodataAnalysis> result,
            String attacker) {
        /** The typed result shown on the dashboard. */
        public MicrodataAnalysis analysis() {
            return result == null ? null : result.output();
        }
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
        this.caseModel = new CaseViewModel(tasks);
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

    /** The analysis lanes: every dashboard analyses through them. */
    public LaneRegistry lanes() {
        return lanes;
    }

    /** The microdata lane. */
    public MicrodataLane microdataLane() {
        return requireLane(MicrodataRequest.LANE, MicrodataLane.class);
    }

    /** The trajectories lane. */
    public TrajectoriesLane trajectoriesLane() {
        return requireLane(TrajectoriesRequest.LANE, TrajectoriesLane.class);
    }

    /** The aggregates lane. */
    public AggregatesLane aggregatesLane() {
        return requireLane(AggregatesRequest.LANE, AggregatesLane.class);
    }

    /** The evaluation lane. */
    public EvaluationLane evaluationLane() {
        return requireLane(EvaluationRequest.LANE, EvaluationLane.class);
    }

    private <L extends org.releaseauditor.service.Lane<?, ?>> L requireLane(String name, Class<L> type) {
        try {
            return lanes.require(name, type);
        } catch (org.releaseauditor.core.error.ConfigurationException e) {
            throw new IllegalStateException("the standard lanes are always registered", e);
        }
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

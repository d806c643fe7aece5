package org.releaseauditor.ui.main;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.ui.fx.BackgroundTasks;
import org.releaseauditor.ui.fx.FxTasks;
import org.releaseauditor.ui.fx.UiPreferences;

/** State and actions of the main window; knows no nodes. */
public final class MainWindowViewModel {
    private final SessionModel session;
    private final BackgroundTasks tasks;
    private final DatasetService datasets;
    private final UiPreferences preferences;

    public MainWindowViewModel(SessionModel session, BackgroundTasks tasks, DatasetService datasets,
            UiPreferences preferences) {
        this.session = session;
        this.tasks = tasks;
        this.datasets = datasets;
        this.preferences = preferences;
    }

    public SessionModel session() {
        return session;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    /**
     * Loads a dataset (for example an SQLite table, which has no preview wizard) and gives its
     * columns the suggested roles; the auditor adjusts them in the attacker-model panel.
     */
    public Task<LoadedDataset> loadWithSuggestedRoles(Path file, ImportOptions options, Consumer<LoadedDataset> then) {
        Task<LoadedDataset> task = FxTasks.of(Messages.get("ui.task.import", file.getFileName()), m -> {
            Dataset ds = datasets.loadInput(DatasetRef.of(file), options, m).data();
            Map<String, AttributeRole> roles = new LinkedHashMap<>();
            for (var s : org.releaseauditor.core.model.RoleSuggester.suggest(ds)) {
                roles.put(s.column(), s.role());
            }
            return new LoadedDataset(file, ds, roles, options);
        });
        session.importStarted(file);
        return tasks.run(task, loaded -> {
            session.add(loaded);
            session.importEnded(file);
            preferences.addRecentFile(file);
            session.statusProperty().set(Messages.get("ui.status.loaded", loaded.data().name(),
                    loaded.data().rowCount(), loaded.data().columns().size()));
            if (then != null) {
                then.accept(loaded);
            }
        }, ex -> {
            session.importEnded(file);
            tasks.reportFailure(task.getTitle(), ex);
        }, () -> session.importEnded(file));
    }

    /**
     * Loads a dataset in the background with the given options and roles, adds it to the session
     * and remembers the file in the recent list. The file is read as a lane input (hashed and
     * kept for reuse), so the first analysis does not read it again.
     */
    public Task<Dataset> load(Path file, ImportOptions options, Map<String, AttributeRole> roles,
            Consumer<LoadedDataset> then) {
        Task<Dataset> task = FxTasks.of(Messages.get("ui.task.import", file.getFileName()),
                m -> datasets.loadInput(DatasetRef.of(file), options, m).data());
        session.importStarted(file);
        return tasks.run(task, ds -> {
            Map<String, AttributeRole> r = new LinkedHashMap<>(roles);
            LoadedDataset loaded = new LoadedDataset(file, ds, r, options);
            session.add(loaded);
            session.importEnded(file);
            preferences.addRecentFile(file);
            if (file.getParent() != null) {
                preferences.setLastFolder(file.getParent());
            }
            session.statusProperty().set(Messages.get("ui.status.loaded", ds.name(), ds.rowCount(),
                    ds.columns().size()));
            if (then != null) {
                then.accept(loaded);
            }
        }, ex -> {
            session.importEnded(file);
            tasks.reportFailure(task.getTitle(), ex);
        }, () -> session.importEnded(file));
    }
}

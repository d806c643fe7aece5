package org.releaseauditor.ui.main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.service.cases.DemoCaseService;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.dataset.ImportWizard;
import org.releaseauditor.ui.fx.FxmlViews;
import org.releaseauditor.ui.risk.RiskDashboardController;

/** The dashboards that plug into the main window's tabs, and the startup sample. */
final class Plugins {
    /** The bundled sample opened at start-up. */
    static final Path SAMPLE = Path.of("sample-datasets", "microdata", "adult.csv");

    private Plugins() {
    }

    static List<Consumer<MainWindowController>> defaults(AppContext ctx) {
        List<Consumer<MainWindowController>> list = new ArrayList<>();
        list.add(main -> {
            FxmlViews.View<RiskDashboardController> risk = ctx.views().load("/fxml/risk/RiskDashboard.fxml");
            main.microdataTab().setContent(risk.root());
            ctx.session().selectedProperty().addListener((o, a, b) -> {
                // after a language switch the old dashboard is detached: it must not react any more
                if (b != null && risk.root().getScene() != null) {
                    risk.controller().show(b);
                }
            });
            if (ctx.session().selectedProperty().get() != null) {
                risk.controller().show(ctx.session().selectedProperty().get());
            }
            // while a new file is imported, the microdata result shown is marked as being recomputed
            ctx.session().importingProperty().addListener((o, a, b) -> {
                if (risk.root().getScene() != null) {
                    risk.controller().viewModel().importing(b != null);
                }
            });
            main.setRunHandler(() -> risk.controller().viewModel().runNow());
            main.addRecordable(main.microdataTab(), risk.controller().viewModel());
            FxmlViews.View<org.releaseauditor.ui.aggregate.AggregateDashboardController> agg =
                    ctx.views().load("/fxml/aggregate/AggregateDashboard.fxml");
            main.aggregatesTab().setContent(agg.root());
            main.addRecordable(main.aggregatesTab(), agg.controller().viewModel());
            main.aggregatesTab().selectedProperty().addListener((o, a, sel) -> {
                Path s = locateSample();
                if (sel && s != null) {
                    agg.controller().loadSampleOnce(s.getParent().getParent().resolve("aggregates"));
                }
            });
            FxmlViews.View<org.releaseauditor.ui.trajectory.TrajectoryDashboardController> traj =
                    ctx.views().load("/fxml/trajectory/TrajectoryDashboard.fxml");
            main.trajectoriesTab().setContent(traj.root());
            main.addRecordable(main.trajectoriesTab(), traj.controller().viewModel());
            boolean[] trajLoaded = {false};
            main.trajectoriesTab().selectedProperty().addListener((o, a, sel) -> {
                if (sel && !trajLoaded[0]) {
                    trajLoaded[0] = true;
                    Path s = locateSample();
                    Path events = s == null ? null
                            : s.getParent().getParent().resolve("trajectories").resolve("events_pseudonymised.csv");
                    if (events != null && Files.isRegularFile(events)) {
                        traj.controller().loadSample(events);
                    }
                }
            });
            FxmlViews.View<org.releaseauditor.ui.evaluation.EvaluationDashboardController> eval =
                    ctx.views().load("/fxml/evaluation/EvaluationDashboard.fxml");
            main.evaluationTab().setContent(eval.root());
            boolean[] evalLoaded = {false};
            main.evaluationTab().selectedProperty().addListener((o, a, sel) -> {
                Path s = locateSample();
                Path dir = s == null ? null : s.getParent().getParent().resolve("evaluation");
                if (sel && !evalLoaded[0] && dir != null && Files.isRegularFile(dir.resolve("original.csv"))) {
                    evalLoaded[0] = true;
                    eval.controller().loadSample(dir);
                }
            });
            main.setRunHandler(() -> {
                if (main.evaluationTab().isSelected()) {
                    eval.controller().run();
                } else if (main.aggregatesTab().isSelected()) {
                    agg.controller().viewModel().run();
                } else if (main.trajectoriesTab().isSelected()) {
                    traj.controller().viewModel().runNow();
                } else {
                    risk.controller().viewModel().runNow();
                }
            });
            main.verdictTab().setContent(ctx.views().load("/fxml/decision/VerdictPanel.fxml").root());
            main.decisionTab().setContent(ctx.views().load("/fxml/decision/DecisionPanel.fxml").root());
            main.auditTab().setContent(ctx.views().load("/fxml/audit/AuditTrail.fxml").root());
            main.setOpenHandler(file -> openFile(ctx, main, file));
            main.setOpenSummaryHandler(file -> {
                // opening a trajectory summary first must not start the bundled sample behind it
                trajLoaded[0] = true;
                openSummary(ctx, main, risk.controller(), traj.controller(), file);
            });
        });
        return list;
    }

    /**
     * Opens a file: the SQLite check and the table listing read the file off the FX thread; a
     * delimited file goes to the import wizard, a database asks for a table and loads it with
     * suggested roles.
     */
    static void openFile(AppContext ctx, MainWindowController main, Path file) {
        var probe = org.releaseauditor.ui.fx.FxTasks.of(org.releaseauditor.core.i18n.Messages.get("ui.task.import",
                file.getFileName()), m -> ctx.datasetService().isSqlite(file)
                        ? ctx.datasetService().listSqliteTables(file) : null);
        ctx.tasks().run(probe, tables -> {
            if (tables == null) {
                new ImportWizard(ctx).show(file).ifPresent(req -> main.viewModel().load(req.file(), req.options(),
                        req.roles(), loaded -> main.laneTabs().getSelectionModel().select(main.microdataTab())));
            } else {
                chooseSqliteTable(ctx, main, file, tables);
            }
        });
    }

    /**
     * Opens a lane summary: its lane picks the dashboard, which audits it through the lane (the
     * result is recorded like any other, bound to the summary's SHA-256). A file that is not a
     * summary is reported, with the reason, before any work.
     */
    static void openSummary(AppContext ctx, MainWindowController main, RiskDashboardController risk,
            org.releaseauditor.ui.trajectory.TrajectoryDashboardController traj, Path file) {
        try {
            String lane = org.releaseauditor.service.SummarySource.lane(file);
            if (org.releaseauditor.service.trajectories.TrajectoriesRequest.LANE.equals(lane)) {
                main.laneTabs().getSelectionModel().select(main.trajectoriesTab());
                traj.showSummary(file);
            } else {
                main.laneTabs().getSelectionModel().select(main.microdataTab());
                risk.showSummary(file);
            }
            if (file.getParent() != null) {
                ctx.preferences().setLastFolder(file.getParent());
            }
        } catch (org.releaseauditor.core.error.AuditException e) {
            ctx.dialogs().showError(org.releaseauditor.core.i18n.Messages.get("summary.ui.open.title"),
                    e.getLocalizedMessage(), e);
        }
    }

    private static void chooseSqliteTable(AppContext ctx, MainWindowController main, Path file,
            java.util.List<String> tables) {
        ctx.dialogs().choose(
                org.releaseauditor.core.i18n.Messages.get("ui.sqlite.title", file.getFileName()),
                org.releaseauditor.core.i18n.Messages.get("ui.sqlite.choose"), tables).ifPresent(table ->
                main.viewModel().loadWithSuggestedRoles(file, ImportOptions.defaults().withSqliteTable(table),
                        loaded -> main.laneTabs().getSelectionModel().select(main.microdataTab())));
    }

    /** Roles of the bundled adult sample: eight quasi-identifiers and one sensitive attribute. */
    static Map<String, AttributeRole> sampleRoles() {
        Map<String, AttributeRole> roles = new LinkedHashMap<>();
        for (String c : List.of("sex", "age", "race", "marital-status", "education", "native-country", "workclass",
                "occupation")) {
            roles.put(c, AttributeRole.QUASI_IDENTIFIER);
        }
        roles.put("salary-class", AttributeRole.SENSITIVE);
        return roles;
    }

    /** Opens the bundled sample (if it is found relative to the working directory or the jar). */
    static void loadStartupSample(AppContext ctx, MainWindowController controller) {
        Path sample = locateSample();
        if (sample != null) {
            controller.viewModel().load(sample, ImportOptions.defaults(), sampleRoles(), null);
        }
    }

    static Path locateSample() {
        Path samples = DemoCaseService.locateSamples(SAMPLE.subpath(1, SAMPLE.getNameCount()).toString());
        return samples == null ? null : samples.resolve(SAMPLE.subpath(1, SAMPLE.getNameCount()));
    }
}

package org.releaseauditor.ui.decision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.cases.CaseService;
import org.releaseauditor.service.cases.DemoCaseService;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.fx.FxTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Open demo case": builds {@code ~/.release-auditor/demo/demo.rcase} from the bundled samples
 * when it is missing or does not verify (in the background), then opens it in the case model (the
 * Verdict, Decision and Audit trail tabs). The very first start of the app opens it the same way
 * ({@link org.releaseauditor.ui.main.StartPlan}).
 */
public final class DemoCase {
    private static final Logger LOGGER = LoggerFactory.getLogger(DemoCase.class);

    private DemoCase() {
    }

    /** Where the GUI keeps its demo case. */
    public static Path file() {
        return Path.of(System.getProperty("user.home"), ".release-auditor", "demo", "demo.rcase");
    }

    /** Call on the FX thread. */
    public static void open(AppContext ctx) {
        open(ctx, file());
    }

    /**
     * At start-up: as {@link #open(AppContext)}, but silent when there are neither samples nor a
     * demo case (an installation without samples), and failures are logged, not shown.
     */
    public static void openAtStartup(AppContext ctx) {
        openAtStartup(ctx, file());
    }

    /** As {@link #openAtStartup(AppContext)}, with another case file (the first start in tests). */
    public static void openAtStartup(AppContext ctx, Path target) {
        if (DemoCaseService.locateSamples(DemoCaseService.CUSTOMERS) == null && !Files.isRegularFile(target)) {
            LOGGER.info("No sample datasets and no demo case: the demo case is not opened at start-up");
            return;
        }
        open(ctx, target, e -> LOGGER.warn("Demo case not opened at start-up: {}", e.getMessage()));
    }

    /** As {@link #open(AppContext)}, with another case file (tests). */
    public static void open(AppContext ctx, Path caseFile) {
        open(ctx, caseFile, null);
    }

    private static void open(AppContext ctx, Path caseFile, Consumer<Throwable> onFailure) {
        Path target = caseFile.toAbsolutePath().normalize();
        CaseService current = ctx.caseModel().openCaseProperty().get();
        if (current != null && current.file().toAbsolutePath().normalize().equals(target)) {
            ctx.caseModel().refresh();
            return;
        }
        Path samples = DemoCaseService.locateSamples(DemoCaseService.CUSTOMERS);
        ctx.tasks().run(FxTasks.of(Messages.get("demo.task.open"), m -> {
            Files.createDirectories(target.getParent());
            return new DemoCaseService().ensure(samples, target, m);
        }), rebuilt -> ctx.caseModel().open(target, false, null), onFailure);
    }
}

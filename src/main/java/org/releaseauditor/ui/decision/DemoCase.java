package org.releaseauditor.ui.decision;

import java.nio.file.Path;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.CaseService;
import org.releaseauditor.service.DemoCaseService;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.fx.FxTasks;

/**
 * "Open demo case": builds {@code ~/.release-auditor/demo/demo.rcase} from the bundled samples
 * when it is missing or does not verify (in the background), then opens it in the decision panel.
 */
public final class DemoCase {

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

    /** As {@link #open(AppContext)}, with another case file (tests). */
    public static void open(AppContext ctx, Path caseFile) {
        Path target = caseFile.toAbsolutePath().normalize();
        CaseService current = ctx.caseModel().openCaseProperty().get();
        if (current != null && current.file().toAbsolutePath().normalize().equals(target)) {
            ctx.caseModel().refresh();
            return;
        }
        Path samples = DemoCaseService.locateSamples(DemoCaseService.CUSTOMERS);
        ctx.tasks().run(FxTasks.of(Messages.get("demo.task.open"), m -> {
            java.nio.file.Files.createDirectories(target.getParent());
            return new DemoCaseService().ensure(samples, target, m);
        }), rebuilt -> ctx.caseModel().open(target, false, null));
    }
}

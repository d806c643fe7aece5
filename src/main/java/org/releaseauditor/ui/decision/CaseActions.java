package org.releaseauditor.ui.decision;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.ui.AppContext;

/** Case actions shared by the File menu and the decision panel. */
public final class CaseActions {
    private CaseActions() {
    }

    public static void newCase(AppContext ctx) {
        NewCaseDialog.show(ctx).ifPresent(r -> ctx.caseModel().create(r.file(), r.title(), r.product(), r.controller(),
                r.auditor()));
    }

    public static void openCase(AppContext ctx, boolean readOnly) {
        chooseCase(ctx).ifPresent(p -> ctx.caseModel().open(p, readOnly, null));
    }

    static Optional<Path> chooseCase(AppContext ctx) {
        return ctx.dialogs().chooseFileToOpen(Messages.get("case.open"), ctx.preferences().lastFolder().orElse(null),
                List.of(Messages.get("case.files") + "|*.rcase"));
    }
}

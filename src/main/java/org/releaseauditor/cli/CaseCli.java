package org.releaseauditor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.AuditStoreException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.Finding;
import org.releaseauditor.core.policy.PolicyEvaluation;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.cases.CaseService;
import picocli.CommandLine.Model.CommandSpec;

/** Helpers shared by the case commands. */
final class CaseCli {

    private CaseCli() {
    }

    /** Opens a case for writing; a case held by another instance is refused with its notice. */
    static CaseService openForWriting(Path caseFile, CommandSpec spec) throws AuditException {
        CaseService cs = CaseService.open(caseFile, false, LaneRegistry.global());
        if (cs.readOnly()) {
            String notice = cs.accessNotice();
            cs.close();
            throw new AuditStoreException("casecli.error.notWritable", notice);
        }
        return cs;
    }

    /** Prints findings, one per line: STATUS rule: explanation. */
    static void printFindings(PrintWriter out, PolicyEvaluation ev) {
        out.println(Messages.get("casecli.policy", ev.profile().id(), ev.profile().version(), ev.overall()));
        for (Finding f : ev.findings()) {
            out.println("  " + f.status() + "  " + f.rule().describe() + ": " + f.explanation());
        }
    }

    static List<Long> ids(List<Long> l) {
        return l == null ? List.of() : l;
    }
}

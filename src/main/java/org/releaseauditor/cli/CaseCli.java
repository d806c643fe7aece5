package org.releaseauditor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.releaseauditor.core.casefile.CaseStatus;
import org.releaseauditor.core.casefile.Receipt;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.AuditStoreException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.Finding;
import org.releaseauditor.core.policy.PolicyEvaluation;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.cases.CaseService;
import picocli.CommandLine.Model.CommandSpec;

/** Helpers shared by the case commands. */
final class CaseCli {

    /** Default of {@code --wait}: how long a write waits for a busy case. */
    private CaseCli() {
    }

    /**
     * Opens a case for writing. A write that finds the case busy (another writer) waits up to
     * the {@code --wait} limit (the case service's default when not given), printing the wait to
     * stderr, then fails with "busy, try again".
     */
    static CaseService openForWriting(Path caseFile, CommandSpec spec, BusyWaitOption wait) throws AuditException {
        CaseService cs = CaseService.open(caseFile, false, LaneRegistry.global());
        if (cs.readOnly()) {
            String notice = cs.accessNotice();
            cs.close();
            throw new AuditStoreException("casecli.error.notWritable", notice);
        }
        PrintWriter err = spec.commandLine().getErr();
        cs.setBusyWait(wait.duration(), new ProgressMonitor() {
            @Override
            public void update(String phase, long done, long total) {
                err.println(phase);
                err.flush();
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        return cs;
    }

    /** Prints the receipt of the last write: event, action and the new head hash. */
    static void printReceipt(PrintWriter out, CaseService cs) {
        cs.lastReceipt().ifPresent(r -> out.println(receipt(r)));
    }

    static String receipt(Receipt r) {
        return Messages.get("casecli.receipt", r.eventId(), r.action(), r.headHash());
    }

    /** The status line of a case: decided, awaiting review, or open. */
    static String status(CaseStatus s) {
        return Messages.get("verify.status." + s.state().name(), s.decisionId() == null ? "-" : s.decisionId(),
                s.eventsAfterDecision(), s.outcome() == null ? "-" : s.outcome().name(), s.reviewers());
    }

    /**
     * Prints findings, one per line: STATUS, the verdict's sentence with the number and the
     * threshold (the same as the report's verdict page), and the rule.
     */
    static void printFindings(PrintWriter out, PolicyEvaluation ev, String resultJson) {
        org.releaseauditor.core.verdict.Verdict v = new org.releaseauditor.service.policy.VerdictService()
                .verdict(ev.profile(), resultJson, Messages.locale());
        out.println(Messages.get("casecli.policy", ev.profile().id(), ev.profile().version(),
                Messages.get(v.result().messageKey())));
        for (org.releaseauditor.core.verdict.VerdictFinding f : v.findings()) {
            out.println("  " + f.status() + "  " + f.sentence() + " (" + f.formula() + ")");
        }
    }

    static List<Long> ids(List<Long> l) {
        return l == null ? List.of() : l;
    }
}

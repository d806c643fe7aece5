package org.releaseauditor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.releaseauditor.core.casefile.VerificationItem;
import org.releaseauditor.core.casefile.VerificationReport;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.cases.CaseService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code release-auditor verify CASE [--data-dir DIR]}: recompute the hash chain and row digests,
 * re-hash the data files; print OK or BROKEN per item; exit 0 only if everything holds (else 3).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify a case: hash chain, rows and data files. Exit 0 only if everything holds.")
public class VerifyCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE", description = "The case file (opened read-only).")
    Path caseFile;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Look for the data files in DIR (by file name) instead of their recorded paths.")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (CaseService cs = CaseService.open(caseFile, true, LaneRegistry.global())) {
            VerificationReport r = cs.verify(dataDir, ProgressMonitor.none());
            for (VerificationItem i : r.items()) {
                out.println((i.ok() ? "OK      " : "BROKEN  ") + i.subject() + ": " + i.detail());
            }
            out.println(Messages.get(r.allOk() ? "casecli.verify.ok" : "casecli.verify.broken", r.events(),
                    r.headHash()));
            return r.allOk() ? ExitCodes.OK : ExitCodes.INPUT;
        }
    }
}

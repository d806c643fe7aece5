package org.releaseauditor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.releaseauditor.core.casefile.VerificationItem;
import org.releaseauditor.core.casefile.VerificationReport;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.cases.CaseExport;
import org.releaseauditor.service.cases.CaseService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code release-auditor verify CASE|DIR [--data-dir DIR] [--head HASH]... [--require-decision]}:
 * recompute the hash chain, row digests and decision seals, re-hash the data files, check
 * receipts; print OK or BROKEN per item and whether the case ends in a decision; exit 0 only if
 * everything holds (3 when something is BROKEN, 1 with {@code --require-decision} on an
 * unfinished case). Given an export folder, verifies it against its SHA256SUMS and manifest.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify a case (or an export folder): hash chain, rows, seals, data files, receipts. "
                + "Exit 0 only if everything holds.")
public class VerifyCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE|DIR", description = "The case file (opened read-only), or a folder "
            + "written by 'case export'.")
    Path caseFile;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Look for the data files in DIR (by file name) instead of their recorded paths.")
    Path dataDir;

    @Option(names = "--head", paramLabel = "HASH",
            description = "A head hash from a receipt or report: the case must still contain it (repeatable).")
    List<String> heads = List.of();

    @Option(names = "--require-decision",
            description = "Exit 1 unless the case ends in a decision in force (reviewed where required).")
    boolean requireDecision;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        VerificationReport r;
        if (Files.isDirectory(caseFile)) {
            r = new CaseExport().verify(caseFile, ProgressMonitor.none());
            if (!heads.isEmpty()) {
                List<VerificationItem> items = new ArrayList<>(r.items());
                Path copy = caseFile.resolve(manifestCase(caseFile));
                try (CaseService cs = CaseService.open(copy, true, LaneRegistry.global())) {
                    for (String h : heads) {
                        items.add(cs.verifyHead(h));
                    }
                }
                r = new VerificationReport(items, r.headHash(), r.events(), r.status());
            }
        } else {
            try (CaseService cs = CaseService.open(caseFile, true, LaneRegistry.global())) {
                VerificationReport base = cs.verify(dataDir, ProgressMonitor.none());
                List<VerificationItem> items = new ArrayList<>(base.items());
                for (String h : heads) {
                    items.add(cs.verifyHead(h));
                }
                r = new VerificationReport(items, base.headHash(), base.events(), base.status());
            }
        }
        for (VerificationItem i : r.items()) {
            out.println((i.ok() ? "OK      " : "BROKEN  ") + i.subject() + ": " + i.detail());
        }
        if (r.status() != null) {
            out.println(Messages.get("casecli.show.status", CaseCli.status(r.status())));
        }
        out.println(Messages.get(r.allOk() ? "casecli.verify.ok" : "casecli.verify.broken", r.events(),
                r.headHash()));
        if (!r.allOk()) {
            return ExitCodes.INPUT;
        }
        if (requireDecision && (r.status() == null || !r.status().closed())) {
            return ExitCodes.POLICY_FAILED;
        }
        return ExitCodes.OK;
    }

    private static String manifestCase(Path dir) throws java.io.IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve(CaseExport.MANIFEST).toFile())
                .path("case").asText();
    }
}

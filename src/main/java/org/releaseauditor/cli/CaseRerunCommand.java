package org.releaseauditor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.cases.CaseService;
import org.releaseauditor.service.cases.RerunReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code case rerun CASE (--run N... | --all) [--data-dir DIR] [--format text|json]}: re-runs
 * recorded runs from their stored requests and the files they read, and says whether the results
 * are identical. Exit 0 when every run is identical, 5 when a result differs, 3 when a run could
 * not be re-run (a file changed or is missing, or the run predates stored requests).
 */
@Command(name = "rerun", mixinStandardHelpOptions = true,
        description = {"Re-run recorded runs from their stored request and input files (re-hashed first) and "
                + "compare the results with the recorded ones. The case is not changed."},
        footer = {"", "Exit codes: 0 identical, 5 a result differs, 3 an input changed or is missing, or a run",
            "cannot be re-run; 2 usage error.", "Not compared: inputs.*.path and source.path (the SHA-256 is compared) and timing or",
            "timestamp fields (elapsedMs, durationMs, timings, generatedAt, computedAt, timestamp)."})
public final class CaseRerunCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE", description = "The case file.")
    Path caseFile;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    /** --run N... or --all. */
    static final class Which {
        @Option(names = "--run", paramLabel = "N", split = ",", description = "The run(s) to re-run (ids from 'case show').")
        List<Long> runs;

        @Option(names = "--all", description = "Re-run every run of the case.")
        boolean all;
    }

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Look for every input as DIR/<file name> (when the files moved).")
    Path dataDir;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        List<RerunReport> reports;
        try (CaseService cs = CaseService.open(caseFile, true, LaneRegistry.global());
                ConsoleProgress progress = ConsoleProgress.start(spec.commandLine().getErr(), output.quiet)) {
            if (dataDir != null && !java.nio.file.Files.isDirectory(dataDir)) {
                throw new ConfigurationException("casecli.error.noDataDir", dataDir.toString());
            }
            reports = cs.rerun(which.all ? List.of() : which.runs, dataDir, progress);
        }
        output.emit(spec, output.json() ? json(reports) : text(reports));
        boolean differs = reports.stream().anyMatch(r -> r.status() == RerunReport.Status.DIFFERENT);
        boolean failed = reports.stream().anyMatch(r -> r.status() == RerunReport.Status.INPUT_CHANGED
                || r.status() == RerunReport.Status.NOT_RERUNNABLE);
        return differs ? ExitCodes.RERUN_DIFFERS : failed ? ExitCodes.INPUT : ExitCodes.OK;
    }

    static String text(List<RerunReport> reports) {
        java.io.StringWriter sw = new java.io.StringWriter();
        PrintWriter out = new PrintWriter(sw);
        for (RerunReport r : reports) {
            out.println(Messages.get("rerun.line." + r.status().name(), r.runId(), r.lane(), r.totalDifferences()));
            if (!r.detail().isEmpty()) {
                out.println("  " + r.detail());
            }
            for (RerunReport.Difference d : r.differences()) {
                out.println("  " + d.path() + ": " + d.recorded() + " -> " + d.rerun());
            }
            if (r.totalDifferences() > r.differences().size()) {
                out.println("  " + Messages.get("rerun.more", r.totalDifferences() - r.differences().size()));
            }
        }
        out.println(Messages.get("rerun.ignored", String.join(", ", RerunReport.IGNORED)));
        out.flush();
        return sw.toString();
    }

    static String json(List<RerunReport> reports) throws java.io.IOException {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("schemaVersion", 1);
        ArrayNode runs = root.putArray("runs");
        for (RerunReport r : reports) {
            ObjectNode o = runs.addObject();
            o.put("run", r.runId());
            o.put("lane", r.lane());
            o.put("status", r.status().name());
            o.put("detail", r.detail());
            o.put("totalDifferences", r.totalDifferences());
            ArrayNode ds = o.putArray("differences");
            for (RerunReport.Difference d : r.differences()) {
                ds.addObject().put("path", d.path()).put("recorded", d.recorded()).put("rerun", d.rerun());
            }
        }
        ArrayNode ignored = root.putArray("ignored");
        new ArrayList<>(RerunReport.IGNORED).forEach(ignored::add);
        return m.writeValueAsString(root) + System.lineSeparator();
    }
}

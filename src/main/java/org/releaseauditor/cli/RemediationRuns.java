package org.releaseauditor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.cases.CaseService;
import org.releaseauditor.service.cases.RemediationRecorder;
import org.releaseauditor.service.remediation.RemediationCall;
import org.releaseauditor.service.remediation.RemediationOutcome;
import org.releaseauditor.service.remediation.RemediationRequest;
import picocli.CommandLine.Model.CommandSpec;

/** What every {@code remediate <lane>} command does: run, print, record, exit code. */
final class RemediationRuns {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The lane's remediation service. */
    @FunctionalInterface
    interface Runner<R extends RemediationRequest> {
        RemediationOutcome run(RemediationCall<R> call, ProgressMonitor monitor) throws AuditException;
    }

    private RemediationRuns() {
    }

    /**
     * Runs a remediation: the case (with {@code --case}) is opened first, so that a case held by
     * another program fails before any work; progress goes to stderr. Exit code 0 when a passing
     * change was found and the re-audit of its copy passes, 1 otherwise.
     */
    static <R extends RemediationRequest> int run(CommandSpec spec, OutputOptions output, RemediationCaseOptions record,
            boolean printRequest, RemediationCall<R> call, Runner<R> runner) throws AuditException {
        try {
            if (printRequest) {
                return output.emit(spec, call.request().toJson() + System.lineSeparator());
            }
            CaseService cs = null;
            if (record != null && record.caseFile != null) {
                cs = CaseCli.openForWriting(record.caseFile, spec, record.busyWait);
                cs.setActor(record.actor);
            }
            try (ConsoleProgress progress = ConsoleProgress.start(spec.commandLine().getErr(), output.quiet)) {
                RemediationOutcome o = runner.run(call, progress);
                String out = output.json() ? o.json() : o.text();
                if (cs != null) {
                    RemediationRecorder.Recorded rec = new RemediationRecorder().record(cs, o, progress);
                    out = output.json() ? withCase(o.json(), record, rec) : out + recordedText(record, rec);
                }
                output.emit(spec, out);
                return o.passed() ? ExitCodes.OK : ExitCodes.POLICY_FAILED;
            } finally {
                if (cs != null) {
                    cs.close();
                }
            }
        } catch (IOException e) {
            throw new AuditException(e, "aggregate.error.write", String.valueOf(output.out),
                    String.valueOf(e.getMessage()));
        }
    }

    private static String recordedText(RemediationCaseOptions record, RemediationRecorder.Recorded rec) {
        StringBuilder sb = new StringBuilder();
        String file = record.caseFile.toString();
        if (rec.afterRun() == null) {
            sb.append(Messages.get("remediation.cli.recordedNone", file, rec.beforeRun().id()));
        } else {
            var copy = rec.copyDatasets().values().iterator().next();
            long original = rec.beforeRun().datasetIds().isEmpty() ? -1 : rec.beforeRun().datasetIds().get(0);
            sb.append(Messages.get("remediation.cli.recorded", file, rec.beforeRun().id(), copy.id(), original,
                    rec.afterRun().id())).append(System.lineSeparator());
            sb.append(Messages.get("remediation.cli.decideHint", file, rec.beforeRun().id(), rec.afterRun().id()));
        }
        return sb.append(System.lineSeparator()).toString();
    }

    private static String withCase(String json, RemediationCaseOptions record, RemediationRecorder.Recorded rec)
            throws IOException {
        JsonNode n = JSON.readTree(json);
        ObjectNode c = ((ObjectNode) n).putObject("case");
        c.put("file", record.caseFile.toAbsolutePath().normalize().toString());
        c.put("beforeRun", rec.beforeRun().id());
        if (rec.afterRun() == null) {
            c.putNull("afterRun");
        } else {
            c.put("afterRun", rec.afterRun().id());
        }
        ObjectNode copies = c.putObject("copyDatasets");
        rec.copyDatasets().forEach((role, d) -> copies.put(role, d.id()));
        c.put("conditionText", rec.conditionText());
        return JSON.writeValueAsString(n) + "\n";
    }

    /** Writes a line to stderr unless quiet. */
    static void note(CommandSpec spec, OutputOptions output, String line) {
        if (!output.quiet) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(line);
            err.flush();
        }
    }
}

package org.releaseauditor.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.Lane;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneRequest;
import org.releaseauditor.service.LaneResult;
import picocli.CommandLine.Model.CommandSpec;

/** What every {@code analyze <lane>} command does with its lane: run it and print the result. */
final class LaneRuns {

    /** Something to do with a result before it is printed (for example the per-user export). */
    @FunctionalInterface
    interface After<R extends LaneRequest, O> {
        void accept(LaneResult<R, O> result, ProgressMonitor monitor) throws AuditException;
    }

    private LaneRuns() {
    }

    /** The inputs of an {@code analyze} call: every location is a file path. */
    static LaneInputs files(Map<String, String> locations) {
        LaneInputs.Builder b = LaneInputs.builder();
        locations.forEach((role, location) -> b.put(role, Path.of(location)));
        return b.build();
    }

    /**
     * Runs the lane (the request is checked against the inputs before any progress is shown),
     * prints the result as text or JSON and applies the policy; returns the exit code.
     */
    static <R extends LaneRequest, O> int analyze(CommandSpec spec, OutputOptions output, PolicyOption policy,
            boolean printRequest, Lane<R, O> lane, LaneCall<R> call, After<R, O> after) throws AuditException {
        try {
            if (printRequest) {
                return output.emit(spec, call.request().toJson() + System.lineSeparator());
            }
            try (ConsoleProgress progress = ConsoleProgress.start(spec.commandLine().getErr(), output.quiet)) {
                LaneResult<R, O> result = lane.analyze(call.request(), files(call.inputs()), progress);
                if (after != null) {
                    after.accept(result, progress);
                }
                String json = result.json();
                return policy.emit(spec, output, output.json() ? json : lane.text(result), json);
            }
        } catch (IOException e) {
            throw new AuditException(e, "aggregate.error.write", String.valueOf(output.out),
                    String.valueOf(e.getMessage()));
        }
    }
}

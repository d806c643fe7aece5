package org.releaseauditor.core.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.releaseauditor.core.policy.FindingStatus;

/**
 * The verdict on a release of a case: the runs it rests on (those of the decision in force, or
 * every run while nothing is decided), each output's result and the overall result.
 *
 * @param runs      the release's runs with their verdicts
 * @param outputs   the release's outputs, in dataset order
 * @param otherRuns runs of the case outside the release (e.g. of a superseded decision)
 * @param locale    the language of labels and sentences
 */
public record ReleaseVerdict(List<RunVerdict> runs, List<OutputVerdict> outputs, List<Long> otherRuns,
        Locale locale) {

    public ReleaseVerdict {
        runs = List.copyOf(runs);
        outputs = List.copyOf(outputs);
        otherRuns = List.copyOf(otherRuns);
    }

    /**
     * PASS, PASS_WITH_WARNINGS or FAIL over every run; NOT_EVALUATED when a run of the release had
     * no policy evaluated (unless another one FAILs).
     */
    public ReleaseResult result() {
        return ReleaseResult.worstOf(runs.stream().map(RunVerdict::result).toList());
    }

    /** Every WARN and FAIL finding of the release, FAIL first, then by run. */
    public List<VerdictFinding> problems() {
        List<VerdictFinding> out = new ArrayList<>();
        runs.forEach(r -> out.addAll(r.problems()));
        out.sort((a, b) -> Integer.compare(b.status().ordinal(), a.status().ordinal()));
        return out;
    }

    /** The FAIL findings. */
    public List<VerdictFinding> failures() {
        return problems().stream().filter(f -> f.status() == FindingStatus.FAIL).toList();
    }

    /** The verdict of one run, if it belongs to the release. */
    public Optional<RunVerdict> run(long runId) {
        return runs.stream().filter(r -> r.runId() == runId).findFirst();
    }

    /** The verdict on one output, if it belongs to the release. */
    public Optional<OutputVerdict> output(long datasetId) {
        return outputs.stream().filter(o -> o.datasetId() == datasetId).findFirst();
    }
}

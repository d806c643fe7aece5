package org.releaseauditor.core.verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * The verdicts of one run of a case: one per policy evaluated on it (the latest evaluation of
 * each policy counts), with every finding attributed to the run and its outputs.
 *
 * @param runId    the run
 * @param lane     its lane
 * @param outputs  the outputs (dataset ids) it analysed
 * @param verdicts one verdict per policy, in the order the policies were first evaluated
 * @param notes    remarks on how the verdict was obtained (e.g. a policy copy that could not be
 *                 read, so the stored findings are shown as recorded), may be empty
 */
public record RunVerdict(long runId, String lane, List<Long> outputs, List<Verdict> verdicts, List<String> notes) {

    public RunVerdict {
        outputs = List.copyOf(outputs);
        verdicts = List.copyOf(verdicts);
        notes = List.copyOf(notes);
    }

    /** The worst result of its verdicts; NOT_EVALUATED when no policy was evaluated on the run. */
    public ReleaseResult result() {
        return ReleaseResult.worstOf(verdicts.stream().filter(Verdict::evaluated).map(Verdict::result).toList());
    }

    /** Every finding of every policy on the run. */
    public List<VerdictFinding> findings() {
        List<VerdictFinding> out = new ArrayList<>();
        verdicts.forEach(v -> out.addAll(v.findings()));
        return out;
    }

    /** The WARN and FAIL findings, FAIL first. */
    public List<VerdictFinding> problems() {
        List<VerdictFinding> out = new ArrayList<>();
        verdicts.forEach(v -> out.addAll(v.problems()));
        out.sort((a, b) -> Integer.compare(b.status().ordinal(), a.status().ordinal()));
        return out;
    }

    /** The state of a metric of this run's result: the worst over its policies. */
    public VerdictStatus statusOf(String path) {
        VerdictStatus s = VerdictStatus.NOT_JUDGED;
        for (Verdict v : verdicts) {
            s = s.worst(v.statusOf(path));
        }
        return s;
    }
}

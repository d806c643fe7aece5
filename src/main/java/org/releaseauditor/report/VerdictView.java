package org.releaseauditor.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.releaseauditor.core.casefile.DecisionEntry;
import org.releaseauditor.core.casefile.DecisionRecord;
import org.releaseauditor.core.casefile.OutputDecision;
import org.releaseauditor.core.casefile.Review;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.verdict.ReleaseVerdict;
import org.releaseauditor.core.verdict.RunVerdict;
import org.releaseauditor.core.verdict.Verdict;

/**
 * What the verdict page of a report shows: the verdict on the release (computed by the verdict
 * service from the stored results and policies) and the decision in force with everything
 * recorded about it.
 *
 * @param release  the release's verdict
 * @param decision the decision in force, or null when nothing is decided
 * @param allRuns  the verdict of every run of the case (also those outside the release), for the
 *                 states of the numbers in the appendix
 */
public record VerdictView(ReleaseVerdict release, DecisionView decision, List<RunVerdict> allRuns) {

    public VerdictView {
        allRuns = List.copyOf(allRuns);
    }

    /** The verdict of any run of the case. */
    public Optional<RunVerdict> run(long runId) {
        return allRuns.stream().filter(r -> r.runId() == runId).findFirst();
    }

    /**
     * The decision in force with its GDPR record, per-output decisions and reviews.
     *
     * @param decision       the decision
     * @param record         its record (purpose, legal basis, override …), absent for old cases
     * @param outputs        the per-output decisions
     * @param reviews        the second reviewers' sign-offs
     * @param reviewRequired whether the policy requires a second reviewer
     */
    public record DecisionView(DecisionEntry decision, Optional<DecisionRecord> record, List<OutputDecision> outputs,
            List<Review> reviews, boolean reviewRequired) {
        public DecisionView {
            outputs = List.copyOf(outputs);
            reviews = List.copyOf(reviews);
        }

        /** The decision on one output, if recorded. */
        public Optional<OutputDecision> output(long datasetId) {
            return outputs.stream().filter(o -> o.datasetId() == datasetId).findFirst();
        }
    }

    /** The policies the release was judged by (each id and version once, in order). */
    public List<PolicyProfile> policies() {
        Map<String, PolicyProfile> out = new LinkedHashMap<>();
        release.runs().forEach(r -> r.verdicts().stream().filter(Verdict::evaluated)
                .forEach(v -> out.putIfAbsent(v.policy().id() + "\u0000" + v.policy().version(), v.policy())));
        return new ArrayList<>(out.values());
    }
}

package org.releaseauditor.service.cases;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.releaseauditor.core.casefile.DecisionEntry;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.casefile.DecisionRecord;
import org.releaseauditor.core.casefile.OutputDecision;
import org.releaseauditor.core.casefile.Receipt;
import org.releaseauditor.core.casefile.Review;

/** Result records of the case service's decision, review and export use cases. */
public final class CaseRecords {

    private CaseRecords() {
    }

    /**
     * A recorded finding that FAILs and would need an override to approve over it.
     *
     * @param runId     the run
     * @param findingId the finding row
     * @param policyId  the policy that produced it
     * @param metric    metric path
     * @param operator  operator symbol
     * @param threshold threshold
     * @param measured  measured value (null: not measured)
     * @param explanation one sentence
     * @param datasetIds the outputs the run analysed
     */
    public record FailedFinding(long runId, long findingId, String policyId, String metric, String operator,
            double threshold, Double measured, String explanation, List<Long> datasetIds) {
        public FailedFinding {
            datasetIds = List.copyOf(datasetIds);
        }

        /** "run 1: k >= 5 (measured 2)". */
        public String describe() {
            String m = measured == null ? "not measured" : "measured " + fmt(measured);
            return "run " + runId + ": " + metric + " " + operator + " " + fmt(threshold) + " (" + m + ")";
        }

        private static String fmt(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }

    /**
     * A decision with everything recorded about it.
     *
     * @param decision       the decision row
     * @param record         GDPR record, override and seal (empty for schema-1 decisions)
     * @param outputs        per-output decisions (empty for schema-1 decisions)
     * @param reviews        the second reviewers' sign-offs
     * @param reviewRequired whether its policy requires a second reviewer
     */
    public record DecisionDetails(DecisionEntry decision, Optional<DecisionRecord> record,
            List<OutputDecision> outputs, List<Review> reviews, boolean reviewRequired) {
        public DecisionDetails {
            outputs = List.copyOf(outputs);
            reviews = List.copyOf(reviews);
        }

        /** A required review is missing: the decision is shown as "awaiting review". */
        public boolean awaitingReview() {
            return reviewRequired && reviews.isEmpty();
        }

        /** The ids of the approved outputs (for a schema-1 decision: all its datasets unless rejected). */
        public List<Long> approvedOutputs() {
            if (!outputs.isEmpty() || record.isPresent()) {
                return outputs.stream().filter(OutputDecision::approved).map(OutputDecision::datasetId).toList();
            }
            return decision.outcome() == DecisionOutcome.REJECT ? List.of() : DecisionRules.datasetIds(decision);
        }
    }

    /** A recorded decision and the receipt of its event. */
    public record Decided(DecisionDetails details, Receipt receipt) {
    }

    /** A recorded review and the receipt of its event. */
    public record Reviewed(Review review, Receipt receipt) {
    }

    /**
     * What {@code case export} wrote.
     *
     * @param dir      the export folder
     * @param files    every file written, relative to {@code dir}, SHA256SUMS last
     * @param outputs  the exported outputs, relative to {@code dir}
     * @param headHash the head hash of the exported case copy (also in manifest.json and the report)
     * @param decisionId the decision in force
     */
    public record ExportResult(Path dir, List<String> files, List<String> outputs, String headHash, long decisionId) {
        public ExportResult {
            files = List.copyOf(files);
            outputs = List.copyOf(outputs);
        }
    }
}

package org.releaseauditor.service.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.releaseauditor.core.casefile.AuditEvent;
import org.releaseauditor.core.casefile.CaseStatus;
import org.releaseauditor.core.casefile.DecisionEntry;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.casefile.FindingEntry;
import org.releaseauditor.core.casefile.Review;

/**
 * The rules of a decision, in one place: which findings count, how per-output decisions give
 * the release outcome, and whether a case is finished.
 */
public final class DecisionRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DecisionRules() {
    }

    /**
     * The release outcome derived from per-output decisions: no output approved → REJECT; every
     * output approved and no conditions → APPROVE; otherwise (some outputs rejected, or
     * conditions given) → APPROVE_WITH_CONDITIONS, the condition being that only the approved
     * outputs leave.
     */
    public static DecisionOutcome derive(Collection<Boolean> approvals, boolean hasConditions) {
        long approved = approvals.stream().filter(Boolean::booleanValue).count();
        if (approved == 0) {
            return DecisionOutcome.REJECT;
        }
        if (approved == approvals.size() && !hasConditions) {
            return DecisionOutcome.APPROVE;
        }
        return DecisionOutcome.APPROVE_WITH_CONDITIONS;
    }

    /**
     * The failed findings an approval overrides: those of runs that analysed an approved output,
     * unless the outcome rejects. Approving while this list is not empty needs an override
     * justification (the CLI, the service and the GUI's form all ask this one rule).
     *
     * @param failed      the recorded FAIL findings of the runs decided on ({@link CaseService#failingFindings})
     * @param outcome     the release outcome (given, or derived from the per-output decisions)
     * @param approvedIds the approved outputs (dataset ids)
     */
    public static List<CaseRecords.FailedFinding> overridden(List<CaseRecords.FailedFinding> failed,
            DecisionOutcome outcome, Collection<Long> approvedIds) {
        if (outcome == null || outcome == DecisionOutcome.REJECT) {
            return List.of();
        }
        return failed.stream().filter(f -> f.datasetIds().stream().anyMatch(approvedIds::contains)).toList();
    }

    /**
     * The findings that count for a run: of each policy evaluated on it, those of its latest
     * evaluation (all findings of one evaluation share one timestamp).
     */
    public static List<FindingEntry> latestPerPolicy(List<FindingEntry> findings) {
        Map<String, Instant> latest = new LinkedHashMap<>();
        for (FindingEntry f : findings) {
            latest.merge(f.policyId(), f.at(), (a, b) -> a.isAfter(b) ? a : b);
        }
        List<FindingEntry> out = new ArrayList<>();
        for (FindingEntry f : findings) {
            if (f.at().equals(latest.get(f.policyId()))) {
                out.add(f);
            }
        }
        return out;
    }

    /** The dataset ids of a decision, from its JSON map id → SHA-256. */
    public static List<Long> datasetIds(DecisionEntry d) {
        List<Long> ids = new ArrayList<>();
        try {
            JsonNode n = JSON.readTree(d.datasetSha256s());
            if (n != null) {
                n.fieldNames().forEachRemaining(k -> {
                    if (k.matches("\\d{1,18}")) {
                        ids.add(Long.parseLong(k));
                    }
                });
            }
        } catch (IOException e) {
            // a damaged map: verify reports it; no outputs here
        }
        return ids;
    }

    /**
     * Whether a case ends in its decision in force: events after that decision (other than
     * reviews) reopen it; a required but missing review leaves it awaiting review.
     */
    public static CaseStatus status(List<AuditEvent> events, List<DecisionEntry> decisions, List<Review> reviews,
            boolean reviewRequired) {
        if (decisions.isEmpty()) {
            return new CaseStatus(CaseStatus.State.OPEN, null, null, 0, 0);
        }
        DecisionEntry current = decisions.get(decisions.size() - 1);
        int at = -1;
        for (int i = 0; i < events.size(); i++) {
            AuditEvent e = events.get(i);
            if ("DECISION_RECORDED".equals(e.action()) && current.chainHead().equals(e.prevHash())) {
                at = i;
            }
        }
        int after = 0;
        for (int i = at + 1; i < events.size(); i++) {
            if (!"REVIEW_RECORDED".equals(events.get(i).action())) {
                after++;
            }
        }
        int signed = (int) reviews.stream().filter(r -> r.decisionId() == current.id()).count();
        CaseStatus.State state;
        if (at < 0 || after > 0) {
            state = CaseStatus.State.REOPENED;
        } else if (reviewRequired && signed == 0) {
            state = CaseStatus.State.AWAITING_REVIEW;
        } else {
            state = CaseStatus.State.DECIDED;
        }
        return new CaseStatus(state, current.id(), current.outcome(), after, signed);
    }
}

package org.releaseauditor.ui.remediation;

import org.releaseauditor.ui.charts.SummaryCard;

/**
 * One metric before and after: the value of the release as submitted and of the re-audited copy,
 * each with the status the policy gives it (PASS/WARN/FAIL, or NEUTRAL when no rule reads it).
 */
public record CompareCard(String id, String title, String before, String after, SummaryCard.Status beforeStatus,
        SummaryCard.Status afterStatus, String explanation) {
}

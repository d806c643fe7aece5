package org.releaseauditor.ui.aggregate;

import org.releaseauditor.ui.charts.SummaryCard;

/** What one summary card of the aggregates dashboard shows. */
public record AggCard(String id, String title, String value, String sub, SummaryCard.Status status,
        String explanation) {
}

package org.releaseauditor.ui.risk;

import org.releaseauditor.ui.charts.SummaryCard;

/** What one summary card shows: computed by the view model, rendered by the controller. */
public record CardData(String id, String title, String value, String sub, SummaryCard.Status status,
        String explanation) {
}

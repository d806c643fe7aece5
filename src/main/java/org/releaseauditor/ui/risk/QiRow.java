package org.releaseauditor.ui.risk;

import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.core.risk.QiContribution;

/** One QI subset's distinction and separation, for the sortable table. */
public record QiRow(String qis, int size, double distinction, double separation) {

    static List<QiRow> of(MicrodataAnalysis a) {
        List<QiRow> rows = new ArrayList<>();
        for (QiContribution q : a.qiContribution()) {
            rows.add(new QiRow(String.join(" + ", q.qis()), q.qis().size(), q.distinction(), q.separation()));
        }
        return rows;
    }
}

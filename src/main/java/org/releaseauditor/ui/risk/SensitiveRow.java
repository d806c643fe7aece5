package org.releaseauditor.ui.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.releaseauditor.core.risk.MicrodataResult;

/** One sensitive attribute's l-diversity and t-closeness, formatted for the table. */
public record SensitiveRow(String attribute, String distinctL, String entropyL, String recursiveL, String t,
        String worstClass) {

    static List<SensitiveRow> of(MicrodataResult r) {
        List<SensitiveRow> rows = new ArrayList<>();
        for (MicrodataResult.LDiversityResult l : r.lDiversity()) {
            MicrodataResult.TClosenessResult tc = r.tCloseness().stream()
                    .filter(x -> x.attribute().equals(l.attribute())).findFirst().orElse(null);
            rows.add(new SensitiveRow(l.attribute(), Integer.toString(l.distinct()),
                    org.releaseauditor.ui.fx.Numbers.fixed(l.entropy(), 3),
                    "(" + trim(l.recursiveC()) + "; " + l.recursiveL() + ")",
                    tc == null ? "\u2013" : org.releaseauditor.ui.fx.Numbers.fixed(tc.t(), 4) + " (" + tc.distance() + ")",
                    l.worstClass() == null ? "" : Long.toString(l.worstClass().size())));
        }
        return rows;
    }

    private static String trim(double d) {
        return org.releaseauditor.ui.fx.Numbers.plain(d);
    }
}

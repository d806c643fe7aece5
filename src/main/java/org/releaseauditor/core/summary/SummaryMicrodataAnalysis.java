package org.releaseauditor.core.summary;

import java.util.List;
import org.releaseauditor.core.risk.MicrodataAnalysis;

/**
 * A microdata audit made from a summary.
 *
 * @param analysis    the measures, in the raw-data path's types (so the same JSON writer, policy
 *                    checks and charts apply); {@code suda} is null, {@code riskiestClasses} is
 *                    empty, worst classes have {@code representativeRow} −1 (no records) and
 *                    individual risk has no household part
 * @param unavailable the measures the summary cannot give, with the reason
 * @param input       the input the summary was made from (name and fingerprint)
 * @param producer    "in-process" or "spark"
 */
public record SummaryMicrodataAnalysis(MicrodataAnalysis analysis, List<Unavailable> unavailable, SummaryInput input,
        String producer) {
    public SummaryMicrodataAnalysis {
        unavailable = List.copyOf(unavailable);
    }
}

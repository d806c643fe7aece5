package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnBuilder;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Individual risk without a household column is computed from the classes (one risk per distinct
 * class size without weights and wildcards, one per class otherwise), never from an array of every
 * record's risk. It must equal, bit for bit, the per-record computation kept as
 * {@link IndividualRisk#computePerRecord}: the oracle sorts every record's risk and sums it in
 * ascending order, so any difference in the order of the sum, a quantile's position or a bin
 * boundary shows up here. Inputs: small and highly unique tables, missing and suppressed cells,
 * rows suppressed in every QI, weights, wildcards, both methods, survey on and off.
 */
class IndividualRiskClassLevelProperties {

    @Property(tries = 120)
    void classLevelEqualsPerRecord(@ForAll @IntRange(min = 0, max = 400) int rows,
            @ForAll @IntRange(min = 1, max = 40) int cardinality, @ForAll @IntRange(min = 0, max = 30) int missing,
            @ForAll boolean weighted, @ForAll boolean wildcards, @ForAll boolean exact, @ForAll boolean survey,
            @ForAll long seed) throws Exception {
        Dataset data = table(rows, cardinality, missing, seed);
        MicrodataConfig cfg = MicrodataConfig.defaults(List.of("a", "b"))
                .withWeights(weighted ? "w" : null, null)
                .withWildcards(wildcards)
                .withIndividualRiskMethod(exact ? IndividualRiskMethod.EXACT : IndividualRiskMethod.APPROX)
                .withSurvey(survey)
                .withQual(0.9);
        IndividualRiskResult expected = IndividualRisk.computePerRecord(data, cfg, ProgressMonitor.none());
        IndividualRiskResult actual = IndividualRisk.compute(data, cfg, ProgressMonitor.none());
        assertEquals(expected, actual);
        assertEquals(Double.doubleToLongBits(expected.expectedReidentifications()),
                Double.doubleToLongBits(actual.expectedReidentifications()));
        assertEquals(Double.doubleToLongBits(expected.riskDistribution().mean()),
                Double.doubleToLongBits(actual.riskDistribution().mean()));
    }

    private static Dataset table(int rows, int cardinality, int missingPercent, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ColumnBuilder a = new ColumnBuilder("a");
        ColumnBuilder b = new ColumnBuilder("b");
        ColumnBuilder w = new ColumnBuilder("w");
        for (int r = 0; r < rows; r++) {
            boolean allSuppressed = rnd.nextInt(100) < 3;
            for (ColumnBuilder c : List.of(a, b)) {
                int p = rnd.nextInt(100);
                if (allSuppressed || p < missingPercent / 3) {
                    c.addSuppressed();
                } else if (p < missingPercent) {
                    c.addMissing();
                } else {
                    double u = rnd.nextDouble();
                    c.add("v" + (int) (cardinality * u * u));
                }
            }
            w.add(String.valueOf(1 + rnd.nextInt(500) / 4.0));
        }
        List<Column> cols = new ArrayList<>();
        cols.add(a.build(ColumnType.CATEGORICAL));
        cols.add(b.build(ColumnType.CATEGORICAL));
        cols.add(w.build(ColumnType.DECIMAL));
        return new Dataset("t", cols);
    }
}

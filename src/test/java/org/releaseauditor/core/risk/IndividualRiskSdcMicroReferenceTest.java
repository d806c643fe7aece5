package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * sdcMicro parity of the frequencies f_k, F_k (with missing values as wildcards), the individual
 * risk (approx, exact, qual, survey and non-survey) and the global and household risk.
 *
 * <p>Expected values come from sdcMicro's own tests (sdcTools/sdcMicro 5.8.1,
 * tests/testthat/test_freqCalc.R, test_indivRisk.R, test_calcRisks.R), whose tables are rebuilt
 * here (NA written as an empty cell), and from sdcMicro 5.8.1 run under R 4.2.2 where noted
 * ("R:" comments). sdcMicro's tests print 7–9 decimals; we compare within half a unit of the
 * last printed decimal (5e-9 for 8 decimals), and to 1e-15 where R printed 17 digits.
 */
class IndividualRiskSdcMicroReferenceTest {

    /** Half a unit in the 8th decimal, the precision sdcMicro's tests print. */
    private static final double TOL = 5e-9;

    /** test_freqCalc.R / test_indivRisk.R: keys A, B, C (8 rows) and the weights. */
    private static Dataset table(String a, String b, String c) {
        String[] as = a.split(",", -1);
        String[] bs = b.split(",", -1);
        String[] cs = c.split(",", -1);
        String[] w = {"18.0", "45.5", "39.0", "17.0", "92.0", "8.0", "123.5", "51"};
        String[] rows = new String[as.length];
        for (int i = 0; i < as.length; i++) {
            rows[i] = as[i] + "," + bs[i] + "," + cs[i] + "," + w[i];
        }
        return TestTables.rows("A,B,C,weight", rows);
    }

    private static final Dataset COMPLETE = table("2,3,2,2,3,3,1,2", "3,3,3,3,3,3,4,3", "1,3,1,2,1,1,1,1");
    /** test_freqCalc.R "with missing values": C has NA in rows 3 and 7. */
    private static final Dataset MISSING_C = table("2,3,2,2,3,3,1,2", "3,3,3,3,3,3,4,3", "1,3,,2,1,1,,1");
    /** test_indivRisk.R "with missing": A has NA in row 8 as well. */
    private static final Dataset MISSING_AC = table("2,3,2,2,3,3,1,", "3,3,3,3,3,3,4,3", "1,3,,2,1,1,,1");

    private static MicrodataConfig cfg(boolean weighted) {
        MicrodataConfig c = MicrodataConfig.defaults(List.of("A", "B", "C")).withWildcards(true);
        return weighted ? c.withWeights("weight", null) : c;
    }

    private static double[] risks(Dataset d, MicrodataConfig cfg) throws Exception {
        PerRecordRisk p = PerRecordRisk.compute(d, cfg, false, 0, Suda2.DEFAULT_DIS_FRACTION, ProgressMonitor.none());
        double[] r = new double[p.rows()];
        for (int i = 0; i < r.length; i++) {
            r[i] = p.risk(i);
        }
        return r;
    }

    private static void assertRelative(double[] expected, double[] actual, double tol) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            double allowed = tol == TOL ? TOL : Math.abs(expected[i]) * tol;
            assertEquals(expected[i], actual[i], allowed, "record " + (i + 1));
        }
    }

    private static void assertFrequencies(Dataset d, boolean weighted, long[] fk, double[] bigFk) throws Exception {
        PerRecordRisk p = PerRecordRisk.compute(d, cfg(weighted), false, 0, 0.01, ProgressMonitor.none());
        for (int i = 0; i < fk.length; i++) {
            assertEquals(fk[i], p.sampleFrequency(i), "fk of record " + (i + 1));
            assertEquals(bigFk[i], p.populationFrequency(i), 1e-9, "Fk of record " + (i + 1));
        }
    }

    @Test
    void freqCalcWithoutMissingValues() throws Exception {
        // test_freqCalc.R "data frame, numeric values (weighted)"
        assertFrequencies(COMPLETE, true, new long[] {3, 1, 3, 1, 2, 2, 1, 3},
                new double[] {108.0, 45.5, 108.0, 17.0, 100.0, 100.0, 123.5, 108.0});
        assertFrequencies(COMPLETE, false, new long[] {3, 1, 3, 1, 2, 2, 1, 3},
                new double[] {3, 1, 3, 1, 2, 2, 1, 3});
    }

    @Test
    void freqCalcWithMissingValuesAsWildcards() throws Exception {
        // test_freqCalc.R "numeric values with missing values (weighted)" / "(non-weighted)"
        assertFrequencies(MISSING_C, true, new long[] {3, 1, 4, 2, 2, 2, 1, 3},
                new double[] {108.0, 45.5, 125.0, 56.0, 100.0, 100.0, 123.5, 108.0});
        assertFrequencies(MISSING_C, false, new long[] {3, 1, 4, 2, 2, 2, 1, 3},
                new double[] {3, 1, 4, 2, 2, 2, 1, 3});
    }

    @Test
    void freqCalcWithAnAllMissingRowAndAnAllMissingColumn() throws Exception {
        // test_freqCalc.R "with one column and one row with NAs": row 3 has every key missing
        Dataset d = table("2,3,,2,3,3,1,2", "3,3,,3,3,3,4,3", ",,,,,,,");
        assertFrequencies(d, true, new long[] {4, 4, 8, 4, 4, 4, 2, 4},
                new double[] {125.0, 184.5, 394.0, 125.0, 184.5, 184.5, 162.5, 125.0});
    }

    @Test
    void freqCalcWithOneKeyVariable() throws Exception {
        // test_freqCalc.R "numeric values with one column with NAs (weighted)"
        Dataset d = TestTables.rows("A,weight", "2,18.0", "3,45.5", ",39.0", "2,17.0", "1,92.0", ",8.0", "1,123.5",
                "2,51");
        PerRecordRisk p = PerRecordRisk.compute(d, MicrodataConfig.defaults(List.of("A")).withWildcards(true)
                .withWeights("weight", null), false, 0, 0.01, ProgressMonitor.none());
        long[] fk = {5, 3, 8, 5, 4, 8, 4, 5};
        double[] bigFk = {133.0, 92.5, 394.0, 133.0, 262.5, 394.0, 262.5, 133.0};
        for (int i = 0; i < 8; i++) {
            assertEquals(fk[i], p.sampleFrequency(i));
            assertEquals(bigFk[i], p.populationFrequency(i), 1e-9);
        }
    }

    @Test
    void indivRiskWithoutMissingValues() throws Exception {
        // test_indivRisk.R "without missing, weighted": approx / exact, qual 1 / 2, survey T / F
        assertRelative(new double[] {0.01369863, 0.08579129, 0.01369863, 0.17707583, 0.01877883, 0.01877883,
            0.03931625, 0.01369863}, risks(COMPLETE, cfg(true)), TOL);
        assertRelative(new double[] {0.02739726, 0.17158258, 0.02739726, 0.35415167, 0.03755767, 0.03755767,
            0.07863251, 0.02739726}, risks(COMPLETE, cfg(true).withQual(2)), TOL);
        assertRelative(new double[] {0.01355297, 0.08579129, 0.01355297, 0.17707583, 0.01877883, 0.01877883,
            0.03931625, 0.01355297}, risks(COMPLETE, cfg(true).withIndividualRiskMethod(IndividualRiskMethod.EXACT)),
                TOL);
        assertRelative(new double[] {0.02710594, 0.17158258, 0.02710594, 0.35415167, 0.03755767, 0.03755767,
            0.07863251, 0.02710594}, risks(COMPLETE, cfg(true).withIndividualRiskMethod(IndividualRiskMethod.EXACT)
                .withQual(2)), TOL);
        double[] population = {1 / 3.0, 1, 1 / 3.0, 1, 0.5, 0.5, 1, 1 / 3.0};
        assertRelative(population, risks(COMPLETE, cfg(true).withSurvey(false)), 1e-15);
        assertRelative(population, risks(COMPLETE, cfg(true).withSurvey(false).withQual(2)), 1e-15);
        // without weights: F = f, so r = 1/f, multiplied by qual in survey mode
        assertRelative(population, risks(COMPLETE, cfg(false).withSurvey(true)), 1e-15);
        assertRelative(new double[] {2 / 3.0, 2, 2 / 3.0, 2, 1, 1, 2, 2 / 3.0},
                risks(COMPLETE, cfg(false).withSurvey(true).withQual(2)), 1e-15);
    }

    @Test
    void indivRiskWithMissingValues() throws Exception {
        // test_indivRisk.R "with missing, weighted"
        assertRelative(new double[] {0.013698630, 0.085791288, 0.010554090, 0.032466112, 0.009836066, 0.009836066,
            0.039316254, 0.005973716}, risks(MISSING_AC, cfg(true)), TOL);
        assertRelative(new double[] {0.02739726, 0.17158258, 0.02110818, 0.06493222, 0.01967213, 0.01967213,
            0.07863251, 0.01194743}, risks(MISSING_AC, cfg(true).withQual(2)), TOL);
        assertRelative(new double[] {0.013552968, 0.085791288, 0.010504889, 0.032466112, 0.009756889, 0.009756889,
            0.039316254, 0.005962551}, risks(MISSING_AC, cfg(true).withIndividualRiskMethod(
                    IndividualRiskMethod.EXACT)), TOL);
        assertRelative(new double[] {0.02710594, 0.17158258, 0.02100978, 0.06493222, 0.01951378, 0.01951378,
            0.07863251, 0.01192510}, risks(MISSING_AC, cfg(true).withIndividualRiskMethod(IndividualRiskMethod.EXACT)
                .withQual(2)), TOL);
        assertRelative(new double[] {1 / 3.0, 1, 0.25, 0.5, 1 / 3.0, 1 / 3.0, 1, 0.2},
                risks(MISSING_AC, cfg(true).withSurvey(false)), 1e-15);
        assertRelative(new double[] {2 / 3.0, 2, 0.5, 1, 2 / 3.0, 2 / 3.0, 2, 0.4},
                risks(MISSING_AC, cfg(false).withSurvey(true).withQual(2)), 1e-15);
    }

    @Test
    void withoutWildcardsMissingIsAValueOfItsOwn() throws Exception {
        // the option must reach the individual risk: without it the NA rows are classes of their own
        double[] exact = risks(MISSING_AC, cfg(true).withWildcards(false));
        double[] wild = risks(MISSING_AC, cfg(true));
        assertFalse(java.util.Arrays.equals(exact, wild));
        assertEquals(wild[1], exact[1], 1e-15); // record 2 (3,3,3) has no wildcard partner either way
    }

    @Test
    void calcRisksGlobalRiskWithMissingValues() throws Exception {
        // test_calcRisks.R "sdc with missing": keys Var6..Var11 after set.seed(3) (printed with R):
        //   (NA,2,4,NA,5,1), (1,NA,5,2,NA,2), (NA,NA,NA,NA,NA,NA), (NA,4,3,2,2,2)
        // sdcMicro: risk (0.5, 0.5, 0.25, 0.5), fk = Fk = (2, 2, 4, 2), global risk 0.4375, ER 1.75
        Dataset d = TestTables.rows("v6,v7,v8,v9,v10,v11", ",2,4,,5,1", "1,,5,2,,2", ",,,,,", ",4,3,2,2,2");
        MicrodataConfig cfg = MicrodataConfig.defaults(List.of("v6", "v7", "v8", "v9", "v10", "v11"))
                .withWildcards(true);
        IndividualRiskResult r = IndividualRisk.compute(d, cfg, ProgressMonitor.none());
        assertEquals(0.4375, r.globalRisk(), 1e-15);
        assertEquals(1.75, r.expectedReidentifications(), 1e-15);
        assertFalse(r.survey());
        assertArrayEquals(new double[] {0.5, 0.5, 0.25, 0.5}, risks(d, cfg), 1e-15);
        // issue 12: without wildcards every record is unique and the global risk is 1
        assertEquals(1.0, IndividualRisk.compute(d, cfg.withWildcards(false), ProgressMonitor.none()).globalRisk());
    }

    @Test
    void calcRisksGlobalRiskWithoutMissingValues() throws Exception {
        // test_calcRisks.R "sdc without missing": keys Var4..Var6 after set.seed(3) (printed with R)
        // sdcMicro: risk (0.5,1,0.5,1,1,0.5,1,0.5,1,1), fk (2,1,2,1,1,2,1,2,1,1), global 0.8, ER 8
        Dataset d = TestTables.rows("v4,v5,v6", "2,2,1", "2,5,1", "2,2,3", "2,4,3", "2,3,3", "2,2,3", "4,1,2",
                "2,2,1", "3,3,1", "2,5,2");
        IndividualRiskResult r = IndividualRisk.compute(d, MicrodataConfig.defaults(List.of("v4", "v5", "v6")),
                ProgressMonitor.none());
        assertEquals(0.8, r.globalRisk(), 1e-15);
        assertEquals(8.0, r.expectedReidentifications(), 1e-12);
        assertArrayEquals(new double[] {0.5, 1, 0.5, 1, 1, 0.5, 1, 0.5, 1, 1},
                risks(d, MicrodataConfig.defaults(List.of("v4", "v5", "v6"))), 1e-15);
    }

    @ParameterizedTest(name = "f={0}, F={1}")
    @CsvSource({
        // R: sdcMicro::indivRisk(method = "exact") on a freqCalc-like list(fk = f, Fk = F)
        "3, 4.5, 0.24372086486531722",
        "3, 300, 0.0049532207805903011",
        "4, 40, 0.031884989316720916",
        "5, 15, 0.075998300687545192",
        "5, 5000, 0.00024991674975485259",
        "10, 100, 0.010976006258704492",
        "10, 1000, 0.001109726170791706",
        "20, 200, 0.0052342558420784783",
        "30, 300, 0.0034360507792743182",
    })
    void exactRiskMatchesSdcMicro(int f, double bigF, double expected) {
        assertEquals(expected, IndividualRisk.exactRisk(f, bigF), expected * 1e-12);
    }

    @ParameterizedTest(name = "f={0}, F={1}")
    @CsvSource({
        // p·∫₀¹ u^(f−1)/(p + (1−p)u) du to 17 digits with mpmath (50 digits). sdcMicro's alternating
        // closed form gives 0.06880866233433372 (rel. error 2e-10), 0.033924347837455494 (1e-3)
        // and -297.27 (!) for the last three
        "10, 15, 0.068808662319037934",
        "20, 30, 0.03387920584129674",
        "30, 45, 0.022466306010204384",
        "4, 6, 0.17922493693603656",
    })
    void exactRiskStaysAccurateWhereSdcMicrosClosedFormCancels(int f, double bigF, double expected) {
        assertEquals(expected, IndividualRisk.exactRisk(f, bigF), expected * 1e-13);
    }

    @Test
    void exactRiskIsBelowTheApproximationAndEqualForSmallClasses() {
        for (int f = 1; f <= 40; f++) {
            for (double m : new double[] {1.01, 1.5, 2, 3, 10, 1e3, 1e6}) {
                double exact = IndividualRisk.exactRisk(f, f * m);
                assertTrue(exact > 0 && exact <= 1.0 / f, f + " " + m);
                if (f <= 2) {
                    assertEquals(IndividualRisk.risk(f, f * m), exact);
                }
            }
        }
    }

    @Test
    void measureRiskWithWeightsMissingValuesAndHouseholds() throws Exception {
        // R: measure_risk(d, keyVars = c("A","B","C"), w = "weight", hid = "hid") on MISSING_AC with
        // households (1,1,2,2,3,3,4,4): global_risk 0.025934027623431142, ER 0.20747222098744914,
        // hier_risk 0.051405683823743303, hier_risk_ER 0.41124547058994643; Fk of rows 5,6 = 151
        Dataset d = withHouseholds(MISSING_AC);
        MicrodataConfig cfg = cfg(true).withWeights("weight", "hid");
        IndividualRiskResult r = IndividualRisk.compute(d, cfg, ProgressMonitor.none());
        assertEquals(0.025934027623431142, r.globalRisk(), 1e-15);
        assertEquals(0.20747222098744914, r.expectedReidentifications(), 1e-15);
        assertEquals(0.051405683823743303, r.household().globalRisk(), 1e-15);
        assertEquals(0.41124547058994643, r.household().recordExpectedReidentifications(), 1e-15);
        PerRecordRisk p = PerRecordRisk.compute(d, cfg, false, 0, 0.01, ProgressMonitor.none());
        double[] hier = {0.098314695234384297, 0.098314695234384297, 0.042677551236501743, 0.042677551236501743,
            0.019575382961569465, 0.019575382961569465, 0.045055105862517708, 0.045055105862517708};
        for (int i = 0; i < 8; i++) {
            assertEquals(hier[i], p.householdRisk(i), 1e-15, "record " + (i + 1));
        }
        assertEquals(151.0, p.populationFrequency(4), 1e-12);
        assertEquals(5, p.sampleFrequency(7));
    }

    @Test
    void measureRiskWithoutWeightsUsesOneOverFk() throws Exception {
        // R: measure_risk(d, keyVars = c("A","B","C"), hid = "hid"): risk = 1/fk (survey = FALSE),
        // global_risk 0.49375, hier_risk 0.79513888888888884, hier_risk_ER 6.3611111111111107
        Dataset d = withHouseholds(MISSING_AC);
        IndividualRiskResult r = IndividualRisk.compute(d, cfg(false).withWeights(null, "hid"),
                ProgressMonitor.none());
        assertEquals(0.49375, r.globalRisk(), 1e-15);
        assertEquals(3.95, r.expectedReidentifications(), 1e-14);
        assertEquals(0.79513888888888884, r.household().globalRisk(), 1e-15);
        assertEquals(6.3611111111111107, r.household().recordExpectedReidentifications(), 1e-14);
    }

    private static Dataset withHouseholds(Dataset d) {
        String[] rows = new String[d.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            StringBuilder sb = new StringBuilder();
            for (var c : d.columns()) {
                String v = c.valueAt(i);
                sb.append(v == null ? "" : v).append(',');
            }
            rows[i] = sb.append(i / 2 + 1).toString();
        }
        return TestTables.rows(String.join(",", d.columnNames()) + ",hid", rows);
    }
}

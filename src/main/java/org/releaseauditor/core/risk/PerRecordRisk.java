package org.releaseauditor.core.risk;

import java.util.List;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Per-record risk vectors for the auditor's own checks (sdcMicro {@code measure_risk(...)$Res}
 * plus SUDA): for every row of the dataset, its sample frequency f_k, its population estimate
 * F_k, its individual risk r_k, its household risk, and its SUDA and DIS-SUDA scores. The same
 * options as {@link IndividualRisk#compute(Dataset, MicrodataConfig, ProgressMonitor)} apply, so
 * the vectors add up to the reported totals (Σ r_k = expected re-identifications).
 *
 * <p>Rows whose quasi-identifiers are all suppressed belong to no class ({@link #classified}
 * false) and have no frequencies or risks. Holds numbers and row indices only, never values; a
 * writer (see {@code report.PerRecordCsvWriter}) joins the QI values, masked unless asked for.
 */
public final class PerRecordRisk {

    private final List<String> quasiIdentifiers;
    private final int rows;
    private final int[] classOf;
    private final long[] fkByClass;
    private final double[] populationFkByClass;
    private final double[] riskByClass;
    private final double[] householdRiskByRow;
    private final double[] sudaScore;
    private final double[] disScore;
    private final boolean survey;

    private PerRecordRisk(List<String> quasiIdentifiers, int rows, int[] classOf, long[] fkByClass,
            double[] populationFkByClass, double[] riskByClass, double[] householdRiskByRow, double[] sudaScore,
            double[] disScore, boolean survey) {
        this.quasiIdentifiers = List.copyOf(quasiIdentifiers);
        this.rows = rows;
        this.classOf = classOf;
        this.fkByClass = fkByClass;
        this.populationFkByClass = populationFkByClass;
        this.riskByClass = riskByClass;
        this.householdRiskByRow = householdRiskByRow;
        this.sudaScore = sudaScore;
        this.disScore = disScore;
        this.survey = survey;
    }

    /**
     * Computes the vectors.
     *
     * @param sudaMaxMsu  largest MSU size for SUDA (≤ 0: all key variables); ignored without SUDA
     * @param withSuda    whether to compute SUDA and DIS-SUDA scores (the costliest part)
     * @param disFraction DIS-SUDA sampling fraction, e.g. {@link Suda2#DEFAULT_DIS_FRACTION}
     */
    public static PerRecordRisk compute(Dataset data, MicrodataConfig cfg, boolean withSuda, int sudaMaxMsu,
            double disFraction, ProgressMonitor monitor) throws ConfigurationException, DatasetFormatException {
        IndividualRisk.Inputs in = IndividualRisk.Inputs.of(data, cfg, monitor.slice(0, withSuda ? 0.4 : 1.0));
        int rows = data.rowCount();
        double[] household = null;
        if (in.records.householdRisk != null) {
            household = new double[rows];
            java.util.Arrays.fill(household, Double.NaN);
            for (int k = 0; k < in.records.recordRow.length; k++) {
                household[in.records.recordRow[k]] = in.records.householdRisk[k];
            }
        }
        double[] suda = null;
        double[] dis = null;
        if (withSuda) {
            Suda2.Scores s = Suda2.scores(in.qis, sudaMaxMsu, disFraction, monitor.slice(0.4, 1.0));
            suda = s.score;
            dis = s.disScore;
        }
        int[] classOf = in.partition.classIds().clone();
        return new PerRecordRisk(cfg.quasiIdentifiers(), rows, classOf, in.frequencies.fk,
                in.frequencies.populationFk, in.records.classRisk, household, suda, dis, cfg.surveyData());
    }

    /** The quasi-identifiers, in configuration order. */
    public List<String> quasiIdentifiers() {
        return quasiIdentifiers;
    }

    /** Number of rows of the dataset. */
    public int rows() {
        return rows;
    }

    /** Whether the row belongs to an equivalence class (false if all its QIs are suppressed). */
    public boolean classified(int row) {
        return classOf[row] >= 0;
    }

    /** f_k: the number of records in the row's class (with wildcards: compatible records). */
    public long sampleFrequency(int row) {
        return fkByClass[classOf[row]];
    }

    /** F_k: the sum of the sampling weights over those records (f_k without weights). */
    public double populationFrequency(int row) {
        return populationFkByClass[classOf[row]];
    }

    /** r_k: the row's individual risk. */
    public double risk(int row) {
        return riskByClass[classOf[row]];
    }

    /** Whether household risks are available. */
    public boolean hasHouseholdRisk() {
        return householdRiskByRow != null;
    }

    /** The risk of the row's household, 1 − Π(1 − r_i); NaN for an unclassified row. */
    public double householdRisk(int row) {
        if (householdRiskByRow == null) {
            throw new IllegalStateException("no household column");
        }
        return householdRiskByRow[row];
    }

    /** Whether SUDA scores are available. */
    public boolean hasSuda() {
        return sudaScore != null;
    }

    /** The row's SUDA score (Σ (M − |MSU|)! over its minimal sample uniques). */
    public double sudaScore(int row) {
        if (sudaScore == null) {
            throw new IllegalStateException("SUDA was not computed");
        }
        return sudaScore[row];
    }

    /** The row's DIS-SUDA score. */
    public double disScore(int row) {
        if (disScore == null) {
            throw new IllegalStateException("SUDA was not computed");
        }
        return disScore[row];
    }

    /** Whether the risks treat the data as a weighted sample (false: the population, r = 1/f_k). */
    public boolean survey() {
        return survey;
    }
}

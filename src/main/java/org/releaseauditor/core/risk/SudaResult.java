package org.releaseauditor.core.risk;

import java.util.List;

/**
 * Special-uniques analysis (SUDA2, minimal sample uniques); see {@link Suda2} for the definitions.
 *
 * @param keyVariables           names of the key variables, in the configured order (M of them)
 * @param maxMsuSize             largest MSU size searched (≤ M); scores are exact only when it is M
 * @param disFraction            the sampling fraction π used for DIS-SUDA
 * @param records                number of records n
 * @param recordsWithMsu         records with at least one MSU (SUDA score &gt; 0)
 * @param totalMsus              number of MSUs over all records
 * @param msusBySize             element i = number of MSUs of size i+1 (length maxMsuSize)
 * @param sampleUniques          U: records unique on all M key variables
 * @param pairRecords            P: records in classes of exactly two on all M key variables
 * @param disProbability         estimated probability that a sample unique is a population
 *                               unique, Dis = U·π / (U·π + P·(1−π)); 0 when U = 0
 * @param score                  per-record SUDA score; histogram bins at 0 and at the MSU weights
 *                               1! (= 0!), 2!, …, (M−1)!; one bin from 0 to 1 when M = 1
 * @param disScore               per-record DIS-SUDA score in [0, 1]; bins as printed by sdcMicro:
 *                               0, 0.1, …, 0.7, 1
 * @param variableContributions  per key variable, in the configured order
 */
public record SudaResult(List<String> keyVariables, int maxMsuSize, double disFraction, long records,
        long recordsWithMsu, long totalMsus, List<Long> msusBySize, long sampleUniques, long pairRecords,
        double disProbability, ScoreSummary score, ScoreSummary disScore,
        List<VariableContribution> variableContributions) {

    public SudaResult {
        keyVariables = List.copyOf(keyVariables);
        msusBySize = List.copyOf(msusBySize);
        variableContributions = List.copyOf(variableContributions);
    }

    /**
     * How much one key variable contributes to the SUDA scores (sdcMicro
     * {@code attribute_contributions}, there in percent).
     *
     * @param variable     the key variable's name
     * @param msus         number of MSUs that contain the variable
     * @param contribution Σ over MSUs containing the variable of (M − size)!, divided by the sum of
     *                     all SUDA scores; in [0, 1], 0 when no record has an MSU. The values of all
     *                     variables add up to more than 1 when MSUs have several variables.
     */
    public record VariableContribution(String variable, long msus, double contribution) {
    }
}

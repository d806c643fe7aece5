package org.releaseauditor.core.evaluation;

import java.util.List;

/**
 * The result of one attack.
 *
 * @param type         which attack
 * @param attacks      number of attacks on the original (the denominator of the attack and baseline
 *                     rates)
 * @param attackRate   success against the original
 * @param baselineRate success of a random-guessing attacker against the original
 * @param controlRate  success against the control set, or null without one
 * @param residualRisk (attack − control) / (1 − control) with its interval, or null without control
 * @param setup        parameters and what the attack could do
 * @param reading      plain-language reading
 * @param notes        limits of this measurement
 */
public record AttackResult(AttackType type, int attacks, Rate attackRate, Rate baselineRate, Rate controlRate,
        ResidualRisk residualRisk, AttackSetup setup, Reading reading, List<EvaluationNote> notes) {
    public AttackResult {
        notes = List.copyOf(notes);
    }
}

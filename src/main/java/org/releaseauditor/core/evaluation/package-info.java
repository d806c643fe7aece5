/**
 * The evaluation lane: attack-based evaluation of a release derived from a source (synthetic or
 * perturbed data), following the method of Anonymeter (Giomi et al., PoPETs 2023). Three attacks
 * are run against the original with the release as the attacker's knowledge: singling out
 * (univariate and multivariate predicates), linkability (two auxiliary column sets joined through
 * nearest neighbours in the release) and inference (a secret attribute guessed from the nearest
 * release record). Each attack is compared with a random-guess baseline and, when a control set
 * of held-out original records is given, with the same attack against the control, which yields
 * the residual risk (attack − control) / (1 − control) with Wilson intervals.
 *
 * <p>Entry point: {@link ReleaseEvaluator#evaluate}. Inputs are aligned by
 * {@link EvaluationData#align}, which names missing and extra columns and type mismatches.
 *
 * <p>Pure Java: java.base and slf4j only. Must not import javafx, awt, java.sql, jackson, picocli
 * or any other org.releaseauditor layer except {@code core}. Defaults of the lane live in
 * {@code service}, not here.
 */
package org.releaseauditor.core.evaluation;

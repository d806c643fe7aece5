package org.releaseauditor.core.risk;

/**
 * How the individual risk of a record in a class with f sample and F̂ (weighted) population
 * records is computed; sdcMicro {@code indivRisk(method = ...)}. See {@link IndividualRisk}.
 */
public enum IndividualRiskMethod {
    /** Benedetti–Franconi with the approximation p/(f − (1−p)) for f ≥ 3 (sdcMicro's default). */
    APPROX,
    /** The exact expectation E[1/F | f] for every f (sdcMicro {@code method = "exact"}). */
    EXACT
}

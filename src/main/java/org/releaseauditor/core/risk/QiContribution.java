package org.releaseauditor.core.risk;

import java.util.List;

/**
 * How well one subset of the quasi-identifiers tells records apart (Motwani &amp; Xu, VLDB 2007;
 * ARX "quasi-identifier analysis"). Both values are in [0, 1]; 1 means the subset alone is a key.
 *
 * @param qis          names of the quasi-identifiers in the subset, in the configured QI order
 * @param distinction  J/n: equivalence classes per record (1 = every record unique on the subset)
 * @param separation   1 − Σ_j C(f_j,2)/C(n,2): the share of record pairs that differ on the subset
 */
public record QiContribution(List<String> qis, double distinction, double separation) {

    public QiContribution {
        qis = List.copyOf(qis);
    }
}

package org.releaseauditor.core.risk;

/**
 * Which equations the slide negative binomial (SNB) population model solves. The default
 * reproduces ARX 3.9.x; the corrected variant is a deliberate deviation documented in
 * {@code src/docs/metrics-microdata.md}.
 */
public enum SnbVariant {
    /**
     * ARX 3.9.x ({@code ModelSNB}) as it is: its second equation multiplies by
     * (1 − (1−π)(1−β))^(α+2), its Shlosser estimate subtracts 1 per histogram entry, and Newton's
     * method uses ARX's hand-derived Jacobian. The default, so that numbers match ARX.
     */
    ARX,
    /**
     * Chen's shifted negative binomial as published: the second equation divides by
     * (1 − (1−π)(1−β))^(α+2), the Shlosser estimate is Σ(1−q)^i((1+q)^i − 1)·c_i, and the Jacobian
     * is taken by central differences of these equations.
     */
    CORRECTED
}

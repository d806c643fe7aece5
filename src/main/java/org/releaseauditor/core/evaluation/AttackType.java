package org.releaseauditor.core.evaluation;

/** The four attacks, with the path of their result in the lane's JSON. */
public enum AttackType {
    /** Predicates on one attribute (rare values, extreme numeric bounds). */
    SINGLING_OUT_UNIVARIATE("singlingOut.univariate"),
    /** Conjunctions of conditions taken from release records. */
    SINGLING_OUT_MULTIVARIATE("singlingOut.multivariate"),
    /** Joining two auxiliary column sets through nearest neighbours in the release. */
    LINKABILITY("linkability"),
    /** Guessing a secret attribute from the nearest release record. */
    INFERENCE("inference");

    private final String path;

    AttackType(String path) {
        this.path = path;
    }

    /** The dotted path of the attack in the result JSON, e.g. {@code singlingOut.univariate}. */
    public String path() {
        return path;
    }

    /** The message key of the attack's display name. */
    public String labelKey() {
        return "evaluation.attack." + path;
    }
}

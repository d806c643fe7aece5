package org.releaseauditor.core.aggregate;

/**
 * Port for the linear programs of the suppression audit: optimise one variable of a
 * {@link LinearSystem} with {@code x ≥ 0}. Implemented outside core (ojAlgo in {@code io.lp}) and
 * injected by the service. {@link SuppressionAudit} decides which programs to solve.
 */
public interface IntervalSolver {

    /** Prepares the solver for many objectives over one system. */
    Session open(LinearSystem system);

    /** One system, solved for one objective at a time. Not thread-safe. */
    interface Session {
        /**
         * Minimises or maximises {@code x[target]}.
         *
         * @return the optimum with the whole solution vector; {@link Status#UNBOUNDED} or
         *         {@link Status#INFEASIBLE} with an empty vector otherwise
         */
        Result optimise(int target, boolean maximise);
    }

    /** How a linear program ended. */
    enum Status { OPTIMAL, UNBOUNDED, INFEASIBLE }

    /** The outcome of one linear program. */
    record Result(Status status, double value, double[] x) {
    }
}

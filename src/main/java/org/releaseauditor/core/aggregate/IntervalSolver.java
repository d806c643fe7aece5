package org.releaseauditor.core.aggregate;

import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Port for the linear programs of the suppression audit: for each target variable, its minimum and
 * maximum subject to a {@link LinearSystem} and {@code x ≥ 0}. Implemented outside core (ojAlgo in
 * {@code io.lp}) and injected by the service.
 */
public interface IntervalSolver {

    /**
     * Returns, for each target, {@code {min, max}}; max is {@code +∞} when unbounded, and both
     * are NaN when the system is infeasible. Checks {@code monitor} between targets.
     */
    double[][] ranges(LinearSystem system, int[] targets, ProgressMonitor monitor);
}

package org.releaseauditor.io.lp;

import java.util.List;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.releaseauditor.core.aggregate.IntervalSolver;
import org.releaseauditor.core.aggregate.LinearSystem;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Solves the audit's linear programs with ojAlgo's {@link ExpressionsBasedModel}: one model per
 * system, re-solved for each target with the target's weight set to 1 (minimise, then maximise).
 */
public final class OjAlgoIntervalSolver implements IntervalSolver {

    @Override
    public double[][] ranges(LinearSystem system, int[] targets, ProgressMonitor monitor) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] x = new Variable[system.variables()];
        for (int i = 0; i < x.length; i++) {
            x[i] = model.addVariable("x" + i).lower(0);
        }
        List<LinearSystem.Row> rows = system.rows();
        for (int r = 0; r < rows.size(); r++) {
            LinearSystem.Row row = rows.get(r);
            Expression e = model.addExpression("r" + r).level(row.rhs());
            for (int k = 0; k < row.vars().length; k++) {
                e.set(x[row.vars()[k]], row.coefs()[k]);
            }
        }
        double[][] out = new double[targets.length][];
        for (int t = 0; t < targets.length; t++) {
            monitor.checkCancelled();
            Variable v = x[targets[t]];
            v.weight(1);
            Optimisation.Result min = model.minimise();
            Optimisation.Result max = model.maximise();
            v.weight(0);
            if (!min.getState().isFeasible()) {
                out[t] = new double[] {Double.NaN, Double.NaN};
                continue;
            }
            double hi = max.getState() == Optimisation.State.UNBOUNDED || !max.getState().isFeasible()
                    ? Double.POSITIVE_INFINITY : max.getValue();
            out[t] = new double[] {min.getValue(), hi};
        }
        return out;
    }
}

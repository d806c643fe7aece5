package org.releaseauditor.io.lp;

import java.util.List;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.releaseauditor.core.aggregate.IntervalSolver;
import org.releaseauditor.core.aggregate.LinearSystem;

/**
 * Solves the audit's linear programs: small systems (the usual independent blocks of a release)
 * with a dense double-precision simplex ({@link DenseSimplex}), larger ones with ojAlgo's
 * {@link ExpressionsBasedModel}: one model per system, re-solved for each objective with the
 * target's weight set to 1. Sessions are independent, so blocks can be solved in parallel.
 */
public final class OjAlgoIntervalSolver implements IntervalSolver {

    /** Largest system (variables × rows) solved with the dense simplex. */
    static final long DENSE_MAX_CELLS = 250_000;

    static {
        // ojAlgo prints a hardware-profile notice to stdout on first use, which would corrupt JSON
        // output on the command line; this documented property silences it
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    @Override
    public Session open(LinearSystem system) {
        if ((long) system.variables() * Math.max(1, system.rows().size()) <= DENSE_MAX_CELLS) {
            return new DenseSimplex(system);
        }
        return openOjAlgo(system);
    }

    /** The ojAlgo session (large systems; tests compare the dense simplex with it). */
    static Session openOjAlgo(LinearSystem system) {
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
        return (target, maximise) -> {
            Variable v = x[target];
            v.weight(1);
            Optimisation.Result res = maximise ? model.maximise() : model.minimise();
            v.weight(0);
            Optimisation.State st = res.getState();
            if (st == Optimisation.State.UNBOUNDED) {
                return new Result(Status.UNBOUNDED, maximise ? Double.POSITIVE_INFINITY : 0, new double[0]);
            }
            if (!st.isFeasible()) {
                return new Result(Status.INFEASIBLE, Double.NaN, new double[0]);
            }
            double[] values = new double[x.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = res.doubleValue(i);
            }
            return new Result(Status.OPTIMAL, res.getValue(), values);
        };
    }
}

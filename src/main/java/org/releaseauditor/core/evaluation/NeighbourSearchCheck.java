package org.releaseauditor.core.evaluation;

import java.util.List;
import java.util.SplittableRandom;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Compares the nearest-neighbour index with a scan of every release record on a few queries:
 * both must return the same neighbours; the times show what the index saves. Used by the
 * benchmark.
 *
 * @param queries         queries compared (original records)
 * @param indexSeconds    time of the indexed searches, building the index included
 * @param scanSeconds     time of the full scans
 * @param identical       queries where both returned the same neighbours
 */
public record NeighbourSearchCheck(int queries, double indexSeconds, double scanSeconds, int identical) {

    /** Runs {@code queries} 1-NN searches over {@code columns} both ways. */
    public static NeighbourSearchCheck run(EvaluationData data, List<String> columns, int queries, long seed)
            throws ConfigurationException {
        int m = data.columns().size();
        double[] ranges = new double[m];
        int[] cardinality = new int[m];
        for (int j = 0; j < m; j++) {
            EvaluationColumn c = data.columns().get(j);
            ranges[j] = c.range();
            cardinality[j] = c.kind() == ColumnKind.CATEGORICAL ? c.distinct() : 0;
        }
        int[] cols = new int[columns.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = data.indexOf(columns.get(i));
            if (cols[i] < 0) {
                throw new ConfigurationException("evaluation.error.unknownColumn", columns.get(i), "-", "-");
            }
        }
        int q = Math.min(queries, data.original.rows);
        int[] targets = Streams.sample(data.original.rows, q, new SplittableRandom(seed));
        long t0 = System.nanoTime();
        NeighbourIndex index = new NeighbourIndex(data.release, cols, ranges, cardinality, ProgressMonitor.none());
        int[] fast = new int[q];
        for (int i = 0; i < q; i++) {
            fast[i] = index.nearest(data.original, targets[i], 1, null)[0];
        }
        long t1 = System.nanoTime();
        int identical = 0;
        for (int i = 0; i < q; i++) {
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int r = 0; r < data.release.rows; r++) {
                double d = index.distance(data.original, targets[i], data.release, r);
                if (d < bestD) {
                    bestD = d;
                    best = r;
                }
            }
            identical += best == fast[i] ? 1 : 0;
        }
        long t2 = System.nanoTime();
        return new NeighbourSearchCheck(q, (t1 - t0) / 1e9, (t2 - t1) / 1e9, identical);
    }
}

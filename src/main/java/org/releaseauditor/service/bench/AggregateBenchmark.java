package org.releaseauditor.service.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.releaseauditor.core.aggregate.AuditedCell;
import org.releaseauditor.core.aggregate.CountTable;
import org.releaseauditor.core.aggregate.IntervalSolver;
import org.releaseauditor.core.aggregate.PrimaryRuleConfig;
import org.releaseauditor.core.aggregate.PrimaryRules;
import org.releaseauditor.core.aggregate.ProtectionRequirement;
import org.releaseauditor.core.aggregate.ReleaseModel;
import org.releaseauditor.core.aggregate.ReleaseSet;
import org.releaseauditor.core.aggregate.SuppressionAudit;
import org.releaseauditor.core.aggregate.TableRuleResult;
import org.releaseauditor.core.aggregate.ThresholdRule;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.aggregates.AggregateAnalysisService;

/**
 * Fixed-seed synthetic benchmarks of the aggregates lane: the primary rules on a release set of
 * five tables, and the LP audit of growing numbers of withheld cells in three linked tables.
 */
public final class AggregateBenchmark {

    /** Timing of the primary rules. */
    public record RulesTiming(int tables, long cells, long unsafe, double seconds) {
    }

    /** Timing of one audit run. */
    public record AuditTiming(int suppressed, long exposed, long identities, double buildSeconds,
            double auditSeconds) {
    }

    /** Timing and outcome of one recovery run. */
    public record RecoveryTiming(int users, int slots, double accuracy, double withinDayAccuracy,
            double topKUniqueness, double seconds) {
    }

    private final IntervalSolver solver;

    public AggregateBenchmark(IntervalSolver solver) {
        this.solver = solver;
    }

    public AggregateBenchmark() {
        this(new AggregateAnalysisService().solver());
    }

    /**
     * Five footfall-style tables (area × hour × age, area × hour × gender, area × age × gender,
     * home district × area, area × day × hour), all with margins, about 200,000 cells in total.
     */
    public static ReleaseSet fiveTables(long seed) {
        Random rnd = new Random(seed);
        List<CountTable> t = new ArrayList<>();
        t.add(cube("area_hour_age", List.of("area", "hour", "age_band"), new int[] {400, 24, 5}, rnd));
        t.add(cube("area_hour_gender", List.of("area", "hour", "gender"), new int[] {400, 24, 2}, rnd));
        t.add(cube("area_age_gender", List.of("area", "age_band", "gender"), new int[] {400, 5, 2}, rnd));
        t.add(cube("home_area", List.of("home_district", "area"), new int[] {50, 400}, rnd));
        t.add(cube("area_day_hour", List.of("area", "day", "hour"), new int[] {400, 7, 24}, rnd));
        return new ReleaseSet("bench", t, java.util.Map.of());
    }

    /** Timing of the footfall release's LP audit (the bundled sample). */
    public record FootfallTiming(long cells, long withheld, long exposed, double loadSeconds, double modelSeconds,
            double auditSeconds, double cpuSeconds) {
    }

    /**
     * Times the LP audit of the bundled footfall release in this process: loading the table,
     * building the linear model and auditing the 41,217 withheld cells; the load time includes the primary rules (the figure of issue 15;
     * the whole-process figure is {@code analyze aggregates --margin-tokens ALL --table ... --audit}).
     *
     * @param samples the {@code sample-datasets} folder
     */
    public FootfallTiming footfall(java.nio.file.Path samples, ProgressMonitor monitor) throws AuditException {
        long c0 = MicrodataBenchmark.processCpuNanos();
        long t0 = System.nanoTime();
        java.nio.file.Path file = samples.resolve("aggregates/footfall_hourly_withheld.csv");
        org.releaseauditor.service.aggregates.AggregatesRequest request =
                org.releaseauditor.service.aggregates.AggregatesRequest.builder()
                        .table("footfall=" + file + ",count=count,dims=date|hour|area|age_band|gender", "--table")
                        .marginTokens("ALL").build();
        ReleaseSet release = new AggregateAnalysisService().analyze(request,
                org.releaseauditor.service.LaneInputs.of(
                        org.releaseauditor.service.aggregates.AggregatesRequest.TABLE + "footfall", file),
                monitor).release();
        long t1 = System.nanoTime();
        ReleaseModel model = ReleaseModel.build(release, monitor);
        long t2 = System.nanoTime();
        List<AuditedCell> cells = SuppressionAudit.audit(model, solver, new ProtectionRequirement(0, 0), monitor);
        long t3 = System.nanoTime();
        return new FootfallTiming(release.cellCount(), cells.size(), cells.stream().filter(AuditedCell::exposed).count(),
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (MicrodataBenchmark.processCpuNanos() - c0) / 1e9);
    }

    /**
     * One area × hour × age × gender table with every margin, of about {@code cells} cells
     * (labels shared, random counts), for the primary rules at 1 M and 10 M cells.
     */
    public static ReleaseSet bigTable(long cells, long seed) {
        int[] card = {Math.max(1, (int) (cells / (25 * 6 * 3))) - 1, 24, 5, 2};
        List<String> dims = List.of("area", "hour", "age_band", "gender");
        String[][] labels = new String[4][];
        for (int d = 0; d < 4; d++) {
            labels[d] = new String[card[d] + 1];
            for (int i = 0; i < card[d]; i++) {
                labels[d][i] = dims.get(d) + i;
            }
            labels[d][card[d]] = CountTable.TOTAL_LABEL;
        }
        int total = 1;
        for (int c : card) {
            total *= c + 1;
        }
        String[][] keys = new String[total][];
        double[] counts = new double[total];
        Random rnd = new Random(seed);
        int[] pos = new int[4];
        for (int k = 0; k < total; k++) {
            keys[k] = new String[] {labels[0][pos[0]], labels[1][pos[1]], labels[2][pos[2]], labels[3][pos[3]]};
            counts[k] = geometric(rnd, 25);
            for (int d = 3; d >= 0; d--) {
                if (++pos[d] <= card[d]) {
                    break;
                }
                pos[d] = 0;
            }
        }
        return new ReleaseSet("big", List.of(CountTable.of("big", dims, keys, counts)), java.util.Map.of());
    }

    /** A table with every combination of the given cardinalities plus all margins (random leaf counts). */
    static CountTable cube(String name, List<String> dims, int[] card, Random rnd) {
        int nd = card.length;
        int[] size = new int[nd];
        int total = 1;
        for (int d = 0; d < nd; d++) {
            size[d] = card[d] + 1;
            total *= size[d];
        }
        double[] counts = new double[total];
        String[][] keys = new String[total][nd];
        int[] pos = new int[nd];
        for (int c = 0; c < total; c++) {
            boolean leaf = true;
            for (int d = 0; d < nd; d++) {
                keys[c][d] = pos[d] == card[d] ? CountTable.TOTAL_LABEL : dims.get(d) + pos[d];
                leaf &= pos[d] < card[d];
            }
            counts[c] = leaf ? geometric(rnd, 25) : 0;
            for (int d = nd - 1; d >= 0; d--) {
                if (++pos[d] < size[d]) {
                    break;
                }
                pos[d] = 0;
            }
        }
        // margins: add each leaf into every cell that generalises it
        int[] stride = new int[nd];
        stride[nd - 1] = 1;
        for (int d = nd - 2; d >= 0; d--) {
            stride[d] = stride[d + 1] * size[d + 1];
        }
        for (int d = 0; d < nd; d++) {
            for (int c = 0; c < total; c++) {
                int p = (c / stride[d]) % size[d];
                if (p < card[d]) {
                    counts[c - p * stride[d] + card[d] * stride[d]] += counts[c];
                }
            }
        }
        return CountTable.of(name, dims, keys, counts);
    }

    private static double geometric(Random rnd, double mean) {
        return Math.floor(Math.log(1 - rnd.nextDouble()) / Math.log(1 - 1 / mean));
    }

    /** Times the threshold rule (count &lt; 10) on every cell of the five tables. */
    public RulesTiming rules(ReleaseSet release, ProgressMonitor monitor) {
        PrimaryRuleConfig cfg = PrimaryRuleConfig.thresholdOnly(new ThresholdRule(10, ThresholdRule.Operator.LT, false));
        PrimaryRules.apply(release, cfg, monitor); // warm-up
        long t0 = System.nanoTime();
        List<TableRuleResult> r = PrimaryRules.apply(release, cfg, monitor);
        double s = (System.nanoTime() - t0) / 1e9;
        long unsafe = r.stream().mapToLong(x -> x.unsafe().size()).sum();
        return new RulesTiming(release.tables().size(), release.cellCount(), unsafe, s);
    }

    /**
     * Times building the linear model (identities and margin checks) of each of the five tables
     * on its own (the synthetic tables are consistent one by one, not with each other).
     *
     * @return {seconds, identities}
     */
    public double[] modelBuild(ReleaseSet release, ProgressMonitor monitor) throws AuditException {
        long t0 = System.nanoTime();
        long ids = 0;
        for (CountTable t : release.tables()) {
            ids += ReleaseModel.build(ReleaseSet.of(t), monitor).identityList().size();
        }
        return new double[] {(System.nanoTime() - t0) / 1e9, ids};
    }

    /**
     * Three linked tables (area × hour, area × age, hour × age, with margins) cut from one
     * area × hour × age cube, with {@code suppressed} interior cells withheld at random (smallest
     * first), audited together.
     */
    public AuditTiming audit(int areas, int suppressed, long seed, ProgressMonitor monitor) throws AuditException {
        Random rnd = new Random(seed);
        int hours = 24;
        int ages = 4;
        double[][][] cubeCounts = new double[areas][hours][ages];
        for (double[][] a : cubeCounts) {
            for (double[] h : a) {
                for (int g = 0; g < ages; g++) {
                    h[g] = geometric(rnd, 12);
                }
            }
        }
        List<String[]> k1 = new ArrayList<>();
        List<Double> v1 = new ArrayList<>();
        List<String[]> k2 = new ArrayList<>();
        List<Double> v2 = new ArrayList<>();
        List<String[]> k3 = new ArrayList<>();
        List<Double> v3 = new ArrayList<>();
        for (int a = 0; a <= areas; a++) {
            for (int h = 0; h <= hours; h++) {
                k1.add(new String[] {label("a", a, areas), label("h", h, hours)});
                v1.add(sum(cubeCounts, a, h, -1));
            }
            for (int g = 0; g <= ages; g++) {
                k2.add(new String[] {label("a", a, areas), label("g", g, ages)});
                v2.add(sum(cubeCounts, a, -1, g));
            }
        }
        for (int h = 0; h <= hours; h++) {
            for (int g = 0; g <= ages; g++) {
                k3.add(new String[] {label("h", h, hours), label("g", g, ages)});
                v3.add(sum(cubeCounts, areas, h, g));
            }
        }
        // withhold interior cells of the area × hour and area × age tables, smallest counts first
        List<int[]> candidates = new ArrayList<>();
        for (int i = 0; i < k1.size(); i++) {
            if (!k1.get(i)[0].equals(CountTable.TOTAL_LABEL) && !k1.get(i)[1].equals(CountTable.TOTAL_LABEL)) {
                candidates.add(new int[] {1, i, v1.get(i).intValue() * 1000 + rnd.nextInt(1000)});
            }
        }
        for (int i = 0; i < k2.size(); i++) {
            if (!k2.get(i)[0].equals(CountTable.TOTAL_LABEL) && !k2.get(i)[1].equals(CountTable.TOTAL_LABEL)) {
                candidates.add(new int[] {2, i, v2.get(i).intValue() * 1000 + rnd.nextInt(1000)});
            }
        }
        candidates.sort((x, y) -> Integer.compare(x[2], y[2]));
        for (int i = 0; i < Math.min(suppressed, candidates.size()); i++) {
            int[] c = candidates.get(i);
            (c[0] == 1 ? v1 : v2).set(c[1], Double.NaN);
        }
        ReleaseSet set = ReleaseSet.of(table("area_hour", List.of("area", "hour"), k1, v1),
                table("area_age", List.of("area", "age"), k2, v2), table("hour_age", List.of("hour", "age"), k3, v3));
        long t0 = System.nanoTime();
        ReleaseModel model = ReleaseModel.build(set, monitor);
        double build = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        List<AuditedCell> cells = SuppressionAudit.audit(model, solver, ProtectionRequirement.exactOnly(), monitor);
        double audit = (System.nanoTime() - t1) / 1e9;
        return new AuditTiming(cells.size(), cells.stream().filter(AuditedCell::exposed).count(),
                model.identityList().size(), build, audit);
    }

    /**
     * Commuters on a 20 × 20 grid over {@code days} days of hourly slots: home at night, one step
     * towards work at 08:00, work 09:00–16:00, one step back at 17:00, an evening place
     * 18:00–21:00 (half of the users), then home. The recovery attack runs on the footfall.
     */
    public RecoveryTiming recovery(int users, int days, long seed, ProgressMonitor monitor) {
        Random rnd = new Random(seed);
        List<String[]> rows = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int hx = rnd.nextInt(20);
            int hy = rnd.nextInt(20);
            int wx = rnd.nextInt(20);
            int wy = rnd.nextInt(20);
            boolean goesOut = rnd.nextBoolean();
            int ex = rnd.nextInt(20);
            int ey = rnd.nextInt(20);
            for (int d = 0; d < days; d++) {
                for (int h = 0; h < 24; h++) {
                    int x = hx;
                    int y = hy;
                    if (h == 8 || h == 17) {
                        x = (hx + wx) / 2;
                        y = (hy + wy) / 2;
                    } else if (h >= 9 && h <= 16) {
                        x = wx;
                        y = wy;
                    } else if (h >= 18 && h <= 21 && goesOut) {
                        x = ex;
                        y = ey;
                    }
                    rows.add(new String[] {"u" + u, Integer.toString(d * 24 + h), "x" + x + "y" + y});
                }
            }
        }
        org.releaseauditor.core.aggregate.GroundTruth truth =
                org.releaseauditor.core.aggregate.GroundTruth.of(24, days * 24, rows);
        long t0 = System.nanoTime();
        org.releaseauditor.core.aggregate.RecoveryResult r = new org.releaseauditor.core.aggregate.TrajectoryRecovery(
                truth, org.releaseauditor.core.aggregate.TrajectoryRecovery.Config.defaults(24)).run(monitor);
        return new RecoveryTiming(users, days * 24, r.accuracy(), r.withinDayAccuracy(), r.topKUniqueness(),
                (System.nanoTime() - t0) / 1e9);
    }

    private static CountTable table(String name, List<String> dims, List<String[]> keys, List<Double> values) {
        return CountTable.of(name, dims, keys.toArray(new String[0][]),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static String label(String prefix, int i, int n) {
        return i == n ? CountTable.TOTAL_LABEL : prefix + i;
    }

    /** Sum over the cube; an index equal to the dimension's size (or -1 for age) means all. */
    private static double sum(double[][][] c, int a, int h, int g) {
        double s = 0;
        for (int i = 0; i < c.length; i++) {
            if (a != c.length && a != i) {
                continue;
            }
            for (int j = 0; j < c[i].length; j++) {
                if (h != -1 && h != c[i].length && h != j) {
                    continue;
                }
                for (int k = 0; k < c[i][j].length; k++) {
                    if (g != -1 && g != c[i][j].length && g != k) {
                        continue;
                    }
                    s += c[i][j][k];
                }
            }
        }
        return s;
    }
}

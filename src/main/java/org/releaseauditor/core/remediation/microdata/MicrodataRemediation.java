package org.releaseauditor.core.remediation.microdata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.policy.PolicyEvaluator;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What-if remediation of a microdata release: the lattice of generalisation levels (one hierarchy
 * per quasi-identifier) plus record suppression, searched for the transformation with the least
 * information loss that passes the active policy (METRICS.md §6).
 *
 * <p><b>Suppression model</b> (ARX's): a node suppresses the records of every class smaller than
 * some size s, and takes the smallest s for which the policy passes; the node is feasible when
 * that suppresses at most the limit. Suppressing more never lowers any of the four measures, so
 * the smallest passing s is the cheapest.
 *
 * <p><b>Search.</b> Every node gets a lower bound of its loss that needs no data pass (loss,
 * entropy and precision: their generalisation part over all records; discernibility: N²/#classes
 * bounded by the product of level cardinalities). Nodes are evaluated best-first by that bound,
 * two or more at a time, until the next bound exceeds the best loss found: the optimum is then
 * proven. When the policy is monotone under the suppression model
 * ({@link HistogramPolicy#monotone}), a failing node marks all its specialisations as failing
 * (they are skipped), and a passing node marks its generalisations as passing.
 *
 * <p><b>Class tables.</b> The bottom node's classes are computed from the rows once; any other
 * node's classes are rolled up from the smallest cached table of a finer node by mapping codes
 * (no row is read again). Tables are cached up to a memory budget.
 *
 * <p>Prepared once per dataset and hierarchies; {@link #evaluate} (one node, for sliders),
 * {@link #search} and {@link #apply} can then be called repeatedly, from any thread.
 */
public final class MicrodataRemediation {

    private static final Logger LOGGER = LoggerFactory.getLogger(MicrodataRemediation.class);

    /** Largest lattice searched (nodes). */
    public static final long MAX_LATTICE = 5_000_000L;
    /** Class sizes up to this are counted in an array. */
    private static final int SMALL_SIZES = 4096;
    private static final byte UNKNOWN = 0;
    private static final byte FEASIBLE = 1;
    private static final byte INFEASIBLE = 2;

    private final Dataset data;
    private final List<String> qiNames;
    private final List<Column> columns;
    private final QiCoding[] qis;
    private final ClassTable bottom;
    private final long records;
    private final long preSuppressed;
    private final int[] radix;
    private final long[] mult;
    private final int latticeSize;

    private MicrodataRemediation(Dataset data, List<String> qiNames, List<Column> columns, QiCoding[] qis,
                                 ClassTable bottom, long preSuppressed) {
        this.data = data;
        this.qiNames = List.copyOf(qiNames);
        this.columns = List.copyOf(columns);
        this.qis = qis;
        this.bottom = bottom;
        this.records = data.rowCount();
        this.preSuppressed = preSuppressed;
        int q = qis.length;
        radix = new int[q];
        mult = new long[q];
        long size = 1;
        for (int d = q - 1; d >= 0; d--) {
            radix[d] = qis[d].height + 1;
            mult[d] = size;
            size *= radix[d];
        }
        latticeSize = (int) size;
    }

    /**
     * Binds one hierarchy per quasi-identifier to the dataset and computes the bottom node's classes.
     *
     * @param hierarchies one per QI, in QI order; {@link GeneralizationHierarchy#attribute()} names the column
     * @throws ConfigurationException for unknown or repeated columns, values missing from a hierarchy,
     *                                or a lattice larger than {@link #MAX_LATTICE}
     */
    public static MicrodataRemediation prepare(Dataset data, List<GeneralizationHierarchy> hierarchies,
                                               ProgressMonitor monitor) throws ConfigurationException {
        if (hierarchies.isEmpty()) {
            throw new ConfigurationException("risk.config.noQuasiIdentifiers");
        }
        if (hierarchies.size() > 63) {
            throw new ConfigurationException("risk.config.tooManyQuasiIdentifiers", hierarchies.size(), 63);
        }
        List<String> names = new ArrayList<>();
        List<Column> cols = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long size = 1;
        for (GeneralizationHierarchy h : hierarchies) {
            String name = h.attribute();
            if (data.indexOf(name) < 0) {
                throw new ConfigurationException("risk.config.unknownColumn", name, "quasi-identifier", data.name(),
                        String.join(", ", data.columnNames()));
            }
            if (!seen.add(name)) {
                throw new ConfigurationException("risk.config.duplicateColumn", name, "quasi-identifier");
            }
            names.add(name);
            cols.add(data.column(name).orElseThrow());
            size *= h.levels();
            if (size > MAX_LATTICE) {
                throw new ConfigurationException("remediation.lattice.tooLarge", MAX_LATTICE);
            }
        }
        QiCoding[] qis = new QiCoding[names.size()];
        for (int d = 0; d < qis.length; d++) {
            monitor.checkCancelled();
            qis[d] = QiCoding.bind(cols.get(d), hierarchies.get(d));
        }
        monitor.update(Messages.get("remediation.progress.classes"), 0, 1);
        long[] pre = new long[1];
        ClassTable bottom = ClassTable.ofRows(cols, qis, pre, monitor);
        LOGGER.info("Remediation prepared: rows={}, qis={}, lattice={}, bottom classes={}", data.rowCount(),
                qis.length, size, bottom.size);
        return new MicrodataRemediation(data, names, cols, qis, bottom, pre[0]);
    }

    /** The quasi-identifiers, in the order of every node's levels. */
    public List<String> quasiIdentifiers() {
        return qiNames;
    }

    /** The highest level of each QI. */
    public int[] heights() {
        int[] h = new int[qis.length];
        for (int d = 0; d < h.length; d++) {
            h[d] = qis[d].height;
        }
        return h;
    }

    /** The hierarchy of each QI. */
    public List<GeneralizationHierarchy> hierarchies() {
        List<GeneralizationHierarchy> out = new ArrayList<>();
        for (QiCoding c : qis) {
            out.add(c.hierarchy);
        }
        return out;
    }

    /** N: all records. */
    public long records() {
        return records;
    }

    /** Number of nodes in the lattice. */
    public long latticeSize() {
        return latticeSize;
    }

    /** The suppression limit in records for a share (⌊share · N⌋, as ARX). */
    public long suppressionLimit(double share) {
        return (long) Math.floor(share * records);
    }

    // ---------------------------------------------------------------------------- one node

    /**
     * Evaluates one transformation (for example the levels a user set with sliders).
     *
     * @throws ConfigurationException when the options are invalid or a level is out of range
     */
    public NodeResult evaluate(int[] levels, MicrodataSearchOptions options) throws ConfigurationException {
        options.validate();
        checkLevels(levels);
        Context ctx = context(options);
        ClassTable t = bottom.rollUp(new int[qis.length], levels, qis, bottom.size);
        return evaluateTable(t, levels, ctx, lowerBound(levels, ctx.measure));
    }

    /**
     * The policy's findings on one transformation as the search predicts them from the class sizes:
     * with the least suppression that passes (within the limit), or with none when no suppression
     * within the limit passes. The re-audit of a written copy is what counts.
     *
     * @throws ConfigurationException when the options are invalid or a level is out of range
     */
    public List<org.releaseauditor.core.policy.Finding> predictedFindings(int[] levels, MicrodataSearchOptions options)
            throws ConfigurationException {
        options.validate();
        checkLevels(levels);
        Context ctx = context(options);
        ClassTable t = bottom.rollUp(new int[qis.length], levels, qis, bottom.size);
        Profile p = profile(t, levels);
        double[][] m = new double[1][];
        if (chooseSuppression(p, ctx, m) < 0) {
            m[0] = ctx.policy.metrics(p.sizes, p.classCount, 0, preSuppressed + p.starRecords);
        }
        return PolicyEvaluator.evaluate(options.policy(), HistogramPolicy.asMap(m[0])).findings();
    }

    private void checkLevels(int[] levels) throws ConfigurationException {
        if (levels.length != qis.length) {
            throw new ConfigurationException("remediation.levels.count", levels.length, qis.length);
        }
        for (int d = 0; d < levels.length; d++) {
            if (levels[d] < 0 || levels[d] > qis[d].height) {
                throw new ConfigurationException("remediation.levels.range", qiNames.get(d), levels[d],
                        qis[d].height);
            }
        }
    }

    private Context context(MicrodataSearchOptions options) throws ConfigurationException {
        HistogramPolicy policy = HistogramPolicy.compile(options.policy(), options.riskThreshold(),
                options.warnAsFail());
        return new Context(policy, options.measure(), suppressionLimit(options.maxSuppression()));
    }

    private record Context(HistogramPolicy policy, LossMeasure measure, long limit) {
    }

    /** Class sizes of the released (non-star) classes: distinct ascending, with class counts. */
    private record Profile(long[] sizes, long[] classCount, long starRecords, boolean[] starClass) {
    }

    private Profile profile(ClassTable t, int[] lv) {
        int q = qis.length;
        boolean anyStar = true;
        for (int d = 0; d < q && anyStar; d++) {
            boolean has = false;
            for (boolean b : qis[d].star[lv[d]]) {
                has |= b;
            }
            anyStar = has;
        }
        boolean[] starClass = null;
        long starRecords = 0;
        if (anyStar) {
            starClass = new boolean[t.size];
            for (int i = 0; i < t.size; i++) {
                boolean all = true;
                for (int d = 0; d < q && all; d++) {
                    all = qis[d].star[lv[d]][t.codes[i * q + d]];
                }
                if (all) {
                    starClass[i] = true;
                    starRecords += t.counts[i];
                }
            }
        }
        int small = (int) Math.min(SMALL_SIZES, records + 1);
        long[] smallCount = new long[small];
        long[] big = new long[16];
        int bigSize = 0;
        for (int i = 0; i < t.size; i++) {
            if (starClass != null && starClass[i]) {
                continue;
            }
            int c = t.counts[i];
            if (c < small) {
                smallCount[c]++;
            } else {
                if (bigSize == big.length) {
                    big = Arrays.copyOf(big, bigSize * 2);
                }
                big[bigSize++] = c;
            }
        }
        Arrays.sort(big, 0, bigSize);
        int distinct = 0;
        for (int s = 1; s < small; s++) {
            if (smallCount[s] > 0) {
                distinct++;
            }
        }
        for (int i = 0; i < bigSize; i++) {
            if (i == 0 || big[i] != big[i - 1]) {
                distinct++;
            }
        }
        long[] sizes = new long[distinct];
        long[] counts = new long[distinct];
        int k = 0;
        for (int s = 1; s < small; s++) {
            if (smallCount[s] > 0) {
                sizes[k] = s;
                counts[k++] = smallCount[s];
            }
        }
        for (int i = 0; i < bigSize; i++) {
            if (i == 0 || big[i] != big[i - 1]) {
                sizes[k] = big[i];
                counts[k++] = 1;
            } else {
                counts[k - 1]++;
            }
        }
        return new Profile(sizes, counts, starRecords, starClass);
    }

    /** The index of the first released size: the smallest suppression that passes, or -1. */
    private int chooseSuppression(Profile p, Context ctx, double[][] metricsOut) {
        long suppressed = 0;
        for (int i = 0; i <= p.sizes.length; i++) {
            if (i > 0) {
                suppressed += p.sizes[i - 1] * p.classCount[i - 1];
            }
            if (suppressed > ctx.limit) {
                return -1;
            }
            double[] m = ctx.policy.metrics(p.sizes, p.classCount, i, preSuppressed + p.starRecords + suppressed);
            if (ctx.policy.passes(m)) {
                if (metricsOut != null) {
                    metricsOut[0] = m;
                }
                return i;
            }
        }
        return -1;
    }

    private NodeResult evaluateTable(ClassTable t, int[] lv, Context ctx, double lowerBound) {
        Profile p = profile(t, lv);
        int from = chooseSuppression(p, ctx, null);
        boolean feasible = from >= 0;
        int at = feasible ? from : 0;
        double[] m = ctx.policy.metrics(p.sizes, p.classCount, at, 0);
        long suppressBelow = at == 0 ? 0 : at < p.sizes.length ? p.sizes[at] : p.sizes[at - 1] + 1;
        long suppressed = 0;
        for (int i = 0; i < at; i++) {
            suppressed += p.sizes[i] * p.classCount[i];
        }
        Map<LossMeasure, Double> losses = feasible ? losses(t, lv, p, suppressBelow) : Map.of();
        if (ctx.measure == LossMeasure.DISCERNIBILITY) {
            // every record's class contributes at least |E|² whether it is released or suppressed
            double squares = (double) preSuppressed * records;
            for (int i = 0; i < t.size; i++) {
                squares += (double) t.counts[i] * t.counts[i];
            }
            lowerBound = Math.max(lowerBound, squares);
        }
        List<Integer> levels = new ArrayList<>(lv.length);
        for (int l : lv) {
            levels.add(l);
        }
        int idx = HistogramPolicy.SUPPORTED.indexOf("prosecutor.highest");
        return new NodeResult(levels, feasible, suppressBelow, suppressed, preSuppressed + p.starRecords,
                (long) m[HistogramPolicy.SUPPORTED.indexOf("classes")], (long) m[HistogramPolicy.SUPPORTED.indexOf("k")],
                m[idx], m[idx - 1], m[idx + 2], losses, lowerBound);
    }

    /** All four measures for a node whose classes smaller than {@code suppressBelow} are suppressed. */
    private Map<LossMeasure, Double> losses(ClassTable t, int[] lv, Profile p, long suppressBelow) {
        int q = qis.length;
        long[] leafSum = new long[q];
        long[][] suppressedByCode = new long[q][];
        for (int d = 0; d < q; d++) {
            suppressedByCode[d] = new long[qis[d].cardinality[lv[d]]];
        }
        double dm = 0;
        long suppressed = 0;
        for (int i = 0; i < t.size; i++) {
            int c = t.counts[i];
            boolean out = p.starClass != null && p.starClass[i] || c < suppressBelow;
            int base = i * q;
            if (out) {
                suppressed += c;
                for (int d = 0; d < q; d++) {
                    suppressedByCode[d][t.codes[base + d]] += c;
                }
            } else {
                dm += (double) c * c;
                for (int d = 0; d < q; d++) {
                    leafSum[d] += c * qis[d].leavesUnder[lv[d]][t.codes[base + d]];
                }
            }
        }
        if (preSuppressed > 0) {
            suppressed += preSuppressed;
            for (int d = 0; d < q; d++) {
                int starRow = qis[d].bottomOfColumnCode[0];
                suppressedByCode[d][qis[d].up[lv[d]][starRow]] += preSuppressed;
            }
        }
        double n = records;
        Map<LossMeasure, Double> out = new EnumMap<>(LossMeasure.class);
        double product = 1;
        double precision = 0;
        double entropy = 0;
        for (int d = 0; d < q; d++) {
            QiCoding qc = qis[d];
            double domain = qc.domain;
            double sum = leafSum[d] / domain + suppressed;
            double min = n / domain;
            double v = n - min == 0 ? 0 : Math.max(0, (sum - min) / (n - min));
            product *= Math.pow(v + 1, 1.0 / q);
            double share = qc.height == 0 ? 0 : (double) lv[d] / qc.height;
            precision += ((n - suppressed) * share + suppressed) / n;
            double e = qc.entropy[lv[d]];
            if (suppressed > 0) {
                double s = 0;
                for (long cg : suppressedByCode[d]) {
                    if (cg > 0) {
                        s += cg * QiCoding.log2((double) cg / suppressed);
                    }
                }
                e -= s;
            }
            entropy += e;
        }
        out.put(LossMeasure.LOSS, product - 1);
        out.put(LossMeasure.DISCERNIBILITY, dm + (double) suppressed * n);
        out.put(LossMeasure.ENTROPY, entropy);
        out.put(LossMeasure.PRECISION, precision / q);
        return out;
    }

    /** A lower bound of the node's loss under {@code measure} that needs no class table. */
    private double lowerBound(int[] lv, LossMeasure measure) {
        int q = qis.length;
        double n = records;
        switch (measure) {
            case LOSS -> {
                double product = 1;
                for (int d = 0; d < q; d++) {
                    double domain = qis[d].domain;
                    double min = n / domain;
                    double sum = qis[d].leafSum[lv[d]] / domain;
                    double v = n - min == 0 ? 0 : Math.max(0, (sum - min) / (n - min));
                    product *= Math.pow(v + 1, 1.0 / q);
                }
                return product - 1;
            }
            case ENTROPY -> {
                double e = 0;
                for (int d = 0; d < q; d++) {
                    e += qis[d].entropy[lv[d]];
                }
                return e;
            }
            case PRECISION -> {
                double s = 0;
                for (int d = 0; d < q; d++) {
                    s += qis[d].height == 0 ? 0 : (double) lv[d] / qis[d].height;
                }
                return s / q;
            }
            case DISCERNIBILITY -> {
                double classes = 1;
                for (int d = 0; d < q && classes < n; d++) {
                    classes *= qis[d].cardinality[lv[d]];
                }
                classes = Math.min(classes, n);
                return n * n / Math.max(2, classes);
            }
            default -> throw new IllegalStateException();
        }
    }

    // ------------------------------------------------------------------------------ search

    /**
     * Searches the lattice for the transformation with the least loss that passes the policy.
     *
     * @throws ConfigurationException for invalid options or a policy the search cannot enforce
     */
    public MicrodataSearchResult search(MicrodataSearchOptions options, ProgressMonitor monitor)
            throws ConfigurationException {
        options.validate();
        long t0 = System.nanoTime();
        Context ctx = context(options);
        boolean monotone = ctx.policy.monotone(ctx.limit);
        int q = qis.length;
        int size = latticeSize;
        String phase = Messages.get("remediation.progress.search");
        monitor.update(phase, 0, size);

        double[] lb = new double[size];
        int[] lv = new int[q];
        for (int x = 0; x < size; x++) {
            decode(x, lv);
            lb[x] = lowerBound(lv, ctx.measure);
        }
        Integer[] boxed = new Integer[size];
        int[] total = new int[size];
        for (int x = 0; x < size; x++) {
            boxed[x] = x;
            decode(x, lv);
            int s = 0;
            for (int l : lv) {
                s += l;
            }
            total[x] = s;
        }
        Arrays.sort(boxed, (a, b) -> {
            int c = Double.compare(lb[a], lb[b]);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(total[a], total[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = boxed[i];
        }
        boxed = null;

        Search run = new Search(ctx, options, monitor, lb, order, monotone, phase);
        run.run();
        NodeResult best = run.best;
        long evaluated = run.evaluated;
        long[] tagged = run.tagged;
        long skippedByBound = run.skippedByBound;
        List<NodeResult> feasibleNodes = run.feasibleNodes;
        boolean stopped = run.stopped;
        boolean complete = !stopped && skippedByBound == 0;
        List<NodeResult> front = paretoFront(feasibleNodes, ctx.measure);
        List<org.releaseauditor.core.policy.Finding> findings = List.of();
        if (best != null) {
            double[][] m = new double[1][];
            ClassTable t = bottom.rollUp(new int[q], best.levelArray(), qis, bottom.size);
            chooseSuppression(profile(t, best.levelArray()), ctx, m);
            findings = PolicyEvaluator.evaluate(options.policy(), HistogramPolicy.asMap(m[0])).findings();
        }
        List<String> ignored = new ArrayList<>();
        for (var r : ctx.policy.ignored()) {
            ignored.add(r.describe());
        }
        List<Integer> heights = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (QiCoding c : qis) {
            heights.add(c.height);
            sources.add(c.hierarchy.source());
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        LOGGER.info("Remediation search: measure={}, lattice={}, evaluated={}, taggedInfeasible={}, skippedByBound={}, "
                + "monotone={}, found={}, {} ms", ctx.measure.id(), size, evaluated, tagged[1], skippedByBound, monotone,
                best != null, millis);
        monitor.update(phase, size, size);
        return new MicrodataSearchResult(qiNames, heights, sources, ctx.measure, records, ctx.limit, best, findings,
                front, size, evaluated, tagged[1], tagged[0], monotone, complete, ignored, millis);
    }

    /** One search run: the best-first loop over the lattice, with tagging, bounds and probing. */
    private final class Search {
        final Context ctx;
        final MicrodataSearchOptions options;
        final ProgressMonitor monitor;
        final double[] lb;
        final int[] order;
        final boolean monotone;
        final String phase;
        final int size = latticeSize;
        final int q = qis.length;
        final byte[] state;
        /**
         * The best lower bound known per node: its own bound, raised by what its direct
         * specialisations proved (discernibility: Σ|E|² over all classes only grows when classes merge).
         */
        final double[] known;
        final long[] tagged = new long[2];
        final TableCache cache;
        final List<NodeResult> feasibleNodes = new ArrayList<>();
        NodeResult best;
        long evaluated;
        long extra;
        long skippedByBound;
        boolean proven;
        boolean stopped;

        Search(Context ctx, MicrodataSearchOptions options, ProgressMonitor monitor, double[] lb, int[] order,
               boolean monotone, String phase) {
            this.ctx = ctx;
            this.options = options;
            this.monitor = monitor;
            this.lb = lb;
            this.order = order;
            this.monotone = monotone;
            this.phase = phase;
            this.state = new byte[size];
            this.known = new double[size];
            this.cache = new TableCache(options.cacheBytes(), bottom, q);
        }

        private double bestLoss() {
            return best == null ? Double.POSITIVE_INFINITY : best.loss(ctx.measure);
        }

        void run() {
            int parallelism = Math.max(1, ForkJoinPool.getCommonPoolParallelism() + 1);
            int batchSize = Math.max(4, 2 * parallelism);
            int[] lv = new int[q];
            int pos = 0;
            while (pos < size && !stopped) {
                monitor.checkCancelled();
                int[] batch = new int[batchSize];
                int n = 0;
                while (pos < size && n < batchSize) {
                    int x = order[pos];
                    if (!proven && best != null && lb[x] > bestLoss() + tolerance(bestLoss())) {
                        proven = true;
                    }
                    if (proven && !options.exhaustive() && extra + n >= options.paretoBudget()) {
                        stopped = true;
                        break;
                    }
                    pos++;
                    decode(x, lv);
                    double bound = lb[x];
                    for (int d = 0; d < q; d++) {
                        if (lv[d] > 0) {
                            bound = Math.max(bound, known[(int) (x - mult[d])]);
                        }
                    }
                    known[x] = Math.max(known[x], bound);
                    if (state[x] == INFEASIBLE || state[x] != UNKNOWN && evaluatedNode(x)) {
                        continue;
                    }
                    if (!options.exhaustive() && !proven && best != null
                            && known[x] > bestLoss() + tolerance(bestLoss())) {
                        // cannot beat the optimum; after the proof such nodes are evaluated for the front
                        skippedByBound++;
                        continue;
                    }
                    batch[n++] = x;
                }
                if (n == 0) {
                    continue;
                }
                final int[] work = Arrays.copyOf(batch, n);
                NodeResult[] results = new NodeResult[n];
                ClassTable[] tables = new ClassTable[n];
                IntStream.range(0, n).parallel().forEach(i -> {
                    monitor.checkCancelled();
                    int[] levels = new int[q];
                    decode(work[i], levels);
                    ClassTable t = cache.rollUpFrom(levels, qis, MicrodataRemediation.this::product);
                    tables[i] = t;
                    results[i] = evaluateTable(t, levels, ctx, lb[work[i]]);
                });
                for (int i = 0; i < n; i++) {
                    record(work[i], results[i], tables[i]);
                }
                for (int i = 0; i < n; i++) {
                    if (monotone && !results[i].feasible()) {
                        probe(work[i]);
                    }
                }
                monitor.update(phase, Math.min(size, evaluated + tagged[1]), size);
            }
        }

        private final java.util.BitSet done = new java.util.BitSet();

        private boolean evaluatedNode(int x) {
            return done.get(x);
        }

        private void record(int x, NodeResult r, ClassTable t) {
            evaluated++;
            done.set(x);
            if (proven) {
                extra++;
            }
            cache.put(x, r.levelArray(), t);
            known[x] = Math.max(known[x], r.lowerBound());
            if (r.feasible()) {
                feasibleNodes.add(r);
                if (best == null || better(r, best, ctx.measure)) {
                    best = r;
                }
                if (monotone) {
                    tag(x, FEASIBLE, state, tagged);
                }
                state[x] = FEASIBLE;
            } else {
                if (monotone) {
                    tag(x, INFEASIBLE, state, tagged);
                }
                state[x] = INFEASIBLE;
            }
        }

        /**
         * After x failed: binary search on a path from x to the top node (one dimension generalised
         * per step, in turn) for the most general failing node on it, and mark everything below
         * that node as failing (FLASH's idea). Only when the policy is monotone.
         */
        private void probe(int x) {
            int[] lv = new int[q];
            decode(x, lv);
            int[] path = new int[1 + Arrays.stream(radix).sum()];
            int m = 0;
            path[m++] = x;
            int y = x;
            int d = 0;
            int stuck = 0;
            while (stuck < q) {
                if (lv[d] < radix[d] - 1) {
                    lv[d]++;
                    y += (int) mult[d];
                    path[m++] = y;
                    stuck = 0;
                } else {
                    stuck++;
                }
                d = (d + 1) % q;
            }
            int lo = 0;
            int hi = m;
            while (hi - lo > 1) {
                monitor.checkCancelled();
                int mid = (lo + hi) >>> 1;
                int z = path[mid];
                if (state[z] == UNKNOWN) {
                    int[] levels = new int[q];
                    decode(z, levels);
                    ClassTable t = cache.rollUpFrom(levels, qis, MicrodataRemediation.this::product);
                    record(z, evaluateTable(t, levels, ctx, lb[z]), t);
                }
                if (state[z] == INFEASIBLE) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
        }
    }

    private static double tolerance(double v) {
        return 1e-12 * Math.max(1, Math.abs(v));
    }

    /** Whether {@code a} is a better optimum than {@code b}. */
    static boolean better(NodeResult a, NodeResult b, LossMeasure measure) {
        int c = Double.compare(a.loss(measure), b.loss(measure));
        if (c != 0) {
            return c < 0;
        }
        if (a.suppressedRecords() != b.suppressedRecords()) {
            return a.suppressedRecords() < b.suppressedRecords();
        }
        int sa = 0;
        int sb = 0;
        for (int i = 0; i < a.levels().size(); i++) {
            sa += a.levels().get(i);
            sb += b.levels().get(i);
        }
        if (sa != sb) {
            return sa < sb;
        }
        for (int i = 0; i < a.levels().size(); i++) {
            int x = Integer.compare(a.levels().get(i), b.levels().get(i));
            if (x != 0) {
                return x < 0;
            }
        }
        return false;
    }

    /** Feasible nodes that no other has both lower (or equal) loss and lower average risk, by ascending loss. */
    static List<NodeResult> paretoFront(List<NodeResult> feasible, LossMeasure measure) {
        List<NodeResult> sorted = new ArrayList<>(feasible);
        sorted.sort((a, b) -> {
            int c = Double.compare(a.loss(measure), b.loss(measure));
            if (c != 0) {
                return c;
            }
            c = Double.compare(a.averageRisk(), b.averageRisk());
            return c != 0 ? c : better(a, b, measure) ? -1 : better(b, a, measure) ? 1 : 0;
        });
        List<NodeResult> front = new ArrayList<>();
        double bestRisk = Double.POSITIVE_INFINITY;
        for (NodeResult r : sorted) {
            if (r.averageRisk() < bestRisk) {
                front.add(r);
                bestRisk = r.averageRisk();
            }
        }
        return front;
    }

    private long product(int[] levels) {
        long p = 1;
        for (int d = 0; d < qis.length && p < records; d++) {
            p *= qis[d].cardinality[levels[d]];
        }
        return Math.min(p, records);
    }

    private void decode(int x, int[] out) {
        for (int d = 0; d < out.length; d++) {
            out[d] = (int) ((x / mult[d]) % radix[d]);
        }
    }

    /** Marks every specialisation (INFEASIBLE) or generalisation (FEASIBLE) of x. */
    private void tag(int x, byte value, byte[] state, long[] tagged) {
        int q = qis.length;
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = x;
        int[] lv = new int[q];
        while (top > 0) {
            int y = stack[--top];
            decode(y, lv);
            for (int d = 0; d < q; d++) {
                int z;
                if (value == INFEASIBLE) {
                    if (lv[d] == 0) {
                        continue;
                    }
                    z = (int) (y - mult[d]);
                } else {
                    if (lv[d] == radix[d] - 1) {
                        continue;
                    }
                    z = (int) (y + mult[d]);
                }
                if (state[z] == UNKNOWN) {
                    state[z] = value;
                    tagged[value == INFEASIBLE ? 1 : 0]++;
                    if (top == stack.length) {
                        stack = Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = z;
                }
            }
        }
    }

    /** Cached class tables of evaluated nodes, up to a memory budget; the bottom table always stays. */
    private static final class TableCache {
        private final long budget;
        private final ClassTable bottom;
        private final int q;
        private final LinkedHashMap<Integer, Entry> entries = new LinkedHashMap<>();
        private long bytes;

        private record Entry(int[] levels, ClassTable table) {
        }

        TableCache(long budget, ClassTable bottom, int q) {
            this.budget = budget;
            this.bottom = bottom;
            this.q = q;
        }

        synchronized void put(int node, int[] levels, ClassTable t) {
            long b = t.bytes();
            if (b > budget || entries.containsKey(node)) {
                return;
            }
            Iterator<Map.Entry<Integer, Entry>> it = entries.entrySet().iterator();
            while (bytes + b > budget && it.hasNext()) {
                bytes -= it.next().getValue().table.bytes();
                it.remove();
            }
            entries.put(node, new Entry(levels, t));
            bytes += b;
        }

        private synchronized List<Entry> snapshot() {
            return new ArrayList<>(entries.values());
        }

        /** The node's classes, rolled up from the smallest cached finer table. */
        ClassTable rollUpFrom(int[] levels, QiCoding[] qis, java.util.function.ToLongFunction<int[]> expected) {
            ClassTable source = bottom;
            int[] from = new int[q];
            for (Entry e : snapshot()) {
                if (e.table.size >= source.size) {
                    continue;
                }
                boolean ok = true;
                for (int d = 0; d < q && ok; d++) {
                    ok = qis[d].rollable(e.levels[d], levels[d]);
                }
                if (ok) {
                    source = e.table;
                    from = e.levels;
                }
            }
            if (Arrays.equals(from, levels)) {
                return source;
            }
            return source.rollUp(from, levels, qis, expected.applyAsLong(levels));
        }
    }

    /** The transformation of a node, as a decision's condition records it. */
    public org.releaseauditor.core.remediation.Transformation.Microdata transformation(NodeResult node) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (int d = 0; d < qis.length; d++) {
            levels.put(qiNames.get(d), node.levels().get(d));
            sources.put(qiNames.get(d), qis[d].hierarchy.source());
        }
        return new org.releaseauditor.core.remediation.Transformation.Microdata(levels, sources, node.suppressBelow(),
                node.suppressedRecords());
    }

    // ------------------------------------------------------------------------------- apply

    /** A dataset with one transformation applied. */
    public record Applied(Dataset dataset, long suppressedRecords, long alreadySuppressed) {
    }

    /**
     * Applies a transformation to a copy of the dataset: each QI replaced by its label at the
     * node's level ({@code *} labels become suppressed values, as the importer reads them), and the
     * records of every class smaller than {@code suppressBelow} suppressed ({@code *} in every QI).
     * Other columns are unchanged.
     */
    public Applied apply(int[] levels, long suppressBelow, ProgressMonitor monitor) throws ConfigurationException {
        checkLevels(levels);
        int q = qis.length;
        int rows = (int) records;
        int[][] colCodes = new int[q][];
        for (int d = 0; d < q; d++) {
            colCodes[d] = columns.get(d).codes();
        }
        ClassTable.Grouper g = new ClassTable.Grouper(q, Math.min(rows, 1 << 16));
        int[] classOf = new int[rows];
        int[] tuple = new int[q];
        for (int r = 0; r < rows; r++) {
            if ((r & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
            }
            boolean allStar = true;
            for (int d = 0; d < q; d++) {
                int c = colCodes[d][r];
                allStar &= c == Column.SUPPRESSED;
                tuple[d] = qis[d].up[levels[d]][qis[d].bottomOfColumnCode[c + 2]];
            }
            classOf[r] = allStar ? -1 : g.addAndIndex(tuple, 1);
        }
        ClassTable t = g.table();
        boolean[] out = new boolean[t.size];
        long suppressed = 0;
        long already = 0;
        for (int i = 0; i < t.size; i++) {
            boolean all = true;
            for (int d = 0; d < q && all; d++) {
                all = qis[d].star[levels[d]][t.codes[i * q + d]];
            }
            if (all) {
                already += t.counts[i];
            } else if (t.counts[i] < suppressBelow) {
                out[i] = true;
                suppressed += t.counts[i];
            }
        }
        List<Column> cols = new ArrayList<>(data.columns());
        for (int d = 0; d < q; d++) {
            QiCoding qc = qis[d];
            int lvl = levels[d];
            String[] labels = qc.labels[lvl];
            int[] codeOfLabel = new int[labels.length];
            List<String> dict = new ArrayList<>();
            for (int c = 0; c < labels.length; c++) {
                if (labels[c] == null) {
                    codeOfLabel[c] = Column.MISSING;
                } else if (qc.star[lvl][c]) {
                    codeOfLabel[c] = Column.SUPPRESSED;
                } else {
                    codeOfLabel[c] = -3;
                }
            }
            int[] codes = new int[rows];
            for (int r = 0; r < rows; r++) {
                int cls = classOf[r];
                if (cls < 0 || out[cls]) {
                    codes[r] = Column.SUPPRESSED;
                    continue;
                }
                int gc = t.codes[cls * q + d];
                int oc = codeOfLabel[gc];
                if (oc == -3) {
                    oc = dict.size();
                    dict.add(labels[gc]);
                    codeOfLabel[gc] = oc;
                }
                codes[r] = oc;
            }
            int index = data.indexOf(qiNames.get(d));
            Column original = data.columns().get(index);
            ColumnType type = lvl == 0 ? original.type() : ColumnType.CATEGORICAL;
            cols.set(index, new Column(original.name(), type, dict.toArray(new String[0]), codes, rows));
        }
        return new Applied(new Dataset(data.name(), cols), suppressed, already + preSuppressed);
    }
}

package org.releaseauditor.core.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnBuilder;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * A synthetic original, a control set and a synthetic release with a known leak, for the
 * evaluation lane's demo, tests and benchmark. No real person is in it.
 *
 * <p><b>Original and control.</b> Customers of the simulated city ({@link Population}: age,
 * gender, home area, tariff, device, segment) with four usage columns drawn from them: monthly
 * spend (by tariff and device, log-normal), mobile data (by age band and device), calls per month
 * (by age) and tenure in months. The first {@code originalRows} people form the original, the
 * next {@code controlRows} the control set: both are independent draws from one population.
 *
 * <p><b>Release.</b> A simple synthesiser that keeps each column's distribution within each
 * segment: a synthetic record takes the segment of a random original record and every other
 * value from another random original record of that segment (ages moved by up to ±2 years,
 * numbers scaled by a random factor near 1). Columns are thus independent given the segment, so
 * no synthetic record describes a real person. <b>The leak:</b> {@code round(copyShare ·
 * releaseRows)} release rows, at random positions, are replaced by verbatim copies of distinct
 * random original records, as an overfitted generator would memorise them.
 *
 * <p>Deterministic for the parameters and seed. Values are held as small integers per column and
 * formatted on output.
 */
public final class EvaluationSample {

    /** The ten columns, in file order. */
    public static final List<String> COLUMNS = List.of("age", "gender", "home_area", "tariff", "device", "segment",
            "monthly_spend", "data_gb", "calls_per_month", "tenure_months");
    static final int AGE = 0;
    static final int GENDER = 1;
    static final int AREA = 2;
    static final int TARIFF = 3;
    static final int DEVICE = 4;
    static final int SEGMENT = 5;
    /** Cents. */
    static final int SPEND = 6;
    /** Tenths of a gigabyte. */
    static final int DATA = 7;
    static final int CALLS = 8;
    static final int TENURE = 9;

    private static final long STREAM_USAGE = 0x55534147L;
    private static final long STREAM_SYNTH = 0x53594E54L;
    private static final long STREAM_LEAK = 0x4C45414BL;

    private static final double[] TARIFF_SPEND = {12.0, 29.0, 55.0};
    private static final double[] DEVICE_SPEND = {1.25, 1.1, 0.9, 1.1, 0.95, 0.55};
    private static final double[] BAND_DATA = {14.0, 11.0, 8.0, 6.0, 4.0, 2.0};

    /** Which table. */
    public enum Part {
        ORIGINAL("original.csv"), CONTROL("control.csv"), RELEASE("release.csv");

        private final String fileName;

        Part(String fileName) {
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }
    }

    private final CityModel city;
    private final int[][] original;
    private final int[][] control;
    private final int[][] release;
    private final int copies;

    private EvaluationSample(CityModel city, int[][] original, int[][] control, int[][] release, int copies) {
        this.city = city;
        this.original = original;
        this.control = control;
        this.release = release;
        this.copies = copies;
    }

    /** Generates the three tables; checks for cancellation every few thousand rows. */
    public static EvaluationSample generate(EvaluationSampleParameters p, ProgressMonitor monitor) {
        CityModel city = CityModel.build(p.areas(), p.seed());
        int people = p.originalRows() + p.controlRows();
        Population pop = Population.generate(city, people, p.seed(), monitor.slice(0.0, 0.4));
        SplittableRandom usage = new SplittableRandom(Seeds.mix(p.seed(), STREAM_USAGE));
        int[][] all = new int[COLUMNS.size()][people];
        for (int i = 0; i < people; i++) {
            if (i % ProgressMonitor.CHECK_INTERVAL == 0) {
                monitor.checkCancelled();
                monitor.update("generate.progress.customers", i, people);
            }
            int band = pop.ageBand(i);
            int age = pop.age(i);
            all[AGE][i] = age;
            all[GENDER][i] = pop.gender(i);
            all[AREA][i] = pop.home(i);
            all[TARIFF][i] = pop.tariff(i);
            all[DEVICE][i] = pop.device(i);
            all[SEGMENT][i] = pop.segment(i);
            double spend = TARIFF_SPEND[pop.tariff(i)] * DEVICE_SPEND[pop.device(i)]
                    * Math.exp(0.3 * usage.nextGaussian());
            all[SPEND][i] = (int) Math.round(spend * 100);
            boolean feature = pop.device(i) == 5;
            double data = BAND_DATA[band] * (feature ? 0.05 : 1.0) * Math.exp(0.5 * usage.nextGaussian());
            all[DATA][i] = (int) Math.round(data * 10);
            all[CALLS][i] = (int) Math.round(Math.exp(Math.log(40 + 1.2 * (age - 18)) + 0.5 * usage.nextGaussian()));
            int maxTenure = 12 * (age - 18) + 11;
            int tenure = 1 + (int) Math.floor(-Math.log(1 - usage.nextDouble()) * 40);
            all[TENURE][i] = Math.min(maxTenure, tenure);
        }
        int[][] original = slice(all, 0, p.originalRows());
        int[][] control = slice(all, p.originalRows(), people);
        int[][] release = synthesise(original, p, monitor.slice(0.6, 1.0));
        return new EvaluationSample(city, original, control, release, p.copies());
    }

    private static int[][] slice(int[][] all, int from, int to) {
        int[][] out = new int[all.length][];
        for (int c = 0; c < all.length; c++) {
            out[c] = java.util.Arrays.copyOfRange(all[c], from, to);
        }
        return out;
    }

    private static int[][] synthesise(int[][] original, EvaluationSampleParameters p, ProgressMonitor monitor) {
        int n = original[0].length;
        int m = p.releaseRows();
        SplittableRandom rnd = new SplittableRandom(Seeds.mix(p.seed(), STREAM_SYNTH));
        int segments = Demography.SEGMENTS.size();
        int[][] bySegment = new int[segments][];
        int[] count = new int[segments];
        for (int i = 0; i < n; i++) {
            count[original[SEGMENT][i]]++;
        }
        for (int s = 0; s < segments; s++) {
            bySegment[s] = new int[count[s]];
        }
        int[] fill = new int[segments];
        for (int i = 0; i < n; i++) {
            int s = original[SEGMENT][i];
            bySegment[s][fill[s]++] = i;
        }
        int[][] out = new int[COLUMNS.size()][m];
        for (int r = 0; r < m; r++) {
            if (r % ProgressMonitor.CHECK_INTERVAL == 0) {
                monitor.checkCancelled();
                monitor.update("generate.progress.release", r, m);
            }
            int seg = original[SEGMENT][rnd.nextInt(n)];
            int[] pool = bySegment[seg];
            for (int c = 0; c < out.length; c++) {
                int donor = pool[rnd.nextInt(pool.length)];
                int v = original[c][donor];
                switch (c) {
                    case AGE -> v = Math.max(18, Math.min(89, v + rnd.nextInt(5) - 2));
                    case SPEND, DATA, CALLS -> v = (int) Math.round(v * Math.exp(0.1 * rnd.nextGaussian()));
                    case TENURE -> v = Math.max(1, v + (int) Math.round(3 * rnd.nextGaussian()));
                    case SEGMENT -> v = seg;
                    default -> {
                        // labels are taken as they are
                    }
                }
                out[c][r] = v;
            }
        }
        // the leak: verbatim copies of distinct original records at random release positions
        int k = p.copies();
        SplittableRandom leak = new SplittableRandom(Seeds.mix(p.seed(), STREAM_LEAK));
        int[] positions = sample(m, k, leak);
        int[] sources = sample(n, k, leak);
        for (int i = 0; i < k; i++) {
            for (int c = 0; c < out.length; c++) {
                out[c][positions[i]] = original[c][sources[i]];
            }
        }
        monitor.update("generate.progress.release", m, m);
        return out;
    }

    /** k distinct values of 0..n−1 (partial Fisher–Yates). */
    private static int[] sample(int n, int k, SplittableRandom rnd) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return java.util.Arrays.copyOf(a, k);
    }

    public int rows(Part part) {
        return table(part)[0].length;
    }

    /** Release rows that copy an original record. */
    public int copies() {
        return copies;
    }

    private int[][] table(Part part) {
        return switch (part) {
            case ORIGINAL -> original;
            case CONTROL -> control;
            case RELEASE -> release;
        };
    }

    /** The text of one cell (no commas, quotes or line breaks). */
    public String value(Part part, int column, int row) {
        int v = table(part)[column][row];
        return switch (column) {
            case GENDER -> Demography.GENDERS.get(v);
            case AREA -> city.areaId(v);
            case TARIFF -> Demography.TARIFFS.get(v);
            case DEVICE -> Demography.DEVICES.get(v);
            case SEGMENT -> Demography.SEGMENTS.get(v);
            case SPEND -> (v / 100) + (v % 100 < 10 ? ".0" : ".") + (v % 100);
            case DATA -> (v / 10) + "." + (v % 10);
            default -> Integer.toString(v);
        };
    }

    /** One table as a dataset (for benchmarks and tests that skip the CSV files). */
    public Dataset dataset(Part part) {
        int n = rows(part);
        List<Column> cols = new ArrayList<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
            ColumnBuilder b = new ColumnBuilder(COLUMNS.get(c), n);
            for (int r = 0; r < n; r++) {
                b.add(value(part, c, r));
            }
            ColumnType type = switch (c) {
                case AGE, CALLS, TENURE -> ColumnType.INTEGER;
                case SPEND, DATA -> ColumnType.DECIMAL;
                default -> ColumnType.CATEGORICAL;
            };
            cols.add(b.build(type));
        }
        return new Dataset(part.fileName(), cols);
    }
}

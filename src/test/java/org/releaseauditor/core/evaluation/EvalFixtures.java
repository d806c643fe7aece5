package org.releaseauditor.core.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnBuilder;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.TypeInference;

/** Small datasets for the evaluation tests. */
final class EvalFixtures {

    private EvalFixtures() {
    }

    /** A dataset from a header and rows of cells; "" is a missing value; types are inferred. */
    static Dataset dataset(String name, String[] header, List<String[]> rows) {
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < header.length; j++) {
            ColumnBuilder b = new ColumnBuilder(header[j]);
            for (String[] row : rows) {
                if (row[j] == null || row[j].isEmpty()) {
                    b.addMissing();
                } else {
                    b.add(row[j]);
                }
            }
            String[] dict = b.dictionarySnapshot();
            ColumnType type = TypeInference.infer(dict, b.cardinality());
            cols.add(b.build(type));
        }
        return new Dataset(name, cols);
    }

    static final String[] PEOPLE = {"age", "sex", "region", "income", "score", "job"};

    /**
     * People drawn independently from one fixed distribution: age 18–90, sex, 12 regions, a
     * continuous income (unique per person with probability 1), a score 0–100 and 6 jobs.
     */
    static List<String[]> people(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String[]> rows = new ArrayList<>(n);
        String[] jobs = {"clerk", "nurse", "driver", "teacher", "engineer", "retired"};
        for (int i = 0; i < n; i++) {
            int age = 18 + r.nextInt(73);
            String sex = r.nextBoolean() ? "F" : "M";
            String region = "R" + (1 + r.nextInt(12));
            double income = Math.round(15000 + 60000 * r.nextDouble() * r.nextDouble() * 100.0) / 100.0 + i * 1e-3;
            int score = r.nextInt(101);
            String job = jobs[r.nextInt(jobs.length)];
            rows.add(new String[] {Integer.toString(age), sex, region, String.format(Locale.ROOT, "%.3f", income),
                Integer.toString(score), job});
        }
        return rows;
    }

    static Dataset people(String name, int n, long seed) {
        return dataset(name, PEOPLE, people(n, seed));
    }

    /** A monitor that cancels after {@code updates} progress updates. */
    static org.releaseauditor.core.progress.CancellationFlag cancelAfter(int updates) {
        return new org.releaseauditor.core.progress.CancellationFlag() {
            private int seen;

            @Override
            public void update(String phase, long done, long total) {
                if (++seen >= updates) {
                    cancel();
                }
            }
        };
    }
}

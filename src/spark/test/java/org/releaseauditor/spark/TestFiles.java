package org.releaseauditor.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/** Synthetic inputs for the Spark tests (same shape as the default build's summary tests). */
final class TestFiles {
    private TestFiles() {
    }

    /**
     * {@code qis} skewed QIs (q0..), nominal "diag", ordered numeric "score" ("1" and "1.0" both
     * occur), a decimal weight and a household id; a share of missing (NA, empty) and suppressed
     * QI values, and some rows with every QI suppressed.
     */
    static void microdata(Path file, long rows, int qis, long seed, double missing) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        int[] card = {2, 90, 7, 16, 42, 9, 15, 5, 12, 30};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < qis; c++) {
                sb.append('q').append(c).append(',');
            }
            w.write(sb + "diag,score,weight,household\n");
            for (long i = 0; i < rows; i++) {
                sb.setLength(0);
                boolean allSuppressed = r.nextDouble() < missing / 10;
                for (int c = 0; c < qis; c++) {
                    double u = r.nextDouble();
                    double x = r.nextDouble();
                    if (allSuppressed) {
                        sb.append('*');
                    } else if (x < missing / 3) {
                        sb.append(x < missing / 6 ? "NA" : "");
                    } else if (x < missing) {
                        sb.append('*');
                    } else {
                        sb.append((char) ('a' + c)).append((int) (card[c % card.length] * u * u));
                    }
                    sb.append(',');
                }
                sb.append('d').append(r.nextInt(6)).append(',');
                int score = r.nextInt(12);
                sb.append(score == 1 && r.nextBoolean() ? "1.0" : Integer.toString(score)).append(',');
                sb.append(String.format(Locale.ROOT, "%.4f", 1 + 300 * r.nextDouble() * r.nextDouble())).append(',');
                sb.append('h').append(i / (1 + r.nextInt(4))).append('\n');
                w.write(sb.toString());
            }
        }
    }
}

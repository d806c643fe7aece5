package org.releaseauditor.core.summary;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.core.risk.MicrodataConfig;
import org.releaseauditor.io.summary.SummaryJson;
import org.releaseauditor.report.json.MicrodataJson;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.microdata.MicrodataAnalysisService;

/** Shared helpers of the summary tests: the raw-data path, the summary path, synthetic files. */
final class SummaryTestData {
    /** The service's population-curve fractions ({@code MicrodataAnalysisService.CURVE_FRACTIONS}). */
    static final List<Double> CURVE = List.of(0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5);

    private SummaryTestData() {
    }

    static Dataset load(Path file, ImportOptions io) throws AuditException {
        return new DatasetService().load(file, io, ProgressMonitor.none());
    }

    /** The raw-data path as the CLI runs it (without SUDA2, which a summary cannot give). */
    static String rawJson(Dataset ds, MicrodataConfig cfg) throws AuditException {
        MicrodataAnalysis a = new MicrodataAnalysisService().analyze(ds, cfg, null, false, ProgressMonitor.none());
        return MicrodataJson.write(a);
    }

    /** Summary made in process, written to JSON, read back and audited. */
    static SummaryMicrodataAnalysis viaSummary(Dataset ds, MicrodataConfig cfg, int maxQiSubset, Path dir)
            throws AuditException {
        MicrodataSummary.Options o = new MicrodataSummary.Options(cfg.quasiIdentifiers(), cfg.sensitive(),
                cfg.weightColumn(), cfg.householdColumn(), maxQiSubset, java.util.Map.of("delimiter", "sniffed"));
        MicrodataSummary s = MicrodataSummaries.build(ds, o, new SummaryInput(ds.name(), null, -1, ds.rowCount()),
                ProgressMonitor.none());
        Path json = dir.resolve("summary-" + System.nanoTime() + ".json");
        SummaryJson.write(s, json);
        MicrodataSummary back = SummaryJson.readMicrodata(json);
        if (!back.equals(s)) {
            throw new AssertionError("summary JSON does not round-trip");
        }
        return MicrodataSummaryAudit.analyze(back, cfg, CURVE, ProgressMonitor.none());
    }

    /**
     * A synthetic microdata file: {@code qis} skewed QIs (q0..), a nominal sensitive "diag", an
     * ordered numeric sensitive "score" (with "1" and "1.0" both present), a decimal weight, a
     * household id; a share of missing (NA, empty) and suppressed (*) QI values, and some rows with
     * every QI suppressed.
     */
    static void write(Path file, long rows, int qis, long seed, double missing) throws IOException {
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

package org.releaseauditor.service.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.remediation.microdata.MicrodataSearchResult;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.microdata.MicrodataRequest;
import org.releaseauditor.service.remediation.MicrodataRemediationRequest;
import org.releaseauditor.service.remediation.MicrodataRemediationService;
import org.releaseauditor.service.remediation.MicrodataWhatIf;
import org.releaseauditor.service.remediation.RemediationCall;

/**
 * {@code release-auditor bench remediation}: the microdata remediation search of issue 17 on its
 * two benchmark inputs, each under k = 5 (policy {@code min-group-5}) with at most 5 % of the
 * records suppressed: adult.csv with the eight usual quasi-identifiers and ARX's standard
 * hierarchy files, and N rows resampled from adult.csv (one in five quasi-identifier values
 * swapped) with the same hierarchies. For each it times, with wall and
 * process-CPU time, the preparation (import, hierarchies, grouping once) and the search under
 * each chosen loss measure, and reports the lattice size, the evaluated nodes and the optimum.
 */
public final class RemediationBenchmark {

    /** The eight quasi-identifiers of adult.csv (ARX's example and the parity test). */
    public static final List<String> ADULT_QIS = List.of("sex", "age", "race", "marital-status", "education",
            "native-country", "workclass", "occupation");

    private final MicrodataRemediationService service = new MicrodataRemediationService();

    /** One search: its measure, times, lattice statistics and optimum. */
    public record Search(String measure, MicrodataBenchmark.Step step, long latticeSize, long evaluatedNodes,
            Map<String, Integer> optimum, double loss, long suppressedRecords) {
    }

    /** One input: its preparation and its searches. */
    public record Result(String input, long rows, MicrodataBenchmark.Step prepare, List<Search> searches) {

        public String text() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %,d rows, 8 QIs, k = 5, at most 5 %% "
                    + "suppressed%n", input, rows));
            sb.append(prepare.text()).append(System.lineSeparator());
            for (Search s : searches) {
                sb.append(s.step().text()).append(System.lineSeparator());
                sb.append(String.format(Locale.ROOT, "    optimum %s, loss %.6f, %,d records suppressed%n",
                        s.optimum() == null ? "none" : s.optimum(), s.loss(), s.suppressedRecords()));
            }
            return sb.toString();
        }
    }

    /**
     * adult.csv with the hierarchy files {@code adult_<qi>.csv} of {@code hierarchies}.
     *
     * @param measures loss measure ids ({@code loss}, {@code discernibility}, {@code entropy}, {@code precision})
     */
    public Result adult(Path adult, Path hierarchies, List<String> measures, ProgressMonitor monitor)
            throws AuditException {
        Map<String, String> specs = new LinkedHashMap<>();
        for (String q : ADULT_QIS) {
            specs.put(q, hierarchies.resolve("adult_" + q + ".csv").toString());
        }
        return run("adult.csv", adult, ADULT_QIS, specs, true, measures, monitor);
    }

    /**
     * {@code rows} rows drawn from adult.csv with replacement, each quasi-identifier value replaced
     * with probability 0.2 by the value of another random row (so that combinations not in adult
     * occur), searched with the same hierarchy files: the 1 M-row input of
     * {@code RemediationBenchmarkTest} and src/docs/remediation.md. Written to a temporary file in
     * {@code dir}, deleted afterwards.
     */
    public Result resampled(Path adult, Path hierarchies, long rows, long seed, Path dir, List<String> measures,
            ProgressMonitor monitor) throws AuditException, IOException {
        Path file = Files.createTempFile(dir, "bench-remediation-", ".csv");
        try {
            writeResampled(adult, file, rows, seed);
            Map<String, String> specs = new LinkedHashMap<>();
            for (String q : ADULT_QIS) {
                specs.put(q, hierarchies.resolve("adult_" + q + ".csv").toString());
            }
            return run(String.format(Locale.ROOT, "adult.csv resampled (seed %d)", seed), file, ADULT_QIS, specs,
                    true, measures, monitor);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Writes the resampled file (semicolon-separated, as adult.csv). */
    static void writeResampled(Path adult, Path out, long rows, long seed) throws AuditException, IOException {
        Dataset a = new DatasetService().load(adult, ImportOptions.defaults(), ProgressMonitor.none());
        List<Column> cols = a.columns();
        int[] qi = new int[cols.size()];
        for (int c = 0; c < cols.size(); c++) {
            qi[c] = ADULT_QIS.contains(cols.get(c).name()) ? 1 : 0;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = a.rowCount();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(String.join(";", a.columnNames()));
            w.write('\n');
            StringBuilder sb = new StringBuilder(128);
            for (long r = 0; r < rows; r++) {
                sb.setLength(0);
                int src = rnd.nextInt(n);
                for (int c = 0; c < cols.size(); c++) {
                    int from = qi[c] == 1 && rnd.nextDouble() < 0.2 ? rnd.nextInt(n) : src;
                    String v = cols.get(c).valueAt(from);
                    if (c > 0) {
                        sb.append(';');
                    }
                    sb.append(v == null ? "" : v);
                }
                sb.append('\n');
                w.append(sb);
            }
        }
    }

    private Result run(String name, Path data, List<String> qis, Map<String, String> hierarchies, boolean files,
            List<String> measures, ProgressMonitor monitor) throws AuditException {
        Result out = null;
        List<Search> searches = new ArrayList<>();
        MicrodataBenchmark.Step prepare = null;
        long rows = 0;
        for (int i = 0; i < measures.size(); i++) {
            MicrodataRemediationRequest.Builder b = MicrodataRemediationRequest.builder()
                    .analysis(MicrodataRequest.builder().quasiIdentifiers(qis).suda(false).data(data.toString())
                            .buildCall())
                    .policy("min-group-5").maxSuppression(0.05).measure(measures.get(i)).paretoBudget(0);
            for (Map.Entry<String, String> h : hierarchies.entrySet()) {
                if (files) {
                    b.hierarchyFile(h.getKey(), h.getValue());
                } else {
                    b.hierarchy(h.getKey(), h.getValue());
                }
            }
            RemediationCall<MicrodataRemediationRequest> call = b.buildCall();
            MicrodataRemediationService.Checked c = service.check(call);
            // the search depends on the measure only: prepare once, reuse for the other measures
            MicrodataBenchmark.Timer t = new MicrodataBenchmark.Timer();
            MicrodataWhatIf w = service.prepare(call.request(), c.inputs(), c.policy(), monitor);
            if (prepare == null) {
                prepare = t.step("prepare (import, hierarchies, grouping)", w.records() + " records");
                rows = w.records();
            }
            t = new MicrodataBenchmark.Timer();
            MicrodataSearchResult r = w.search(monitor);
            MicrodataBenchmark.Step step = t.step("search, " + measures.get(i), r.evaluatedNodes() + " of "
                    + r.latticeSize() + " nodes evaluated");
            searches.add(new Search(measures.get(i), step, r.latticeSize(), r.evaluatedNodes(),
                    r.optimum() == null ? null : w.levelMap(r.optimum().levels()),
                    r.optimum() == null ? Double.NaN : lossOf(r, measures.get(i)),
                    r.optimum() == null ? 0 : r.optimum().suppressedRecords()));
            out = new Result(name, rows, prepare, searches);
        }
        return out;
    }

    private static double lossOf(MicrodataSearchResult r, String measure) {
        for (var e : r.optimum().losses().entrySet()) {
            if (e.getKey().id().equals(measure)) {
                return e.getValue();
            }
        }
        return Double.NaN;
    }
}

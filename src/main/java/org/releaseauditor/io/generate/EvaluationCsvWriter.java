package org.releaseauditor.io.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.generate.EvaluationSample;
import org.releaseauditor.core.generate.GeneratedFile;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Writes an {@link EvaluationSample} as {@code original.csv}, {@code release.csv} and (when it has
 * rows) {@code control.csv}: comma-separated, a header line, UTF-8 (ASCII), lines ending in
 * {@code \n}, hashed while written.
 */
public final class EvaluationCsvWriter {

    private EvaluationCsvWriter() {
    }

    /** The file names this writer may create. */
    public static List<String> fileNames() {
        List<String> names = new ArrayList<>();
        for (EvaluationSample.Part p : EvaluationSample.Part.values()) {
            names.add(p.fileName());
        }
        return names;
    }

    /** Writes the files into {@code dir}, original first; returns them in writing order. */
    public static List<GeneratedFile> write(EvaluationSample sample, Path dir, ProgressMonitor monitor)
            throws IOException {
        List<GeneratedFile> files = new ArrayList<>();
        EvaluationSample.Part[] order = {EvaluationSample.Part.ORIGINAL, EvaluationSample.Part.RELEASE,
            EvaluationSample.Part.CONTROL};
        long total = 0;
        for (EvaluationSample.Part p : order) {
            total += sample.rows(p);
        }
        long done = 0;
        String header = String.join(",", EvaluationSample.COLUMNS);
        int columns = EvaluationSample.COLUMNS.size();
        for (EvaluationSample.Part p : order) {
            int rows = sample.rows(p);
            if (rows == 0) {
                continue;
            }
            try (HashingCsvWriter w = new HashingCsvWriter(dir, p.fileName(), header)) {
                for (int r = 0; r < rows; r++) {
                    if (r % ProgressMonitor.CHECK_INTERVAL == 0) {
                        monitor.checkCancelled();
                        monitor.update("generate.progress.writing", done + r, total);
                    }
                    for (int c = 0; c < columns; c++) {
                        if (c > 0) {
                            w.comma();
                        }
                        w.ascii(sample.value(p, c, r));
                    }
                    w.endLine();
                }
                files.add(w.finish());
            }
            done += rows;
        }
        monitor.update("generate.progress.writing", total, total);
        return files;
    }
}

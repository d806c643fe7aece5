package org.releaseauditor.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.remediation.trajectory.TrajectoryRemediation;

/**
 * Writes remediated copies as delimited UTF-8 text with a header row and LF line ends: a dataset
 * (microdata, or a count table with withheld cells), or transformed events. A missing value is an
 * empty field, a suppressed value {@code *}; a field is quoted with {@code "} when it contains the
 * delimiter, a quote or a line break, or starts or ends with a space. The copy is written to a
 * temporary file next to the target and moved into place, so a crash never leaves half a file;
 * the returned fingerprint is the SHA-256 of the bytes written.
 */
public final class RemediatedCsvWriter {

    private RemediatedCsvWriter() {
    }

    /** Writes a dataset. */
    public static DatasetFingerprint write(Dataset data, Path out, char delimiter, ProgressMonitor monitor)
            throws DatasetFormatException {
        List<Column> cols = data.columns();
        return atomically(out, w -> {
            for (int c = 0; c < cols.size(); c++) {
                if (c > 0) {
                    w.write(delimiter);
                }
                w.write(field(cols.get(c).name(), delimiter));
            }
            w.write('\n');
            int rows = data.rowCount();
            for (int r = 0; r < rows; r++) {
                if ((r & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                    monitor.checkCancelled();
                    monitor.update("Writing", r, rows);
                }
                for (int c = 0; c < cols.size(); c++) {
                    if (c > 0) {
                        w.write(delimiter);
                    }
                    String v = cols.get(c).valueAt(r);
                    w.write(v == null ? "" : field(v, delimiter));
                }
                w.write('\n');
            }
        }, monitor);
    }

    /**
     * Writes transformed events with the given column names: pseudonym, time, location, and
     * latitude and longitude when the areas have coordinates.
     */
    public static DatasetFingerprint writeEvents(TrajectoryRemediation.Transformed events, List<String> names, Path out,
                                                 char delimiter, ProgressMonitor monitor) throws DatasetFormatException {
        boolean coords = events.lat() != null;
        return atomically(out, w -> {
            int cols = coords ? 5 : 3;
            for (int c = 0; c < cols; c++) {
                if (c > 0) {
                    w.write(delimiter);
                }
                w.write(field(names.get(c), delimiter));
            }
            w.write('\n');
            for (int e = 0; e < events.size(); e++) {
                if ((e & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                    monitor.checkCancelled();
                }
                w.write(field(events.user()[e], delimiter));
                w.write(delimiter);
                w.write(field(events.time()[e], delimiter));
                w.write(delimiter);
                w.write(field(events.location()[e], delimiter));
                if (coords) {
                    w.write(delimiter);
                    w.write(Double.toString(events.lat()[e]));
                    w.write(delimiter);
                    w.write(Double.toString(events.lng()[e]));
                }
                w.write('\n');
            }
        }, monitor);
    }

    /** Quotes a field when it needs it. */
    static String field(String v, char delimiter) {
        boolean needs = v.indexOf(delimiter) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0
                || v.indexOf('\r') >= 0 || !v.isEmpty() && (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' ');
        return needs ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static DatasetFingerprint atomically(Path out, Body body, ProgressMonitor monitor)
            throws DatasetFormatException {
        Path abs = out.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            tmp = Files.createTempFile(dir, abs.getFileName().toString(), ".part");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            try {
                Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new DatasetFormatException(e, abs.toString(), 0, 0, "remediation.write.failed", abs.toString(),
                    String.valueOf(e.getMessage()));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is left behind; nothing else to do
                }
            }
        }
        return DatasetFingerprint.of(abs, monitor);
    }
}

package org.releaseauditor.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.model.ColumnBuilder;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Loads datasets for every lane (GUI and CLI).
 *
 * <p>PROVISIONAL implementation (naive split, no quoting, no sniffing): the io helper replaces the
 * body of {@link #load} with the real streaming importer; the signature stays.
 */
public final class DatasetService {

    /** Loads a delimited text file into a dictionary-encoded dataset. */
    public Dataset load(Path file, ImportOptions options, ProgressMonitor monitor) throws AuditException {
        Charset cs = options.encoding() == null ? StandardCharsets.UTF_8 : Charset.forName(options.encoding());
        try (BufferedReader r = Files.newBufferedReader(file, cs)) {
            String head = r.readLine();
            if (head == null) {
                throw new DatasetFormatException(file.toString(), 1, 0, "io.error.empty", file.toString());
            }
            char d = options.delimiter() != null ? options.delimiter()
                    : head.indexOf(';') >= 0 ? ';' : head.indexOf('\t') >= 0 ? '\t' : ',';
            String[] names = head.split(java.util.regex.Pattern.quote(String.valueOf(d)), -1);
            List<ColumnBuilder> cols = new ArrayList<>();
            for (String n : names) {
                cols.add(new ColumnBuilder(n.trim()));
            }
            String line;
            long lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if ((lineNo & 4095) == 0) {
                    monitor.checkCancelled();
                }
                String[] v = line.split(java.util.regex.Pattern.quote(String.valueOf(d)), -1);
                if (v.length != names.length) {
                    throw new DatasetFormatException(file.toString(), lineNo, 0, "io.error.ragged", file.toString(),
                            lineNo, names.length, v.length);
                }
                for (int i = 0; i < v.length; i++) {
                    String s = v[i];
                    if (options.suppressionMarkers().contains(s)) {
                        cols.get(i).addSuppressed();
                    } else if (options.missingTokens().contains(s)) {
                        cols.get(i).addMissing();
                    } else {
                        cols.get(i).add(s);
                    }
                }
            }
            List<org.releaseauditor.core.model.Column> built = new ArrayList<>();
            for (ColumnBuilder b : cols) {
                built.add(b.build(ColumnType.CATEGORICAL));
            }
            return new Dataset(file.getFileName().toString(), built);
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(e, file.toString(), 0, 0, "io.error.notFound", file.toString());
        } catch (IOException e) {
            throw new DatasetFormatException(e, file.toString(), 0, 0, "io.error.unreadable", file.toString(),
                    String.valueOf(e.getMessage()));
        }
    }
}

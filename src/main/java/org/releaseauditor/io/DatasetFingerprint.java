package org.releaseauditor.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * The identity of a dataset file: SHA-256 of its bytes, its size and modification time. A
 * decision refers to exactly this file; {@code verify} re-hashes it.
 *
 * @param path         absolute, normalised path
 * @param sha256       lower-case hex SHA-256 of the file's bytes
 * @param sizeBytes    file size
 * @param lastModified modification time
 */
public record DatasetFingerprint(Path path, String sha256, long sizeBytes, Instant lastModified) {

    /** Hashes a file, reporting progress in bytes. */
    public static DatasetFingerprint of(Path file, ProgressMonitor monitor) throws DatasetFormatException {
        Path abs = file.toAbsolutePath().normalize();
        try {
            long size = Files.size(abs);
            Instant modified = Files.getLastModifiedTime(abs).toInstant();
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            long done = 0;
            try (InputStream in = Files.newInputStream(abs)) {
                int r;
                int chunk = 0;
                while ((r = in.read(buf)) > 0) {
                    md.update(buf, 0, r);
                    done += r;
                    if ((++chunk & 63) == 0) {
                        monitor.checkCancelled();
                        monitor.update("input.progress.hashing", done, size);
                    }
                }
            }
            return new DatasetFingerprint(abs, HexFormat.of().formatHex(md.digest()), size, modified);
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(e, abs.toString(), 0, 0, "io.error.notFound", abs.toString());
        } catch (IOException e) {
            throw new DatasetFormatException(e, abs.toString(), 0, 0, "io.error.unreadable", abs.toString(),
                    String.valueOf(e.getMessage()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}

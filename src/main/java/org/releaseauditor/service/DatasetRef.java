package org.releaseauditor.service;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One input file of a lane: where it is and, once it was read, the SHA-256 and size of the bytes
 * that were actually read. A result carries the refs of everything it read, so a case can refuse
 * to record it against a file that changed since.
 *
 * @param path      absolute, normalised path
 * @param sha256    lower-case hex SHA-256 of the bytes read, or null before reading (or when the
 *                  caller expects no particular content)
 * @param sizeBytes size of the bytes read, or -1 before reading
 */
public record DatasetRef(Path path, String sha256, long sizeBytes) {

    public DatasetRef {
        path = Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
    }

    /** A file that has not been read yet. */
    public static DatasetRef of(Path file) {
        return new DatasetRef(file, null, -1);
    }

    /**
     * A file that must have this content: reading it fails when its bytes hash to anything else
     * (a run of a case reads a registered file; a rerun reads the file a recorded run read).
     */
    public static DatasetRef expecting(Path file, String sha256) {
        return new DatasetRef(file, sha256, -1);
    }

    /** Whether the SHA-256 is known. */
    public boolean hashed() {
        return sha256 != null;
    }

    /** The file name (without folders). */
    public String fileName() {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }
}

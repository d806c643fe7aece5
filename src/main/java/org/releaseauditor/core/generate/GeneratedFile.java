package org.releaseauditor.core.generate;

/**
 * One file written by the city generator.
 *
 * @param name   file name relative to the output folder
 * @param rows   data rows (without the header)
 * @param bytes  file size
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 */
public record GeneratedFile(String name, long rows, long bytes, String sha256) {
}

/**
 * Importers and dataset fingerprints: {@code CsvImporter} (byte-level, dictionary-encoding reader
 * for CSV/TSV/semicolon/pipe files with sniffing), {@code SqliteImporter} (read-only sqlite-jdbc),
 * {@code DatasetFingerprint} (SHA-256). Depends on core and its libraries only; no JavaFX,
 * service, cli or ui. Used only through {@code service.DatasetService}.
 */
package org.releaseauditor.io;

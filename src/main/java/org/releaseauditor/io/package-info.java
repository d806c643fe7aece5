/**
 * Importers (CSV/TSV, SQLite) and dataset fingerprints. Depends on core only; no JavaFX,
 * service, cli or ui.
 */
package org.releaseauditor.io;

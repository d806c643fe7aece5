/**
 * CSV writers for the synthetic city and the evaluation sample ({@code core.generate}): streaming,
 * hashing while writing.
 * Depends on core only; no JavaFX, service, cli or ui.
 */
package org.releaseauditor.io.generate;

/**
 * Plain immutable records describing the content of an audit case file (case metadata, datasets,
 * runs, findings, decisions, events, verification results), shared by {@code audit},
 * {@code service}, the CLI and the GUI. java.base only; no SQL, no JSON library.
 */
package org.releaseauditor.core.casefile;

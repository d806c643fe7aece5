/**
 * The audit case file: the {@link org.releaseauditor.audit.AuditStore} port, the canonical JSON
 * used for hashing, and policy-profile JSON ({@link org.releaseauditor.audit.PolicyJson}). The
 * SQLite implementation lives in {@code audit.sqlite}. Uses core, Jackson and sqlite-jdbc; must
 * not import JavaFX, service, cli or ui.
 */
package org.releaseauditor.audit;

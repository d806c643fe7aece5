/**
 * The SQLite implementation of the audit store (sqlite-jdbc): schema migrations, append-only
 * triggers, hash chain, locking and verification. No JavaFX, service, cli or ui.
 */
package org.releaseauditor.audit.sqlite;

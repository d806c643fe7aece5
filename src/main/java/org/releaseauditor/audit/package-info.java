/** The SQLite case file: append-only, hash-chained event log. No JavaFX, service, cli or ui. */
package org.releaseauditor.audit;

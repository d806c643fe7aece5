package org.releaseauditor.audit.sqlite;

import java.nio.file.Path;
import java.sql.SQLException;
import org.releaseauditor.core.error.AuditStoreException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite errors into messages a user can act on. */
final class SqlErrors {

    private SqlErrors() {
    }

    static AuditStoreException translate(SQLException e, Path file) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_NOTADB) {
                return new AuditStoreException(e, "audit.error.notSqlite", file.toString());
            }
            if (code == SQLiteErrorCode.SQLITE_CORRUPT || code == SQLiteErrorCode.SQLITE_CORRUPT_INDEX
                    || code == SQLiteErrorCode.SQLITE_CORRUPT_SEQUENCE || code == SQLiteErrorCode.SQLITE_CORRUPT_VTAB) {
                return new AuditStoreException(e, "audit.error.corrupt", file.toString(), se.getMessage());
            }
            if (code == SQLiteErrorCode.SQLITE_READONLY) {
                return new AuditStoreException(e, "audit.error.readOnly", file.toString());
            }
            if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_TRIGGER) {
                return new AuditStoreException(e, "audit.error.appendOnly", file.toString());
            }
            if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED
                    || code == SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT || code == SQLiteErrorCode.SQLITE_BUSY_RECOVERY) {
                return new AuditStoreException(e, "audit.error.busy", file.toString(), "SQLite",
                        CaseSchema.BUSY_TIMEOUT_MS / 1000);
            }
        }
        return new AuditStoreException(e, "audit.error.sql", file.toString(), String.valueOf(e.getMessage()));
    }
}

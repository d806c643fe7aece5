package org.releaseauditor.audit.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.releaseauditor.core.error.AuditStoreException;
import org.releaseauditor.core.i18n.Messages;

/**
 * The schema version sits in the SQLite file header, outside the hash chain. Found by the case
 * store fuzzing: a changed header byte (version 2 read as -268435454) let a reader open the case
 * and verify report everything as holding. The version must match the tables the file has.
 */
class SchemaVersionHeaderTest {

    @TempDir
    Path dir;

    @BeforeEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, -1, -268435454})
    void aHeaderVersionThatDoesNotMatchTheTablesIsReportedAsCorrupt(int version) throws Exception {
        Path file = CaseFixture.fullCase(dir);
        CaseFixture.sql(file, "PRAGMA user_version=" + version);
        AuditStoreException e = assertThrows(AuditStoreException.class, () -> JdbcAuditStore.open(file, true, "t"));
        assertEquals("audit.error.corrupt", e.messageKey());
        assertTrue(e.getMessage().contains("does not match the tables"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void everySchemaVersionNamesItsOwnTables(int version) {
        // V001 has 8 tables, V002 adds decision_record, output_decision and review
        assertEquals(version == 1 ? 8 : 11, CaseSchema.tablesUpTo(version).size());
    }
}

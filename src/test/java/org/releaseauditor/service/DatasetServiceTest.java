package org.releaseauditor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.model.RoleSuggester;
import org.releaseauditor.core.model.RoleSuggestion;
import org.releaseauditor.core.model.SniffResult;
import org.releaseauditor.core.progress.ProgressMonitor;

class DatasetServiceTest {

    @TempDir
    Path dir;

    private final DatasetService service = new DatasetService();

    @Test
    void sniffsAndLoadsADelimitedFileWithTheSameResult() throws Exception {
        Path p = Files.writeString(dir.resolve("s.csv"), "plz;age;income\n50667;31;\"1.200\"\n10115;45;900\n");
        SniffResult s = service.sniff(p, ImportOptions.defaults());
        assertEquals(';', s.delimiter());
        List<RoleSuggestion> roles = RoleSuggester.suggest(s);
        assertEquals(List.of(AttributeRole.QUASI_IDENTIFIER, AttributeRole.QUASI_IDENTIFIER, AttributeRole.SENSITIVE),
                roles.stream().map(RoleSuggestion::role).toList());
        Dataset ds = service.load(p, s.toOptions(ImportOptions.defaults()), ProgressMonitor.none());
        assertEquals(s.columnNames(), ds.columnNames());
        assertEquals(2, ds.rowCount());
    }

    @Test
    void loadsSqliteTablesAndQueries() throws Exception {
        Path db = dir.resolve("d.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE t (a TEXT, b INTEGER)");
            st.executeUpdate("INSERT INTO t VALUES ('x', 1), ('y', 2), ('x', 3)");
        }
        assertEquals(List.of("t"), service.listSqliteTables(db));
        assertEquals(3, service.loadSqliteTable(db, "t", ImportOptions.defaults(), ProgressMonitor.none()).rowCount());
        Dataset q = service.loadSqliteQuery(db, "SELECT DISTINCT a FROM t", ImportOptions.defaults(),
                ProgressMonitor.none());
        assertEquals(2, q.rowCount());
    }

    @Test
    void badInputSurfacesAsADatasetFormatException() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> service.load(dir.resolve("missing.csv"), ImportOptions.defaults(), ProgressMonitor.none()));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}

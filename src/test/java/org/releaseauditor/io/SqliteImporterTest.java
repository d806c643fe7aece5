package org.releaseauditor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;

class SqliteImporterTest {

    @TempDir
    Path dir;

    private Path db;
    private final SqliteImporter importer = new SqliteImporter();

    @BeforeEach
    void createDatabase() throws Exception {
        db = dir.resolve("survey.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE person (age INTEGER, sex TEXT, income REAL, seen TEXT)");
            st.executeUpdate("INSERT INTO person VALUES (30,'m',1200.5,'2024-01-02'),(40,'f',NULL,'2024-02-03'),"
                    + "(30,'*',900,'2024-03-04T10:00:00'),(NULL,'f',1000.25,NULL)");
            st.executeUpdate("CREATE TABLE \"odd \"\"name\" (x TEXT)");
            st.executeUpdate("INSERT INTO \"odd \"\"name\" VALUES ('a')");
            st.executeUpdate("CREATE VIEW adults AS SELECT age, sex FROM person WHERE age >= 18");
        }
    }

    @Test
    void listsTablesAndViews() throws Exception {
        assertEquals(List.of("adults", "odd \"name", "person"), importer.listTables(db));
    }

    @Test
    void readsATableWithNullsAsMissingAndInfersTypes() throws Exception {
        Dataset ds = importer.readTable(db, "person", ImportOptions.defaults(), ProgressMonitor.none());
        assertEquals(4, ds.rowCount());
        assertEquals(List.of("age", "sex", "income", "seen"), ds.columnNames());
        Column age = ds.column("age").orElseThrow();
        assertEquals(ColumnType.INTEGER, age.type());
        assertEquals(age.code(0), age.code(2));
        assertEquals(Column.MISSING, age.code(3));
        Column sex = ds.column("sex").orElseThrow();
        assertEquals(Column.SUPPRESSED, sex.code(2));
        assertEquals(2, sex.cardinality());
        assertEquals(ColumnType.DECIMAL, ds.column("income").orElseThrow().type());
        assertEquals(ColumnType.DATE_TIME, ds.column("seen").orElseThrow().type());
        assertEquals(1, importer.readTable(db, "odd \"name", ImportOptions.defaults(), ProgressMonitor.none())
                .rowCount());
    }

    @Test
    void readsAQuery() throws Exception {
        Dataset ds = importer.readQuery(db, "SELECT sex, count(*) AS n FROM person WHERE sex <> '*' GROUP BY sex",
                ImportOptions.defaults(), ProgressMonitor.none());
        assertEquals(List.of("sex", "n"), ds.columnNames());
        assertEquals(2, ds.rowCount());
        assertEquals("2", ds.column("n").orElseThrow().valueAt(0));
    }

    @Test
    void opensTheDatabaseReadOnly() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> importer.readQuery(db,
                "DELETE FROM person", ImportOptions.defaults(), ProgressMonitor.none()));
        assertTrue(e.getMessage().contains("cannot be run"), e.getMessage());
    }

    @Test
    void unknownTableListsTheAvailableOnes() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> importer.readTable(db, "persons", ImportOptions.defaults(), ProgressMonitor.none()));
        assertTrue(e.getMessage().contains("no table or view 'persons'")
                && e.getMessage().contains("adults, odd \"name, person"), e.getMessage());
    }

    @Test
    void badSqlIsReportedWithTheDatabaseMessage() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> importer.readQuery(db, "SELEC * FROM person", ImportOptions.defaults(), ProgressMonitor.none()));
        assertTrue(e.getMessage().contains("the query cannot be run") && e.getMessage().contains("syntax"),
                e.getMessage());
    }

    @Test
    void aFileThatIsNotSqliteIsReported() throws Exception {
        Path csv = Files.writeString(dir.resolve("data.csv"), "a,b\n1,2\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> importer.listTables(csv));
        assertTrue(e.getMessage().contains("is not an SQLite database"), e.getMessage());
        DatasetFormatException missing = assertThrows(DatasetFormatException.class,
                () -> importer.listTables(dir.resolve("none.db")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    @Test
    void typeOverridesApplyAndAreChecked() throws Exception {
        Dataset ds = importer.readTable(db, "person", ImportOptions.defaults()
                .withTypeOverride("age", ColumnType.CATEGORICAL), ProgressMonitor.none());
        assertEquals(ColumnType.CATEGORICAL, ds.column("age").orElseThrow().type());
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> importer.readTable(db, "person",
                ImportOptions.defaults().withTypeOverride("sex", ColumnType.INTEGER), ProgressMonitor.none()));
        assertTrue(e.getMessage().contains("column 'sex'") && e.getMessage().contains("2 of 2"), e.getMessage());
        DatasetFormatException unknown = assertThrows(DatasetFormatException.class, () -> importer.readTable(db,
                "person", ImportOptions.defaults().withTypeOverride("agee", ColumnType.INTEGER),
                ProgressMonitor.none()));
        assertTrue(unknown.getMessage().contains("'agee'") && unknown.getMessage().contains("closest match: age"),
                unknown.getMessage());
    }
}

package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.cli.AnalyzeMicrodataCommandTest.Run;

/** Every analyze command reads SQLite tables and queries through the shared import options. */
public class SqliteInputTest {

    public static Path database(Path dir) throws Exception {
        Path db = dir.resolve("release.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE people (age INTEGER, sex TEXT, zip TEXT)");
            s.execute("INSERT INTO people VALUES (30,'m','10115'),(30,'m','10115'),(30,'f','10115'),(40,'m','10117')");
            s.execute("CREATE TABLE events (uid TEXT, ts TEXT, cell TEXT)");
            s.execute("INSERT INTO events VALUES ('a','2025-01-01T08:00:00','C1'),('a','2025-01-01T09:00:00','C2'),"
                    + "('b','2025-01-01T08:00:00','C1'),('b','2025-01-01T10:00:00','C3')");
        }
        return db;
    }

    @Test
    void microdataFromASqliteTable(@TempDir Path dir) throws Exception {
        Path db = database(dir);
        Run r = AnalyzeMicrodataCommandTest.run("analyze", "microdata", "--data", db.toString(), "--sqlite-table",
                "people", "--qi", "age,sex", "--format", "json", "-q");
        assertEquals(0, r.code(), r.err());
        // classes {30,m}x2, {30,f}x1, {40,m}x1
        assertEquals(4, r.json().get("records").asInt());
        assertEquals(3, r.json().get("classes").asInt());
        assertEquals(1, r.json().get("k").asInt());
    }

    @Test
    void microdataFromASqliteQuery(@TempDir Path dir) throws Exception {
        Path db = database(dir);
        Run r = AnalyzeMicrodataCommandTest.run("analyze", "microdata", "--data", db.toString(), "--sqlite-query",
                "SELECT age, sex FROM people WHERE sex = 'm'", "--qi", "age,sex", "--format", "json", "-q");
        assertEquals(0, r.code(), r.err());
        assertEquals(3, r.json().get("records").asInt());
        assertEquals(2, r.json().get("classes").asInt());
    }

    @Test
    void aDatabaseWithSeveralTablesNeedsATableName(@TempDir Path dir) throws Exception {
        Path db = database(dir);
        Run r = AnalyzeMicrodataCommandTest.run("analyze", "microdata", "--data", db.toString(), "--qi", "age", "-q");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--sqlite-table") && r.err().contains("events") && r.err().contains("people"),
                r.err());
    }

    @Test
    void trajectoriesFromASqliteTable(@TempDir Path dir) throws Exception {
        Path db = database(dir);
        Run r = AnalyzeMicrodataCommandTest.run("analyze", "trajectories", "--data", db.toString(), "--sqlite-table",
                "events", "--user", "uid", "--time", "ts", "--location", "cell", "--points", "1..1", "--format",
                "json", "-q");
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.json().get("users").asInt());
        // one point: a user is unique unless the drawn point is (C1, 08h), which both share
        assertEquals(2, r.json().get("unicity").get(0).get("sampledUsers").asInt());
    }
}

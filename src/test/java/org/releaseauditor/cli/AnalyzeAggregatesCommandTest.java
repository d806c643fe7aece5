package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeAggregatesCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ReleaseAuditorCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void analysesALinkedReleaseSetEndToEndAsJson() throws Exception {
        Path a = write("a.csv", """
                area,age,count
                a1,young,x
                a1,old,9
                a1,Total,x
                a2,young,12
                a2,old,30
                a2,Total,42
                """);
        Path b = write("b.csv", """
                area,gender,n
                a1,f,6
                a1,m,6
                a1,Total,12
                a2,f,20
                a2,m,22
                a2,Total,42
                """);
        Path week2 = write("a2.csv", """
                area,age,count
                a1,young,x
                a1,old,11
                a1,Total,x
                a2,young,40
                a2,old,31
                a2,Total,71
                """);
        Path traj = write("t.csv", "user,slot,area\n" + "u1,0,x0y0\nu1,1,x1y0\nu2,0,x9y0\nu2,1,x9y1\n");
        String[] r = run("analyze", "aggregates", "--table", "A=" + a, "--table", "B=" + b + ",count=n,dims=area|gender",
                "--threshold", "10", "--operator", "lt", "--group", "dims=area,by=age", "--audit", "--series",
                "A=" + week2, "--recover-from", traj.toString(), "--slot", "12h", "--format", "json");
        assertEquals("0", r[0], r[2]);
        JsonNode j = new ObjectMapper().readTree(r[1]);
        assertEquals(1, j.get("schemaVersion").asInt());
        assertEquals("<", j.at("/rules/threshold/operator").asText());
        JsonNode ta = j.get("tables").get(0);
        assertEquals("A", ta.get("name").asText());
        assertEquals(6, ta.get("cells").asInt());
        assertEquals(9, ta.get("minCount").asInt());
        assertEquals("a1|old", cell(ta.at("/unsafe/0/cell")));
        assertEquals("threshold", ta.at("/unsafe/0/rules/0").asText());
        // A hides a1|young and a1|Total; B publishes a1's total (12) → young = 12 - 9 = 3
        JsonNode diff = j.get("differencing");
        assertTrue(r[1].contains("\"kind\" : \"overlap\""), r[1]);
        boolean found = false;
        for (JsonNode d : diff) {
            if (d.get("kind").asText().equals("overlap")) {
                assertEquals("a1|young", cell(d.get("cell")));
                assertEquals(3, d.get("low").asInt());
                found = true;
            }
        }
        assertTrue(found);
        // week 2: a2|old grew from 30 to 31, an increment of 1 < 10
        assertTrue(r[1].contains("series-increment"), r[1]);
        JsonNode audit = j.get("audit");
        assertEquals(2, audit.size());
        for (JsonNode c : audit) {
            assertEquals(c.get("low").asInt(), c.get("high").asInt());
            assertTrue(c.get("exposed").asBoolean());
        }
        assertEquals(1.0, j.at("/recovery/accuracy").asDouble(), 1e-12);
        assertEquals(2, j.at("/aggregates/exposedCells").asInt());
        // A: a1|old = 9; B: a1|f = 6 and a1|m = 6
        assertEquals(3, j.at("/aggregates/unsafeCells").asInt());
        assertEquals(j.get("differencing").size(), j.at("/aggregates/recoverableCells").asInt());
        assertEquals(9, j.at("/aggregates/minCount/A").asInt());
        assertTrue(j.get("groupDisclosure").get("groups").isArray());
    }

    private static String cell(JsonNode arr) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode n : arr) {
            sb.append(sb.length() == 0 ? "" : "|").append(n.asText());
        }
        return sb.toString();
    }

    @Test
    void badCountGivesExitThreeWithFileLineAndColumn() throws Exception {
        Path a = write("bad.csv", "area,count\na1,3\na2,2.5\n");
        String[] r = run("analyze", "aggregates", "--table", "A=" + a);
        assertEquals("3", r[0]);
        assertTrue(r[2].contains("line 3, column 2"), r[2]);
    }

    @Test
    void malformedOptionIsAUsageError() throws Exception {
        Path a = write("a.csv", "area,count\na1,3\n");
        String[] r = run("analyze", "aggregates", "--table", "A=" + a, "--dominance", "three");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--dominance"), r[2]);
    }
}

package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.cli.AnalyzeMicrodataCommandTest.Run;

/** {@code case rerun}: every run of the demo case is reproduced exactly; a change is named. */
class CaseRerunCommandTest {

    @TempDir
    static Path shared;
    static Path demo;

    @BeforeAll
    static void buildTheDemoCase() {
        AnalyzeMicrodataCommandTest.english();
        demo = shared.resolve("demo.rcase");
        Run r = AnalyzeMicrodataCommandTest.run("generate", "demo-case", "--samples", "sample-datasets", "--out",
                demo.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void everyRunOfTheDemoCaseRerunsIdentically() throws Exception {
        Run r = AnalyzeMicrodataCommandTest.run("case", "rerun", demo.toString(), "--all", "--format", "json", "-q");
        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
        JsonNode runs = r.json().get("runs");
        assertEquals(4, runs.size(), "two microdata runs, the aggregates run and the trajectories run");
        for (JsonNode run : runs) {
            assertEquals("IDENTICAL", run.get("status").asText(), run.toString());
        }
        assertEquals("microdata", runs.get(0).get("lane").asText());
        assertEquals("aggregates", runs.get(2).get("lane").asText());
        assertEquals("trajectories", runs.get(3).get("lane").asText());
        assertTrue(r.json().get("ignored").toString().contains("inputs.*.path"), "the ignored fields are named");

        Run text = AnalyzeMicrodataCommandTest.run("case", "rerun", demo.toString(), "--run", "3", "-q");
        assertEquals(ExitCodes.OK, text.code(), text.err());
        assertTrue(text.out().startsWith("run 3 (aggregates): IDENTICAL"), text.out());
        assertTrue(text.out().contains("Not compared: inputs.*.path"), text.out());
    }

    @Test
    void movedFilesAreFoundWithDataDirAndAChangedFileIsNotRerun(@TempDir Path tmp) throws Exception {
        Path copy = copyDemo(tmp);
        Path data = Files.createDirectory(tmp.resolve("moved"));
        Files.copy(shared.resolve("demo-data/customers_remediated.csv"), data.resolve("customers_remediated.csv"));
        Run r = AnalyzeMicrodataCommandTest.run("case", "rerun", copy.toString(), "--run", "2", "--data-dir",
                data.toString(), "-q");
        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
        Files.writeString(data.resolve("customers_remediated.csv"), "age,gender,postcode_area,tariff,device,segment\n"
                + "20-24,F,31600-31699,prepaid,Feature phone,A\n", StandardCharsets.UTF_8);
        r = AnalyzeMicrodataCommandTest.run("case", "rerun", copy.toString(), "--run", "2", "--data-dir",
                data.toString(), "-q");
        assertEquals(ExitCodes.INPUT, r.code(), r.out());
        assertTrue(r.out().contains("NOT RE-RUN") && r.out().contains("recorded SHA-256"), r.out());
    }

    @Test
    void aResultThatDiffersFromTheRecordedOneIsNamedWithExitCode5(@TempDir Path tmp) throws Exception {
        Path copy = copyDemo(tmp);
        // rewrite run 1's stored k, as a forger would (the chain then breaks too, which verify reports)
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER analysis_run_no_update");
            int n = st.executeUpdate("UPDATE analysis_run SET result_json = replace(result_json, '\"k\" : 1,', '\"k\" : 5,')"
                    + " WHERE id = 1");
            assertEquals(1, n);
        }
        Run r = AnalyzeMicrodataCommandTest.run("case", "rerun", copy.toString(), "--run", "1", "-q");
        assertEquals(ExitCodes.RERUN_DIFFERS, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("run 1 (microdata): DIFFERENT in 1 values"), r.out());
        assertTrue(r.out().contains("  k: 5 -> 1"), r.out());
    }

    @Test
    void runOrAllIsRequired() {
        Run r = AnalyzeMicrodataCommandTest.run("case", "rerun", demo.toString());
        assertEquals(ExitCodes.USAGE, r.code());
    }

    private static Path copyDemo(Path tmp) throws Exception {
        Path copy = tmp.resolve("demo.rcase");
        Files.copy(demo, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }
}

package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.cli.AnalyzeMicrodataCommandTest.Run;

/** How case run gets its request: the lane's options, a request file, request fields; and what it refuses. */
class CaseRunOptionsTest {
    @TempDir
    Path dir;
    Path data;
    Path rcase;

    @BeforeEach
    void setUp() throws Exception {
        AnalyzeMicrodataCommandTest.english();
        data = dir.resolve("release.csv");
        Files.writeString(data, CaseCliTest.CSV, StandardCharsets.UTF_8);
        rcase = dir.resolve("c.rcase");
        assertEquals(0, AnalyzeMicrodataCommandTest.run("case", "new", rcase.toString(), "--title", "t", "--auditor",
                "A").code());
    }

    private JsonNode show() throws Exception {
        Run show = AnalyzeMicrodataCommandTest.run("case", "show", rcase.toString(), "--format", "json");
        assertEquals(0, show.code(), show.err());
        return show.json();
    }

    @Test
    void aPrintedRequestRunsInACaseAndIsStoredAsItsParameters() throws Exception {
        Run printed = AnalyzeMicrodataCommandTest.run("analyze", "microdata", "--qi", "age,district", "--no-suda",
                "--print-request");
        assertEquals(0, printed.code(), printed.err());
        Path request = dir.resolve("request.json");
        Files.writeString(request, printed.out(), StandardCharsets.UTF_8);
        Run r = AnalyzeMicrodataCommandTest.run("case", "run", rcase.toString(), "--lane", "microdata", "--dataset",
                data.toString(), "--request", request.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode run = show().get("runs").get(0);
        assertEquals(printed.json(), run.get("parameters"));
        assertEquals(2, run.at("/result/k").asInt(), "classes of the sample: 2, 3 and 5 records");
        // options given with a request override its fields
        r = AnalyzeMicrodataCommandTest.run("case", "run", rcase.toString(), "--lane", "microdata", "--dataset",
                data.toString(), "--request", request.toString(), "--qi", "district");
        assertEquals(0, r.code(), r.err());
        assertEquals("district", show().get("runs").get(1).at("/parameters/quasiIdentifiers/0").asText());
    }

    @Test
    void requestFieldsCanBeSetOneByOneWithParam() throws Exception {
        Run r = AnalyzeMicrodataCommandTest.run("case", "run", rcase.toString(), "--lane", "microdata", "--dataset",
                data.toString(), "--param", "quasiIdentifiers=[\"age\"]", "--param", "threshold=0.5");
        assertEquals(0, r.code(), r.err());
        JsonNode params = show().get("runs").get(0).get("parameters");
        assertEquals(0.5, params.get("threshold").asDouble());
        assertEquals(10, params.get("maxQiSubset").asInt(), "the other fields keep the builder's defaults");
    }

    @Test
    void theRetiredParameterNamesAreUsageErrorsThatNameTheFields() {
        Run r = AnalyzeMicrodataCommandTest.run("case", "run", rcase.toString(), "--lane", "microdata", "--dataset",
                data.toString(), "--param", "qis=age");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("Unknown field \u201cqis\u201d") && r.err().contains("quasiIdentifiers"), r.err());
    }

    @Test
    void aBadOptionRegistersNothing() throws Exception {
        Run r = AnalyzeMicrodataCommandTest.run("case", "run", rcase.toString(), "--lane", "microdata", "--data",
                data.toString(), "--qi", "agee");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("Did you mean 'age'"), r.err());
        assertTrue(show().get("datasets").isEmpty(), "the file is not registered for a run that cannot start");
        r = AnalyzeMicrodataCommandTest.run("case", "run", rcase.toString(), "--lane", "microdata", "--data",
                data.toString(), "--qi", "age", "--no-such-option");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--no-such-option"), r.err());
        r = AnalyzeMicrodataCommandTest.run("case", "run", rcase.toString(), "--lane", "aggregates", "--dataset",
                data.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--table"), r.err());
    }

    @Test
    void aBadOptionFailsBeforeAnyProgressOnTheLargestSample() {
        Run r = AnalyzeMicrodataCommandTest.run("analyze", "aggregates", "--table", "footfall=sample-datasets/"
                + "aggregates/footfall_hourly_withheld.csv,dims=date|hours|area|age_band|gender", "--threshold", "10",
                "--audit");
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals(1, r.err().strip().lines().count(), "one error line, no progress: " + r.err());
        assertFalse(r.err().contains("%"), r.err());
        assertTrue(r.err().contains("Did you mean 'hour'"), r.err());
    }
}

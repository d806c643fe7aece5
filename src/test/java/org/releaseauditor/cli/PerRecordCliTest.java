package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.cli.AnalyzeMicrodataCommandTest.Run;

/**
 * {@code analyze microdata --per-record FILE [--reveal-values]} and the same options in
 * {@code case run} (issue 12): one CSV row per record with f_k, F_k and r_k, QI values masked
 * unless revealed on request.
 */
class PerRecordCliTest {
    /** Classes on (a,b): {x,1}×1, {y,1}×1, {x,2}×2, {y,2}×3, {z,3}×3 (as AnalyzeMicrodataCommandTest). */
    static final String TABLE = "a,b,s\nx,1,p\ny,1,q\nx,2,p\nx,2,q\ny,2,p\ny,2,p\ny,2,q\nz,3,p\nz,3,p\nz,3,p\n";

    @TempDir
    Path dir;

    @BeforeAll
    static void english() {
        AnalyzeMicrodataCommandTest.english();
    }

    private Path table() throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, TABLE, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void perRecordFileIsMaskedByDefaultWithHandWorkedRisks() throws Exception {
        Path f = table();
        Path out = dir.resolve("out/per-record.csv");
        Run r = AnalyzeMicrodataCommandTest.run("analyze", "microdata", "--data", f.toString(), "--qi", "a,b",
                "--no-suda", "--per-record", out.toString(), "--format", "json", "-q");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals("row,a,b,fk,Fk,risk", lines.get(0));
        assertEquals(11, lines.size(), "a header and one line per record");
        // without weights the data are the population: F_k = f_k and r_k = 1/f_k (sdcMicro indivRisk);
        // whole numbers are written without a fraction (the writer's shortest exact form)
        assertEquals("1,[masked],[masked],1,1,1", lines.get(1));
        assertEquals("3,[masked],[masked],2,2,0.5", lines.get(3));
        assertEquals("10,[masked],[masked],3,3,0.3333333333333333", lines.get(10));
        String text = Files.readString(out);
        for (String v : List.of(",x,", ",y,", ",z,")) {
            assertFalse(text.contains(v), "no QI value in a masked file");
        }
        assertTrue(r.err().isEmpty() || !r.err().contains("WITH"), r.err());
    }

    @Test
    void revealValuesWritesTheValuesAndSaysSo() throws Exception {
        Path f = table();
        Path out = dir.resolve("revealed.csv");
        Run r = AnalyzeMicrodataCommandTest.run("analyze", "microdata", "--data", f.toString(), "--qi", "a,b",
                "--per-record", out.toString(), "--reveal-values");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("row,a,b,fk,Fk,risk,"), "SUDA columns when SUDA2 ran: " + lines.get(0));
        assertTrue(lines.get(1).startsWith("1,x,1,1,1,1,"), lines.get(1));
        assertTrue(lines.get(8).startsWith("8,z,3,3,3,0.3333333333333333,"), lines.get(8));
        assertTrue(r.err().contains("WITH the quasi-identifier values"), r.err());
    }

    @Test
    void revealValuesWithoutPerRecordIsAUsageError() throws Exception {
        Run r = AnalyzeMicrodataCommandTest.run("analyze", "microdata", "--data", table().toString(), "--qi", "a,b",
                "--reveal-values", "-q");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("give --per-record FILE as well"), r.err());
    }

    @Test
    void caseRunWritesThePerRecordFileOfTheRecordedRun() throws Exception {
        Path f = table();
        Path rcase = dir.resolve("p.rcase");
        assertEquals(0, AnalyzeMicrodataCommandTest.run("case", "new", rcase.toString(), "--title", "p", "--auditor",
                "A").code());
        Path out = dir.resolve("case-per-record.csv");
        Run r = AnalyzeMicrodataCommandTest.run("case", "run", rcase.toString(), "--lane", "microdata", "--data",
                f.toString(), "--qi", "a,b", "--no-suda", "--per-record", out.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("Per-record risks of 10 rows written"), r.out());
        assertEquals("5,[masked],[masked],3,3,0.3333333333333333", Files.readAllLines(out).get(5));
    }
}

package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.i18n.Messages;

/**
 * {@code bench remediation} works end to end on a tiny size (no timing is checked: the figures
 * belong to a quiet machine); its adult.csv search finds the optimum the ARX parity test pins.
 */
class BenchRemediationCommandTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ReleaseAuditorCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void adultAndATinySyntheticFile() {
        Run r = run("bench", "remediation", "--rows", "3000", "--dir", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("adult.csv: 30,162 rows, 8 QIs, k = 5"), r.out());
        // ARX 3.9 optimal search, loss measure, k = 5, 5 % suppression (AdultArxParityTest; src/docs/remediation.md)
        assertTrue(r.out().contains("optimum {sex=0, age=3, race=0, marital-status=0, education=1, native-country=1, "
                + "workclass=1, occupation=2}"), r.out());
        assertTrue(r.out().contains("1,458 records suppressed"), r.out());
        assertTrue(r.out().contains("adult.csv resampled (seed 42): 3,000 rows"), r.out());
        assertTrue(r.out().contains("search, loss"), r.out());
        assertTrue(r.out().contains("nodes evaluated"), r.out());
    }

    @Test
    void optionsAreCheckedBeforeWork() {
        Run r = run("bench", "remediation", "--no-adult", "--rows", "-1");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--rows"), r.err());
        r = run("bench", "remediation", "--no-adult", "--rows", "10", "--measures", "nonsense");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("loss, discernibility, entropy, precision"), r.err());
        r = run("bench", "remediation", "--adult", dir.resolve("missing.csv").toString(), "--rows", "0");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("missing.csv does not exist"), r.err());
        assertFalse(r.out().contains("rows,"), "no work was done");
    }
}

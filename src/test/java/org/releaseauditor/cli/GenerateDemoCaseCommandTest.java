package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.i18n.Messages;

class GenerateDemoCaseCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result cli(String... args) {
        Messages.setLocale(Locale.ENGLISH);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ReleaseAuditorCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void demoCaseIsBuiltVerifiesAndShowsARejection(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("demo.rcase");
        Result r = cli("generate", "demo-case", "--samples", "sample-datasets", "--out", file.toString(), "--quiet");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("3 decisions"), r.out());
        assertTrue(Files.isRegularFile(tmp.resolve("demo.html")));
        assertTrue(Files.isRegularFile(tmp.resolve("demo-data/customers_remediated.csv")));

        Result verify = cli("verify", file.toString());
        assertEquals(ExitCodes.OK, verify.code(), verify.out() + verify.err());
        assertTrue(!verify.out().contains("BROKEN"), verify.out());

        Result show = cli("case", "show", file.toString());
        assertEquals(ExitCodes.OK, show.code(), show.err());
        assertTrue(show.out().contains("REJECT"), show.out());
        assertTrue(show.out().contains("APPROVE_WITH_CONDITIONS"), show.out());
    }

    @Test
    void missingSamplesFolderIsAUsageError(@TempDir Path tmp) {
        Result r = cli("generate", "demo-case", "--samples", tmp.resolve("nowhere").toString(), "--out",
                tmp.resolve("d.rcase").toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("customers.csv"), r.err());
    }

    /**
     * Installed packages run the CLI from anywhere: without {@code --samples} the command finds the
     * samples installed next to the application (here: the repository above the classes folder),
     * not only in the working directory (issue 14).
     */
    @Test
    void demoCaseOutsideTheRepositoryFindsTheBundledSamples(@TempDir Path tmp) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = tmp.resolve("demo.rcase");
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.releaseauditor.Launcher", "generate", "demo-case", "--out", out.toString(), "--quiet");
        pb.directory(tmp.toFile());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "demo case within 2 minutes");
        assertEquals(ExitCodes.OK, p.exitValue(), text);
        assertTrue(Files.isRegularFile(out), text);
    }
}

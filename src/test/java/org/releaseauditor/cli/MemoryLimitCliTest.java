package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.service.bench.MicrodataBenchmark;
import picocli.CommandLine;

/**
 * Running out of memory is a clear message naming the -Xmx to use and exit code 3 (never 1, which
 * means "policy failed", and never a stack trace): before the work when the estimate from the file
 * size says so, and when an OutOfMemoryError happens anyway. Both run in a forked JVM with a small
 * heap.
 */
class MemoryLimitCliTest {

    @TempDir
    Path dir;

    /** A CSV whose first MiB are real rows and whose size says 600 MB (a sparse file: nothing is written). */
    private Path largeLookingCsv() throws IOException {
        Path file = dir.resolve("large.csv");
        SplittableRandom rnd = new SplittableRandom(1);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("sex,age,race,education,country,workclass,occupation,marital,income\n");
            for (int r = 0; r < 60_000; r++) {
                w.write("s" + rnd.nextInt(2) + ",a" + rnd.nextInt(90) + ",r" + rnd.nextInt(7) + ",e" + rnd.nextInt(16)
                        + ",c" + rnd.nextInt(42) + ",w" + rnd.nextInt(9) + ",o" + rnd.nextInt(15) + ",m"
                        + rnd.nextInt(5) + ",i" + rnd.nextInt(12) + "\n");
            }
        }
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(600L << 20);
        }
        return file;
    }

    private static Process fork(String heap, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(heap);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(false).start();
    }

    private static String[] finish(Process p) throws Exception {
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "forked JVM did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new String[] {String.valueOf(p.exitValue()), out, err};
    }

    private static final String QIS = String.join(",", MicrodataBenchmark.QIS);

    /** The ARX-comparable analysis (no SUDA, single QIs) of a file in a forked JVM with the given heap. */
    private static String[] analyzeWithHeap(String heap, Path csv) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-cp", System.getProperty("java.class.path"), "org.releaseauditor.Launcher", "--lang", "en",
                "analyze", "microdata", "--data", csv.toString(), "--qi", QIS, "--sampling-fraction", "0.01",
                "--no-suda", "--max-qi-subset", "1", "--format", "json", "-q"));
        Path out = Files.createTempFile(csv.getParent(), "out", ".json");
        Path err = Files.createTempFile(csv.getParent(), "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(900, TimeUnit.SECONDS), "forked JVM did not finish");
        return new String[] {String.valueOf(p.exitValue()), Files.readString(out), Files.readString(err)};
    }

    /**
     * The budget is 40 bytes a row at 8 QIs. One million benchmark rows (9 columns, 973k
     * classes, almost all unique: the grouping's worst case) run in a 64 MB heap, JVM, command line
     * and JSON included: 64 bytes a row at most, with the fixed overhead of the process counted in.
     * Release 0.2 needed more (per-record risk arrays; it failed with exit 3 at -Xmx64m).
     */
    @Test
    void oneMillionRowsAtEightQisRunIn64Mb() throws Exception {
        Path csv = dir.resolve("bench-1m.csv");
        MicrodataBenchmark.write(csv, 1_000_000, 42);
        String[] r = analyzeWithHeap("-Xmx64m", csv);
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("\"records\" : 1000000"), r[1].length() > 500 ? r[1].substring(0, 500) : r[1]);
    }

    /**
     * Ten million rows in 400 MB (40 bytes a row), the proxy of "100 M rows in 4 GB". Takes a
     * minute or more: runs with {@code -Dbench.memory=true}; {@code -Dbench.memory.file=FILE} uses
     * an existing file written by {@code bench microdata --rows 10000000 --write FILE}.
     */
    @Test
    @EnabledIfSystemProperty(named = "bench.memory", matches = "true",
            disabledReason = "ten million rows: runs only with -Dbench.memory=true")
    void tenMillionRowsAtEightQisRunIn400Mb() throws Exception {
        String given = System.getProperty("bench.memory.file");
        Path csv = given != null ? Path.of(given) : dir.resolve("bench-10m.csv");
        if (given == null) {
            MicrodataBenchmark.write(csv, 10_000_000, 42);
        }
        String[] r = analyzeWithHeap("-Xmx400m", csv);
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains(given == null ? "\"records\" : 10000000" : "\"records\" : "), r[2]);
    }

    @Test
    void aFileThatCannotFitStopsBeforeReadingWithTheHeapToUse() throws Exception {
        Path csv = largeLookingCsv();
        Process p = fork("-Xmx64m", "org.releaseauditor.Launcher", "--lang", "en", "analyze", "microdata",
                "--data", csv.toString(), "--qi", "sex,age,race", "--format", "json", "-q");
        String[] r = finish(p);
        assertEquals("3", r[0], r[2]);
        assertTrue(r[2].contains("Not enough memory"), r[2]);
        assertTrue(r[2].contains("-Xmx") && r[2].contains("JAVA_OPTS"), r[2]);
        assertFalse(r[2].contains("\tat ") || r[2].contains("Exception in thread"), r[2]);
        assertEquals("", r[1]);
    }

    @Test
    void anOutOfMemoryErrorDuringTheWorkIsTheSameAdviceAndExitCode3() throws Exception {
        Process p = fork("-Xmx48m", Hog.class.getName());
        String[] r = finish(p);
        assertEquals("3", r[0], r[2]);
        assertTrue(r[2].contains("Out of memory") && r[2].contains("-Xmx"), r[2]);
        assertFalse(r[2].contains("\tat ") || r[2].contains("Exception in thread"), r[2]);
    }

    @Test
    void longValuesInMessagesAreCut() {
        String header = "x".repeat(70_000);
        StringWriter err = new StringWriter();
        // an unknown column among 70,000 characters of names: the message stays short
        int code = ReleaseAuditorCli.execute(commandWith(new Failing(header), new PrintWriter(err)), "fail");
        assertEquals(ExitCodes.USAGE, code);
        assertTrue(err.toString().length() < 1000, "message of " + err.toString().length() + " characters");
        assertTrue(err.toString().contains("\u2026"));
    }

    private static CommandLine commandWith(Object sub, PrintWriter err) {
        CommandLine cl = ReleaseAuditorCli.commandLine();
        cl.addSubcommand("fail", sub);
        cl.addSubcommand("hog", new HogCommand());
        cl.setErr(err);
        return cl;
    }

    /** A command that fails with an error echoing a huge value. */
    @CommandLine.Command(name = "fail")
    static final class Failing implements java.util.concurrent.Callable<Integer> {
        private final String value;

        Failing(String value) {
            this.value = value;
        }

        @Override
        public Integer call() throws Exception {
            throw new org.releaseauditor.core.error.ConfigurationException("risk.config.unknownColumn", "zzz",
                    "quasi-identifier", "data.csv", value);
        }
    }

    /** A command that allocates until the heap is exhausted. */
    @CommandLine.Command(name = "hog")
    static final class HogCommand implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            List<long[]> hog = new ArrayList<>();
            while (true) {
                hog.add(new long[1 << 20]);
            }
        }
    }

    /** Forked main: the real command line with a command that runs out of memory. */
    public static final class Hog {
        public static void main(String[] args) {
            PrintWriter err = new PrintWriter(System.err, true);
            CommandLine cl = commandWith(new HogCommand(), err);
            System.exit(ReleaseAuditorCli.execute(cl, "hog"));
        }
    }
}

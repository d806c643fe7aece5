package org.releaseauditor.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code release-auditor …} command in the README's code blocks runs as written (issue 14):
 * each block runs in order in a fresh folder that holds the bundled {@code sample-datasets/}, as a
 * separate process (so relative paths, files written by earlier commands and exit codes behave as
 * they do for a user). A command may exit 0, or 1 where a policy fails on purpose; anything else
 * (usage error, bad input, crash) fails the test.
 */
class ReadmeCommandsTest {

    static final Path README = Path.of("README.md");

    @TempDir
    static Path work;

    /** One command of the README: the code block it is in (1-based), and its words. */
    record Command(int block, List<String> words) {
        @Override
        public String toString() {
            return "block " + block + ": release-auditor " + String.join(" ", words);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyReadmeCommandRuns() throws IOException {
        List<Command> commands = commands(Files.readString(README, StandardCharsets.UTF_8));
        assertFalse(commands.isEmpty(), "the README shows release-auditor commands");
        return commands.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> run(c)));
    }

    private static void run(Command c) throws Exception {
        Path dir = work.resolve("block-" + c.block());
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.resolve("home"));
            Files.createSymbolicLink(dir.resolve("sample-datasets"), Path.of("sample-datasets").toAbsolutePath());
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-Duser.home=" + dir.resolve("home"), "-cp", System.getProperty("java.class.path"),
                "org.releaseauditor.Launcher"));
        cmd.addAll(c.words());
        Path log = dir.resolve("last-command.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("HOME", dir.resolve("home").toString());
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail(c + " did not finish within 10 minutes");
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        int code = p.exitValue();
        assertTrue(code == 0 || code == 1, c + " exited " + code + ":\n" + tail(out));
        assertFalse(out.contains("\tat org.releaseauditor"), c + " printed a stack trace:\n" + tail(out));
    }

    private static String tail(String s) {
        return s.length() <= 4000 ? s : "…" + s.substring(s.length() - 4000);
    }

    /** The release-auditor commands of the fenced code blocks, continuation lines joined. */
    static List<Command> commands(String markdown) {
        List<Command> out = new ArrayList<>();
        boolean inBlock = false;
        boolean shell = false;
        int block = 0;
        StringBuilder pending = new StringBuilder();
        for (String raw : markdown.split("\n", -1)) {
            String line = raw.stripTrailing();
            if (line.strip().startsWith("```")) {
                if (!inBlock) {
                    String lang = line.strip().substring(3).strip();
                    shell = lang.isEmpty() || lang.equals("bash") || lang.equals("sh") || lang.equals("shell");
                    block++;
                }
                inBlock = !inBlock;
                pending.setLength(0);
                continue;
            }
            if (!inBlock || !shell) {
                continue;
            }
            String code = stripComment(line);
            if (code.endsWith("\\")) {
                pending.append(code, 0, code.length() - 1).append(' ');
                continue;
            }
            pending.append(code);
            String full = pending.toString().strip();
            pending.setLength(0);
            if (full.startsWith("release-auditor ")) {
                List<String> words = words(full);
                out.add(new Command(block, words.subList(1, words.size())));
            }
        }
        return out;
    }

    /** The line without a shell comment ({@code #} after a blank, outside quotes). */
    static String stripComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i).stripTrailing();
            }
        }
        return line;
    }

    /** Splits a command line into words as a POSIX shell does for quotes and backslashes. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\'') {
                int end = line.indexOf('\'', i + 1);
                w.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (ch == '"') {
                int j = i + 1;
                while (line.charAt(j) != '"') {
                    if (line.charAt(j) == '\\' && "\"\\$`".indexOf(line.charAt(j + 1)) >= 0) {
                        j++;
                    }
                    w.append(line.charAt(j++));
                }
                i = j;
                inWord = true;
            } else if (ch == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(ch)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(ch);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }

    @Test
    void splitterHandlesQuotesEscapesAndComments() {
        assertTrue(words("release-auditor a 'x y' \"p \\\" q\" z\\ w").equals(
                List.of("release-auditor", "a", "x y", "p \" q", "z w")));
        assertTrue(stripComment("release-auditor verify a.rcase   # exit 0").equals("release-auditor verify a.rcase"));
        assertTrue(stripComment("x --sweep 'a#b'").equals("x --sweep 'a#b'"));
        List<Command> cs = commands("text\n```bash\n# c\nrelease-auditor analyze \\\n   --x 1  # note\n./mvnw verify\n```\n"
                + "```json\nrelease-auditor no\n```\n");
        assertTrue(cs.equals(List.of(new Command(1, List.of("analyze", "--x", "1")))), cs.toString());
    }
}

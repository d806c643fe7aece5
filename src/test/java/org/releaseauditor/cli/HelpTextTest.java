package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.releaseauditor.core.i18n.Messages;
import picocli.CommandLine;

/**
 * Every command's {@code --help} prints its usage and nothing else (issue 14: an unescaped '%'
 * made picocli print warnings for {@code analyze aggregates --help}). The command tree is walked,
 * so a new command is covered without being listed here.
 */
class HelpTextTest {

    @TestFactory
    Stream<DynamicTest> everyCommandsHelpPrintsNoWarning() {
        List<List<String>> paths = new ArrayList<>();
        walk(ReleaseAuditorCli.commandLine(), new ArrayList<>(), paths);
        assertTrue(paths.size() > 10, "the command tree was walked: " + paths);
        return paths.stream().map(p -> DynamicTest.dynamicTest(String.join(" ", p) + " --help", () -> help(p)));
    }

    /**
     * picocli prints each element of a description array on a line of its own and wraps it at the
     * terminal width: an element that stops mid-sentence leaves a ragged half line in the help
     * ("... to a" / "temporary CSV, ..."). Each element must therefore be a whole paragraph or line.
     */
    @TestFactory
    Stream<DynamicTest> descriptionLinesEndWhereASentenceOrListLineEnds() {
        List<List<String>> paths = new ArrayList<>();
        walk(ReleaseAuditorCli.commandLine(), new ArrayList<>(), paths);
        return paths.stream().map(p -> DynamicTest.dynamicTest("release-auditor " + String.join(" ", p), () -> {
            CommandLine cl = ReleaseAuditorCli.commandLine();
            for (String name : p) {
                cl = cl.getSubcommands().get(name);
            }
            List<String> ragged = new ArrayList<>();
            ragged(cl.getCommandSpec().usageMessage().description(), "description", ragged);
            for (CommandLine.Model.ArgSpec a : cl.getCommandSpec().args()) {
                String what = a instanceof CommandLine.Model.OptionSpec o ? o.longestName() : a.paramLabel();
                ragged(a.description(), what, ragged);
            }
            assertEquals(List.of(), ragged, String.join(" ", p));
        }));
    }

    private static void ragged(String[] lines, String where, List<String> out) {
        for (int i = 0; i < lines.length - 1; i++) {
            String l = lines[i].strip();
            if (!l.isEmpty() && ".:)!?".indexOf(l.charAt(l.length() - 1)) < 0) {
                out.add(where + ": \"" + l + "\"");
            }
        }
    }

    private static void walk(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getValue().getCommandSpec().aliases().length > 0
                    && List.of(e.getValue().getCommandSpec().aliases()).contains(e.getKey())) {
                continue;
            }
            List<String> sub = new ArrayList<>(path);
            sub.add(e.getKey());
            walk(e.getValue(), sub, out);
        }
    }

    private static void help(List<String> path) {
        Messages.setLocale(Locale.ENGLISH);
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintStream oldErr = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code;
        try {
            // picocli writes its format warnings to System.err through its tracer
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            code = ReleaseAuditorCli.run(new PrintWriter(out), new PrintWriter(err), args.toArray(new String[0]));
        } finally {
            System.setErr(oldErr);
        }
        String warnings = stderr.toString(StandardCharsets.UTF_8) + err;
        assertEquals("", warnings, String.join(" ", args));
        assertEquals(0, code, String.join(" ", args));
        assertTrue(out.toString().contains("Usage:"), out.toString());
    }
}

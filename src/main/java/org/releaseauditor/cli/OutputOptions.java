package org.releaseauditor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Output options shared by the analyze commands: --format, --out, --quiet. */
public final class OutputOptions {

    /** Output formats of the analyze commands. */
    public enum Format { TEXT, JSON }

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output format: text (readable summary) or json (full results, schemaVersion 1).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the output to FILE instead of stdout.")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    public boolean json() {
        return format == Format.JSON;
    }

    /** Writes the output (to --out or stdout) and returns exit code 0. */
    int emit(picocli.CommandLine.Model.CommandSpec spec, String text) throws IOException {
        if (out != null) {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, text, StandardCharsets.UTF_8);
            if (!quiet) {
                spec.commandLine().getErr().println(String.format(Locale.ROOT, "Wrote %s", out));
            }
        } else {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}

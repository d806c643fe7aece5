package org.releaseauditor.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.CancelledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code release-auditor} command line: a thin shell over {@code service}. */
@Command(name = "release-auditor",
        mixinStandardHelpOptions = true,
        versionProvider = ReleaseAuditorCli.Version.class,
        description = "Re-identification risk audits of candidate data releases.",
        subcommands = {
            AnalyzeCommand.class,
            RemediateCommand.class,
            CaseCommand.class,
            VerifyCommand.class,
            ReportCommand.class,
            GenerateCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {"",
            "Exit codes: 0 ok/policy passed, 1 policy failed, 2 usage error, 3 input or data error",
            "or not enough memory, 4 internal error, 5 case rerun gave different results, 130 cancelled."})
public final class ReleaseAuditorCli implements Runnable {
    private static final Logger LOGGER = LoggerFactory.getLogger(ReleaseAuditorCli.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--lang", description = "Language of messages: en or de (default: system).",
            scope = CommandLine.ScopeType.INHERIT)
    void setLanguage(String lang) {
        Messages.setLocale(Locale.forLanguageTag(lang));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the configured picocli command line (used by tests with their own writers). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ReleaseAuditorCli());
        cl.setResourceBundle(new RequestDefaultsBundle(org.releaseauditor.service.LaneRegistry.global()));
        cl.setExecutionExceptionHandler(ReleaseAuditorCli::handle);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** Runs the CLI and returns the exit code (does not call System.exit). */
    public static int run(String... args) {
        return execute(commandLine(), args);
    }

    /** Runs the CLI with the given output and error writers (tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        int code = execute(cl, args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Executes a command line; running out of memory anywhere (picocli passes errors through)
     * becomes the memory advice and exit code 3, never a stack trace.
     */
    static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            return outOfMemory(cl.getErr());
        }
    }

    private static int outOfMemory(PrintWriter err) {
        long max = org.releaseauditor.core.parallel.MemoryBudget.maxHeap();
        err.println(Messages.get("cli.error.prefix") + " " + Messages.get("error.memory.exhausted",
                org.releaseauditor.core.parallel.MemoryBudget.size(max),
                org.releaseauditor.core.parallel.MemoryBudget.suggestedHeap(2 * max)));
        err.flush();
        return ExitCodes.INPUT;
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return outOfMemory(err);
            }
        }
        if (ex instanceof org.releaseauditor.core.error.ResourceLimitException rl) {
            err.println(Messages.get("cli.error.prefix") + " " + rl.getLocalizedMessage());
            return ExitCodes.INPUT;
        }
        if (ex instanceof ConfigurationException ce) {
            err.println(Messages.get("cli.error.prefix") + " " + ce.getLocalizedMessage());
            return ExitCodes.USAGE;
        }
        if (ex instanceof AuditException ae) {
            err.println(Messages.get("cli.error.prefix") + " " + ae.getLocalizedMessage());
            return ExitCodes.INPUT;
        }
        if (ex instanceof CancelledException) {
            err.println(Messages.get("cli.cancelled"));
            return ExitCodes.CANCELLED;
        }
        LOGGER.error("Internal error in command {}", cl.getCommandName(), ex);
        err.println(Messages.get("cli.error.internal", ex.getClass().getSimpleName()));
        return ExitCodes.INTERNAL;
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"release-auditor " + AppInfo.version()};
        }
    }
}

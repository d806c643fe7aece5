package org.releaseauditor.cli;

import java.io.PrintWriter;
import java.util.List;
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

    /**
     * The command tree, in help order. The subcommands are listed here rather than in each
     * command's {@code @Command(subcommands = ...)}, so that a call builds only the commands on
     * its path ({@link #commandLine(String...)}): picocli reflects over every option of every
     * command it is given, which cost about a third of a second of CPU on each call.
     */
    private static final Node TREE = new Node(ReleaseAuditorCli.class,
            new Node(AnalyzeCommand.class, new Node(AnalyzeMicrodataCommand.class),
                    new Node(AnalyzeTrajectoriesCommand.class), new Node(AnalyzeAggregatesCommand.class),
                    new Node(AnalyzeEvaluationCommand.class)),
            new Node(SummarizeCommand.class, new Node(SummarizeCommand.Microdata.class),
                    new Node(SummarizeCommand.Trajectories.class)),
            new Node(RemediateCommand.class, new Node(RemediateMicrodataCommand.class),
                    new Node(RemediateTrajectoriesCommand.class), new Node(RemediateAggregatesCommand.class)),
            new Node(CaseCommand.class, new Node(CaseNewCommand.class), new Node(CaseAddDatasetCommand.class),
                    new Node(CaseAttackerCommand.class), new Node(CaseRunCommand.class),
                    new Node(CaseRerunCommand.class), new Node(CaseEvaluateCommand.class),
                    new Node(CaseDecideCommand.class), new Node(CaseReviewCommand.class),
                    new Node(CaseExportCommand.class), new Node(CaseShowCommand.class),
                    new Node(CaseVerifyCommand.class), new Node(CaseReportCommand.class)),
            new Node(VerifyCommand.class),
            new Node(ReportCommand.class),
            new Node(GenerateCommand.class, new Node(GenerateCommand.City.class),
                    new Node(GenerateCommand.DemoCase.class), new Node(GenerateCommand.Evaluation.class)),
            new Node(BenchCommand.class, new Node(BenchMicrodataCommand.class),
                    new Node(BenchTrajectoriesCommand.class), new Node(BenchAggregatesCommand.class),
                    new Node(BenchEvaluationCommand.class), new Node(BenchRemediationCommand.class)),
            new Node(CommandLine.HelpCommand.class));

    /** A command class and its subcommands. */
    private record Node(Class<?> command, List<Node> subcommands) {
        Node(Class<?> command, Node... subcommands) {
            this(command, List.of(subcommands));
        }

        /** Whether {@code arg} names this command (its name or an alias). */
        boolean isNamed(String arg) {
            Command c = command.getAnnotation(Command.class);
            return c.name().equals(arg) || List.of(c.aliases()).contains(arg);
        }

        /**
         * This command with its subcommands (bottom-up, as picocli adds annotated subcommands). When
         * {@code args[at]} names a subcommand, only that one is built; the help command always gets
         * all its siblings, since it prints their usage.
         */
        CommandLine build(Object instance, String[] args, int at) {
            CommandLine cl = new CommandLine(instance);
            Node only = null;
            if (args != null && at < args.length) {
                for (Node sub : subcommands) {
                    if (sub.isNamed(args[at]) && sub.command != CommandLine.HelpCommand.class) {
                        only = sub;
                    }
                }
            }
            for (Node sub : subcommands) {
                if (only == null || sub == only) {
                    cl.addSubcommand(sub.build(sub.command, only == null ? null : args, at + 1));
                }
            }
            return cl;
        }
    }

    /** Builds the configured picocli command line with every command (help, tests). */
    public static CommandLine commandLine() {
        return commandLine((String[]) null);
    }

    /**
     * Builds the configured picocli command line for {@code args}: the commands that the leading
     * arguments name, one per level, and every command below the first argument that names none.
     * What a call prints and does is the same as with the whole tree.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cl = TREE.build(new ReleaseAuditorCli(), args, 0);
        cl.setResourceBundle(new RequestDefaultsBundle(org.releaseauditor.service.LaneRegistry.global()));
        cl.setExecutionExceptionHandler(ReleaseAuditorCli::handle);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** Runs the CLI and returns the exit code (does not call System.exit). */
    public static int run(String... args) {
        return execute(commandLine(args), args);
    }

    /** Runs the CLI with the given output and error writers (tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(args);
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

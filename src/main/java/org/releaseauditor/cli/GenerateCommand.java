package org.releaseauditor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.generate.CityParameters;
import org.releaseauditor.core.generate.GeneratedFile;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.CancellationFlag;
import org.releaseauditor.core.progress.CancelledException;
import org.releaseauditor.service.GenerateService;
import org.releaseauditor.service.ProgressText;
import org.releaseauditor.service.cases.DemoCaseService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code release-auditor generate}: synthetic data sets. */
// its subcommands are listed in ReleaseAuditorCli.TREE
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate synthetic data (no real person is in it).")
public final class GenerateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code release-auditor generate city}. */
    @Command(name = "city", mixinStandardHelpOptions = true,
            description = "Simulate a Smart-Steps-style city of mobile-network customers and write its candidate "
                    + "outputs (events, footfall and OD tables, customer microdata, ground truth) plus manifest.json. "
                    + "The output is byte-identical for the same parameters and seed.")
    static final class City implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--people", defaultValue = "10000", description = "Number of customers (default: ${DEFAULT-VALUE}).")
        int people;

        @Option(names = "--days", defaultValue = "14", description = "Number of days, starting Monday 2025-03-03 (default: ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--areas", defaultValue = "100", description = "Number of 1 km areas (default: ${DEFAULT-VALUE}).")
        int areas;

        @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--threshold", defaultValue = "10",
                description = "Counts below this are withheld in the protected variants (default: ${DEFAULT-VALUE}).")
        int threshold;

        @Option(names = "--factor", defaultValue = "3.7",
                description = "Extrapolation factor to the whole population (default: ${DEFAULT-VALUE}).")
        double factor;

        @Option(names = "--out", required = true, description = "Output folder (created if missing).")
        Path out;

        @Option(names = "--quiet", description = "No progress on stderr.")
        boolean quiet;

        @Override
        public Integer call() throws AuditException {
            PrintWriter err = spec.commandLine().getErr();
            CityParameters p = new CityParameters(people, days, areas, seed, CityParameters.DEFAULT_START, threshold,
                    factor);
            ConsoleProgress monitor = new ConsoleProgress(err, quiet);
            CountDownLatch finished = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                monitor.cancel();
                try {
                    // give the generator time to stop and delete its partial files
                    finished.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "generate-cancel");
            boolean hooked = registerHook(hook);
            long t0 = System.nanoTime();
            try {
                GenerateService.CityResult r = new GenerateService().generateCity(p, out, monitor);
                monitor.done();
                PrintWriter o = spec.commandLine().getOut();
                o.println(Messages.get("generate.done", r.summary().people(), r.summary().days(),
                        r.summary().areas(), r.summary().cells(), r.summary().events(), out.toString(),
                        String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9)));
                for (GeneratedFile f : r.files()) {
                    o.printf(Locale.ROOT, "  %-34s %,12d rows %,15d bytes  %s%n", f.name(), f.rows(), f.bytes(),
                            f.sha256().substring(0, 16));
                }
                return ExitCodes.OK;
            } catch (CancelledException e) {
                // reported here, before the shutdown hook lets the JVM exit
                monitor.done();
                err.println(Messages.get("cli.cancelled"));
                err.flush();
                return ExitCodes.CANCELLED;
            } finally {
                finished.countDown();
                if (hooked) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException e) {
                        // the JVM is shutting down (Ctrl-C): the hook is running
                    }
                }
            }
        }

        private static boolean registerHook(Thread hook) {
            try {
                Runtime.getRuntime().addShutdownHook(hook);
                return true;
            } catch (IllegalStateException | SecurityException e) {
                return false;
            }
        }
    }

    /** {@code release-auditor generate evaluation}. */
    @Command(name = "evaluation", mixinStandardHelpOptions = true,
            description = "Write an original (customers with 10 mixed columns), a control set of other customers of the "
                    + "same population, and a synthetic release of the original with a known leak: a share of its rows "
                    + "are verbatim copies of original records. Input for the evaluation lane; byte-identical for the "
                    + "same parameters and seed.")
    static final class Evaluation implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--original-rows", defaultValue = "2000", description = "Rows of original.csv (default: ${DEFAULT-VALUE}).")
        int originalRows;

        @Option(names = "--control-rows", defaultValue = "2000", description = "Rows of control.csv; 0 for none (default: ${DEFAULT-VALUE}).")
        int controlRows;

        @Option(names = "--release-rows", defaultValue = "2000", description = "Rows of release.csv (default: ${DEFAULT-VALUE}).")
        int releaseRows;

        @Option(names = "--copy-share", defaultValue = "0.1",
                description = "Share of release rows copied from the original (default: ${DEFAULT-VALUE}).")
        double copyShare;

        @Option(names = "--areas", defaultValue = "100", description = "Home areas of the city (default: ${DEFAULT-VALUE}).")
        int areas;

        @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", required = true, description = "Output folder (created if missing).")
        Path out;

        @Option(names = "--quiet", description = "No progress on stderr.")
        boolean quiet;

        @Override
        public Integer call() throws AuditException {
            ConsoleProgress monitor = new ConsoleProgress(spec.commandLine().getErr(), quiet);
            GenerateService.EvaluationSampleResult r = new GenerateService().generateEvaluation(
                    new org.releaseauditor.core.generate.EvaluationSampleParameters(originalRows, controlRows,
                            releaseRows, copyShare, areas, seed), out, monitor);
            monitor.done();
            PrintWriter o = spec.commandLine().getOut();
            o.println(Messages.get("generate.evaluation.done", r.originalRows(), r.controlRows(), r.releaseRows(),
                    r.copies(), out.toString()));
            for (GeneratedFile f : r.files()) {
                o.printf(Locale.ROOT, "  %-34s %,12d rows %,15d bytes  %s%n", f.name(), f.rows(), f.bytes(),
                        f.sha256().substring(0, 16));
            }
            return ExitCodes.OK;
        }
    }

    /** {@code release-auditor generate demo-case}. */
    @Command(name = "demo-case", mixinStandardHelpOptions = true,
            description = "Build the offline demo audit case from the bundled sample datasets: microdata, "
                    + "aggregates and trajectory runs with policy findings, one approval with conditions, one rejection, and the "
                    + "HTML report next to the case. An existing case of that name is replaced.")
    static final class DemoCase implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--samples", paramLabel = "DIR",
                description = "The sample-datasets folder (default: ./sample-datasets, else the one installed "
                        + "with the application, e.g. /opt/release-auditor/lib/app/sample-datasets).")
        Path samples;

        @Option(names = "--out", required = true, paramLabel = "FILE.rcase", description = "The case file to write.")
        Path out;

        @Option(names = "--quiet", description = "No progress on stderr.")
        boolean quiet;

        @Override
        public Integer call() throws AuditException {
            ConsoleProgress monitor = new ConsoleProgress(spec.commandLine().getErr(), quiet);
            Path dir = samples != null ? samples : DemoCaseService.locateSamples(DemoCaseService.CUSTOMERS);
            if (dir == null) {
                throw new ConfigurationException("demo.error.samplesMissing",
                        DemoCaseService.SAMPLES_DIR + "/" + DemoCaseService.CUSTOMERS,
                        Path.of("").toAbsolutePath() + ", " + Messages.get("demo.searched.appFolders"));
            }
            DemoCaseService.DemoCase c = new DemoCaseService().create(dir, out, monitor);
            monitor.done();
            PrintWriter o = spec.commandLine().getOut();
            if (!c.trajectoryRun()) {
                o.println(Messages.get("demo.note.noTrajectories"));
            }
            o.println(Messages.get("demo.done", c.caseFile(), c.datasets(), c.runs(), c.decisions(), c.report()));
            return ExitCodes.OK;
        }
    }

    /** Progress on stderr, at most every 500 ms; cancelled by the Ctrl-C hook. */
    static final class ConsoleProgress extends CancellationFlag {
        private final PrintWriter err;
        private final boolean quiet;
        private long last;
        private boolean printed;

        ConsoleProgress(PrintWriter err, boolean quiet) {
            this.err = err;
            this.quiet = quiet;
        }

        @Override
        public synchronized void update(String phase, long done, long total) {
            if (quiet) {
                return;
            }
            long now = System.nanoTime();
            if (now - last < 500_000_000L) {
                return;
            }
            last = now;
            String pct = total > 0 ? String.format(Locale.ROOT, "%5.1f %%", 100.0 * done / total) : "";
            err.print("\r" + ProgressText.of(phase) + " " + pct + "        ");
            err.flush();
            printed = true;
        }

        synchronized void done() {
            if (printed) {
                err.println();
                err.flush();
            }
        }
    }
}

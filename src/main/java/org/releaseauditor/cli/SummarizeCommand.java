package org.releaseauditor.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.summary.MicrodataSummary;
import org.releaseauditor.core.summary.TrajectorySummary;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.microdata.MicrodataLane;
import org.releaseauditor.service.microdata.MicrodataRequest;
import org.releaseauditor.service.trajectories.TrajectoriesLane;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code release-auditor summarize microdata|trajectories … --out FILE}: the lane summary of a
 * file, made in process (the same file the Spark job writes, apart from {@code producer}), for
 * {@code analyze <lane> --summary FILE} and the GUI's File → Open summary.
 */
// its subcommands are listed in ReleaseAuditorCli.TREE
@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = {"Write a lane summary of a data file: the counts an audit needs, no record values "
                + "(src/docs/spark.md). Audit it with 'analyze <lane> --summary FILE'."})
public final class SummarizeCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options of both subcommands: where the summary goes, and quiet. */
    static final class Target {
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where the summary JSON goes.")
        Path out;

        @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
        boolean quiet;
    }

    /** Refuses options that belong to the audit, not to the summary. */
    static void refuse(List<String> given, String lane) throws ConfigurationException {
        if (!given.isEmpty()) {
            throw new ConfigurationException("summary.error.notForSummary", given.get(0), lane);
        }
    }

    /** {@code summarize microdata}. */
    @Command(name = "microdata", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Summary of record-level data for the microdata audit: class sizes, weight sums, "
                    + "sensitive-value counts per class and QI-subset counts. Options as in 'analyze microdata' "
                    + "(--data, --qi, --sensitive, --weight, --household, --max-qi-subset and the import options)."},
            footer = {"", "Example:",
                "  release-auditor summarize microdata --data sample-datasets/microdata/adult.csv \\",
                "      --qi sex,age,race --sensitive salary-class --out adult.summary.json"})
    static final class Microdata implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        MicrodataOptions lane;

        @Mixin
        Target target;

        @Override
        public Integer call() throws AuditException {
            refuse(lane.auditOnlyOptions(), MicrodataRequest.LANE);
            if (lane.dataLocation() == null) {
                throw new ConfigurationException("casecli.error.summarizeNoData");
            }
            LaneCall<MicrodataRequest> call = lane.build(null);
            MicrodataLane l = LaneRegistry.global().require(MicrodataRequest.LANE, MicrodataLane.class);
            MicrodataSummary s;
            try (ConsoleProgress progress = ConsoleProgress.start(spec.commandLine().getErr(), target.quiet)) {
                s = l.summarize(call.request(), lane.dataLocation(), target.out, progress);
            }
            spec.commandLine().getOut().println(Messages.get("summary.written.microdata", target.out, s.rows(),
                    s.records(), s.classes(), s.suppressedRecords()));
            return ExitCodes.OK;
        }
    }

    /** {@code summarize trajectories}. */
    @Command(name = "trajectories", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Summary of pseudonymised events for the unicity audit: the sampled users' draws and "
                    + "match counts at the resolution and for the sweep. Options as in 'analyze trajectories' "
                    + "(columns, --spatial, --temporal, --points, --sample-users, --seed, --sweep, --sweep-points)."},
            footer = {"", "Example:",
                "  release-auditor summarize trajectories --data sample-datasets/trajectories/events_pseudonymised.csv \\",
                "      --user pseudonym --time timestamp --location cell --points 1..5 --out events.summary.json"})
    static final class Trajectories implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        TrajectoriesOptions lane;

        @Mixin
        Target target;

        @Override
        public Integer call() throws AuditException {
            refuse(lane.auditOnlyOptions(), TrajectoriesRequest.LANE);
            if (lane.dataLocation() == null) {
                throw new ConfigurationException("casecli.error.summarizeNoData");
            }
            LaneCall<TrajectoriesRequest> call = lane.build(null);
            TrajectoriesLane l = LaneRegistry.global().require(TrajectoriesRequest.LANE, TrajectoriesLane.class);
            TrajectorySummary s;
            try (ConsoleProgress progress = ConsoleProgress.start(spec.commandLine().getErr(), target.quiet)) {
                s = l.summarize(call.request(), lane.dataLocation(), target.out, progress);
            }
            spec.commandLine().getOut().println(Messages.get("summary.written.trajectories", target.out, s.events(),
                    s.users(), s.sampledUsers().length, s.options().maxPoints()));
            return ExitCodes.OK;
        }
    }
}

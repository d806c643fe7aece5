package org.releaseauditor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.PolicyEvaluation;
import org.releaseauditor.core.progress.CancellationFlag;
import org.releaseauditor.service.Lane;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.LaneRequest;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.cases.CaseService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code case run CASE --lane L [LANE OPTIONS] [--dataset [ROLE=]ID|PATH]... [--request FILE.json]
 * [--param FIELD=VALUE]... [--policy P]}: the lane options are those of {@code analyze L} (the same
 * option class), so a case run and an analysis with the same options give the same result.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an analysis lane on datasets of the case and record the request and the result.",
            "Lane options are those of 'analyze <lane>' (see release-auditor help analyze microdata); in a case "
                + "a file may also be given as a dataset id, e.g. --data 1 or --table footfall=2,dims=a|b."},
        footer = {"", "Examples:",
            "  release-auditor case run audit.rcase --lane microdata --data 1 --qi age,gender,postcode_area",
            "  release-auditor case run audit.rcase --lane aggregates --table 'footfall=2,dims=date|hour|area' \\",
            "      --threshold 10 --audit --policy min-cell-10",
            "  release-auditor case run audit.rcase --lane microdata --dataset 1 --request request.json",
            "  release-auditor case run audit.rcase --lane microdata --summary adult.summary.json --region usa"})
public final class CaseRunCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    CaseWriteOptions target;

    @Option(names = "--lane", required = true, description = "microdata, trajectories, aggregates or evaluation.")
    String lane;

    @Option(names = "--dataset", paramLabel = "[ROLE=]ID|PATH",
            description = "An input: a dataset id from 'case show' or a file path (registered if new). Without "
                    + "ROLE it is the lane's main input (microdata: data, trajectories: events, evaluation: release).")
    List<String> datasets = new ArrayList<>();

    @Option(names = "--request", paramLabel = "FILE",
            description = "Start from this request JSON (as printed by analyze --print-request or stored by a run); "
                    + "lane options given as well override its fields.")
    Path request;

    @Option(names = "--param", paramLabel = "FIELD=VALUE",
            description = "Set one top-level field of the request JSON (repeatable); VALUE is JSON (10, true, "
                    + "[\"a\",\"b\"]) or else a string. For lanes without options of their own.")
    List<String> params = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "P", description = "Evaluate this policy (built-in id or file) on the result.")
    String policy;

    @Unmatched
    List<String> laneArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Lane<?, ?> l = LaneRegistry.global().require(lane);
        LaneRequest base = baseRequest(l);
        LaneOptionSet options = LaneOptionSet.forLane(l.name());
        if (options == null && !laneArgs.isEmpty()) {
            throw new ConfigurationException("casecli.error.noLaneOptions", l.name(), String.join(" ", laneArgs));
        }
        LaneCall<? extends LaneRequest> call;
        if (options != null) {
            parseLaneOptions(options);
            options.locations(this::file);
            call = options.build(base);
        } else {
            call = new LaneCall<>(base != null ? base : l.readRequest("{}"), Map.of());
        }
        Map<String, String> inputs = new LinkedHashMap<>(call.inputs());
        for (String d : datasets) {
            int eq = d.indexOf('=');
            String role;
            String ref;
            if (eq > 0 && d.substring(0, eq).matches("[A-Za-z][A-Za-z0-9_.:-]*")) {
                role = d.substring(0, eq);
                ref = d.substring(eq + 1);
            } else if (l.primaryRole() != null) {
                role = l.primaryRole();
                ref = d;
            } else {
                throw new ConfigurationException("casecli.error.datasetNeedsRole", d, l.name());
            }
            if (inputs.containsKey(role) && !inputs.get(role).equals(ref)) {
                throw new ConfigurationException("lane.error.inputTwice", role, inputs.get(role), ref);
            }
            inputs.put(role, ref);
        }
        CancellationFlag monitor = new CancellationFlag();
        Thread hook = new Thread(monitor::cancel, "case-run-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try (CaseService cs = target.open(spec)) {
            LaneResult<?, ?> result = cs.analyze(call.request(), inputs, monitor);
            RunEntry run = cs.record(result, monitor);
            spec.commandLine().getOut().println(Messages.get("casecli.runRecorded", run.id(), run.lane(),
                    run.datasetIds()));
            String note = options == null ? null : options.afterRun(result, monitor);
            if (note != null) {
                spec.commandLine().getOut().println(note);
            }
            if (policy != null) {
                PolicyEvaluation ev = cs.evaluatePolicy(run.id(), policy);
                CaseCli.printFindings(spec.commandLine().getOut(), ev, run.resultJson());
                CaseCli.printReceipt(spec.commandLine().getOut(), cs);
                return ev.failed() ? ExitCodes.POLICY_FAILED : ExitCodes.OK;
            }
            CaseCli.printReceipt(spec.commandLine().getOut(), cs);
            return ExitCodes.OK;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
    }

    /** The request JSON of --request with the --param fields set, read by the lane; null when neither is given. */
    private LaneRequest baseRequest(Lane<?, ?> l) throws ConfigurationException {
        if (request == null && params.isEmpty()) {
            return null;
        }
        ObjectNode json;
        if (request != null) {
            try {
                JsonNode n = JSON.readTree(Files.readString(request, StandardCharsets.UTF_8));
                if (n == null || !n.isObject()) {
                    throw new ConfigurationException("request.error.notObject", request.toString());
                }
                json = (ObjectNode) n;
            } catch (IOException e) {
                throw new ConfigurationException("request.error.json", request.toString(),
                        String.valueOf(e.getMessage()));
            }
        } else {
            json = JSON.createObjectNode();
        }
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new ConfigurationException("case.error.badParam", p);
            }
            String value = p.substring(eq + 1);
            JsonNode v;
            try {
                v = JSON.readTree(value);
            } catch (IOException e) {
                v = null;
            }
            json.set(p.substring(0, eq).strip(), v == null || v.isMissingNode() ? JSON.getNodeFactory()
                    .textNode(value) : v);
        }
        return l.readRequest(json.toString());
    }

    /**
     * A location as a readable file: a dataset id of the case is looked up (read-only), anything
     * else is a path. For options that read a file while the request is built (a summary's header).
     */
    private Path file(String location) throws AuditException {
        if (!location.matches("\\d+")) {
            return Path.of(location);
        }
        try (CaseService cs = CaseService.open(target.caseFile, true, LaneRegistry.global())) {
            return Path.of(cs.resolveDataset(location, org.releaseauditor.core.progress.ProgressMonitor.none()).path());
        }
    }

    /** Parses the arguments that are not case-run options with the lane's option class. */
    private void parseLaneOptions(LaneOptionSet options) throws ConfigurationException {
        if (laneArgs.isEmpty()) {
            return;
        }
        try {
            new CommandLine(options).parseArgs(laneArgs.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new ConfigurationException("casecli.error.laneOption", lane, e.getMessage());
        }
    }
}

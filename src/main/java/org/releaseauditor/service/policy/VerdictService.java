package org.releaseauditor.service.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.releaseauditor.core.casefile.DatasetEntry;
import org.releaseauditor.core.casefile.FindingEntry;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.catalogue.MetricEntry;
import org.releaseauditor.core.catalogue.MetricUnit;
import org.releaseauditor.core.error.PolicyException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.FindingStatus;
import org.releaseauditor.core.policy.Operator;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.policy.Severity;
import org.releaseauditor.core.verdict.MetricJudgement;
import org.releaseauditor.core.verdict.OutputVerdict;
import org.releaseauditor.core.verdict.ReleaseResult;
import org.releaseauditor.core.verdict.ReleaseVerdict;
import org.releaseauditor.core.verdict.RunVerdict;
import org.releaseauditor.core.verdict.Verdict;
import org.releaseauditor.core.verdict.VerdictFinding;
import org.releaseauditor.core.verdict.VerdictSentences;
import org.releaseauditor.core.verdict.VerdictStatus;
import org.releaseauditor.core.verdict.Verdicts;
import org.releaseauditor.report.ResultLabels;
import org.releaseauditor.service.LaneResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verdict, computed in one place (ADR 0012): a policy applied to a lane result (any lane), or
 * the verdict of a release recorded in a case. The GUI cards, charts and tables, the report and
 * the CLI text all take the state of what they show from the {@link Verdict} this service returns
 * and compare no value with a threshold themselves.
 *
 * <p>For one result: {@link #verdict(PolicyProfile, JsonNode, Locale)} (or with a
 * {@link LaneResult}); {@link Verdict#statusOf(String)} gives the state of any metric by its JSON
 * path, NOT_JUDGED when the policy has no rule on it. For a case:
 * {@link #release(List, Map, List, Locale)} recomputes each run's verdict from its stored result
 * and the stored policy copy, and checks it against the findings stored at evaluation time (the
 * stored findings win if they differ, with a note).
 */
public final class VerdictService {

    private static final Logger LOGGER = LoggerFactory.getLogger(VerdictService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The built-in policy a front end applies to a lane's result until the user picks another. */
    private static final Map<String, String> DEFAULT_POLICY = Map.of(
            "microdata", "arx-defaults",
            "aggregates", "min-cell-10",
            "trajectories", "trajectory-unicity-10",
            "evaluation", "evaluation-residual-risk");

    /**
     * The built-in policies written for each lane's result, in the order a policy chooser lists
     * them (the lane's default first). A policy reads metrics of one lane only.
     */
    private static final Map<String, List<String>> LANE_POLICIES = Map.of(
            "microdata", List.of("arx-defaults", "public-release-clinical", "min-group-5"),
            "aggregates", List.of("min-cell-10", "acro-defaults"),
            "trajectories", List.of("trajectory-unicity-10"),
            "evaluation", List.of("evaluation-residual-risk"));

    private final PolicyService policies;

    public VerdictService() {
        this(new PolicyService());
    }

    public VerdictService(PolicyService policies) {
        this.policies = policies;
    }

    // ------------------------------------------------------------------ one result

    /** The verdict of {@code policy} (null: none, nothing judged) on a result document of any lane. */
    public Verdict verdict(PolicyProfile policy, JsonNode result, Locale locale) {
        ResultLabels labels = new ResultLabels(result, locale);
        return Verdicts.evaluate(labels.scope(), policy, ResultMetrics.flatten(result), locale, labels::label);
    }

    /** The verdict of {@code policy} on a result stored as JSON text (a case's run). */
    public Verdict verdict(PolicyProfile policy, String resultJson, Locale locale) {
        return verdict(policy, parse(resultJson), locale);
    }

    /** The verdict of {@code policy} on a lane's result. */
    public Verdict verdict(PolicyProfile policy, LaneResult<?, ?> result, Locale locale) {
        return verdict(policy, parse(result.json()), locale);
    }

    /** The verdict of a policy given by built-in id or file path. */
    public Verdict verdict(String policyRef, JsonNode result, Locale locale) throws PolicyException {
        return verdict(policyRef == null ? null : policies.load(policyRef), result, locale);
    }

    /**
     * The built-in policy a front end applies to a lane's results by default: {@code arx-defaults}
     * (microdata), {@code min-cell-10} (aggregates), {@code trajectory-unicity-10} (trajectories),
     * {@code evaluation-residual-risk} (evaluation); empty for a lane without one.
     */
    public Optional<PolicyProfile> defaultPolicy(String lane) throws PolicyException {
        String id = DEFAULT_POLICY.get(lane);
        return id == null ? Optional.empty() : Optional.of(policies.load(id));
    }

    /**
     * The built-in policies that judge a lane's result, the lane's default first (what a
     * dashboard's policy chooser lists); empty for a lane without any.
     */
    public List<PolicyProfile> policiesFor(String lane) throws PolicyException {
        List<PolicyProfile> out = new java.util.ArrayList<>();
        for (String id : LANE_POLICIES.getOrDefault(lane, List.of())) {
            out.add(policies.load(id));
        }
        return out;
    }

    /** Loads a policy file (JSON, the format of {@code --policy FILE}) for a front end's chooser. */
    public PolicyProfile loadPolicyFile(java.nio.file.Path file) throws PolicyException {
        return policies.load(file.toString());
    }

    /** The catalogue entry of a metric of a result (label, sentence, how to read, reference, n/a). */
    public MetricEntry describe(JsonNode result, String path, Locale locale) {
        return new ResultLabels(result, locale).entry(path);
    }

    /** The label of a metric of a result, with names for array elements ("Unicity with 4 known points"). */
    public String label(JsonNode result, String path, Locale locale) {
        return new ResultLabels(result, locale).label(path);
    }

    // ------------------------------------------------------------------ a case

    /**
     * What the verdict of a case's release rests on for one run: the run, its stored findings
     * (every evaluation), and the latest policy copy stored with them.
     */
    public record RunInput(RunEntry run, List<FindingEntry> findings, Optional<String> latestPolicyJson) {
        public RunInput {
            findings = List.copyOf(findings);
        }
    }

    /**
     * The verdict of a release recorded in a case.
     *
     * @param runs        every run of the case with its findings
     * @param datasets    the case's datasets by id
     * @param releaseRuns the runs of the release (those of the decision in force), or empty for all
     */
    public ReleaseVerdict release(List<RunInput> runs, Map<Long, DatasetEntry> datasets, List<Long> releaseRuns,
            Locale locale) {
        List<RunVerdict> verdicts = new ArrayList<>();
        List<Long> others = new ArrayList<>();
        Map<Long, List<Long>> runsByOutput = new LinkedHashMap<>();
        Map<Long, ReleaseResult> resultByOutput = new LinkedHashMap<>();
        for (RunInput in : runs) {
            RunEntry r = in.run();
            if (!releaseRuns.isEmpty() && !releaseRuns.contains(r.id())) {
                others.add(r.id());
                continue;
            }
            RunVerdict rv = runVerdict(in, locale);
            verdicts.add(rv);
            for (long ds : r.datasetIds()) {
                runsByOutput.computeIfAbsent(ds, k -> new ArrayList<>()).add(r.id());
                resultByOutput.merge(ds, rv.result(), ReleaseResult::worst);
            }
        }
        List<OutputVerdict> outputs = new ArrayList<>();
        runsByOutput.keySet().stream().sorted().forEach(id -> {
            DatasetEntry d = datasets.get(id);
            String name = d == null ? Long.toString(id) : java.nio.file.Path.of(d.path()).getFileName().toString();
            outputs.add(new OutputVerdict(id, name, d == null ? "" : d.sha256(), runsByOutput.get(id),
                    resultByOutput.get(id)));
        });
        return new ReleaseVerdict(verdicts, outputs, others, locale);
    }

    /** The verdicts of one run: one per policy evaluated on it (its latest evaluation). */
    public RunVerdict runVerdict(RunInput in, Locale locale) {
        RunEntry r = in.run();
        JsonNode result = parse(r.resultJson());
        ResultLabels labels = new ResultLabels(result, locale);
        // the latest evaluation of each policy: findings of one evaluation share policy, version and time
        Map<String, List<FindingEntry>> byPolicy = new LinkedHashMap<>();
        for (FindingEntry f : in.findings()) {
            byPolicy.computeIfAbsent(f.policyId(), k -> new ArrayList<>()).add(f);
        }
        List<Verdict> verdicts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, List<FindingEntry>> e : byPolicy.entrySet()) {
            List<FindingEntry> latest = latestEvaluation(e.getValue());
            FindingEntry first = latest.get(0);
            Optional<PolicyProfile> profile = policyCopy(first.policyId(), first.policyVersion(), in.latestPolicyJson());
            Verdict v = null;
            if (profile.isPresent()) {
                Verdict recomputed = Verdicts.evaluate(labels.scope(), profile.get(), ResultMetrics.flatten(result),
                        locale, labels::label);
                if (agrees(recomputed, latest)) {
                    v = recomputed;
                } else {
                    LOGGER.info("Run {}: recomputed findings of policy {} differ from the stored ones; showing the "
                            + "stored findings", r.id(), first.policyId());
                    notes.add(Messages.get(locale, "verdict.note.storedFindings", first.policyId()));
                }
            } else {
                notes.add(Messages.get(locale, "verdict.note.noPolicyCopy", first.policyId()));
            }
            if (v == null) {
                v = fromStored(labels, latest, profile.orElse(null), locale);
            }
            List<VerdictFinding> attributed = v.findings().stream().map(f -> f.inRun(r.id(), r.datasetIds())).toList();
            Map<String, MetricJudgement> judged = new LinkedHashMap<>();
            v.judged().forEach((k, j) -> judged.put(k, new MetricJudgement(j.path(), j.value(), j.status(),
                    j.finding() == null ? null : j.finding().inRun(r.id(), r.datasetIds()))));
            verdicts.add(new Verdict(v.scope(), v.policy(), attributed, judged, locale));
        }
        return new RunVerdict(r.id(), r.lane(), r.datasetIds(), verdicts, notes);
    }

    /**
     * The findings of the latest evaluation of one policy: those stored at the latest time, as
     * the case service's override check reads them ({@code DecisionRules.latestPerPolicy}).
     */
    static List<FindingEntry> latestEvaluation(List<FindingEntry> all) {
        java.time.Instant latest = all.stream().map(FindingEntry::at).max(java.time.Instant::compareTo).orElseThrow();
        return all.stream().filter(f -> f.at().equals(latest)).toList();
    }

    private Optional<PolicyProfile> policyCopy(String id, String version, Optional<String> latestCopy) {
        if (latestCopy.isPresent()) {
            try {
                PolicyProfile p = policies.parse(latestCopy.get(), "stored policy");
                if (p.id().equals(id) && p.version().equals(version)) {
                    return Optional.of(p);
                }
            } catch (PolicyException e) {
                LOGGER.debug("stored policy copy of {} not readable: {}", id, e.messageKey());
            }
        }
        try {
            PolicyProfile p = policies.load(id);
            return p.version().equals(version) ? Optional.of(p) : Optional.empty();
        } catch (PolicyException e) {
            return Optional.empty();
        }
    }

    /** Whether a recomputed verdict gives the stored statuses, measured values and metrics. */
    static boolean agrees(Verdict v, List<FindingEntry> stored) {
        if (v.findings().size() != stored.size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            VerdictFinding f = v.findings().get(i);
            FindingEntry s = stored.get(i);
            boolean sameMeasured = f.measured() == null ? s.measured() == null
                    : s.measured() != null && Double.compare(f.measured(), s.measured()) == 0;
            if (!f.status().name().equals(s.status()) || !f.path().equals(s.metric()) || !sameMeasured
                    || Double.compare(f.threshold(), s.threshold()) != 0) {
                return false;
            }
        }
        return true;
    }

    /** A verdict made of the stored findings as recorded (when no policy copy can be evaluated again). */
    private static Verdict fromStored(ResultLabels labels, List<FindingEntry> stored, PolicyProfile profile,
            Locale locale) {
        List<VerdictFinding> findings = new ArrayList<>();
        Map<String, MetricJudgement> judged = new LinkedHashMap<>();
        for (FindingEntry s : stored) {
            Operator op = Operator.ofSymbol(s.operator()).orElse(Operator.EQ);
            FindingStatus st = FindingStatus.valueOf(s.status());
            String label = labels.label(s.metric());
            MetricUnit unit = labels.entry(s.metric()).unit();
            VerdictFinding f = new VerdictFinding(labels.scope(), s.policyId(), s.policyVersion(), s.metric(),
                    s.metric(), label, s.measured(), op, s.threshold(),
                    st == FindingStatus.WARN ? Severity.WARN : Severity.FAIL, st, unit,
                    VerdictSentences.sentence(label, unit, s.measured(), op, s.threshold(), st, locale),
                    s.explanation(), null, List.of());
            findings.add(f);
            MetricJudgement old = judged.get(s.metric());
            if (old == null || VerdictStatus.of(st).ordinal() > old.status().ordinal()) {
                judged.put(s.metric(), new MetricJudgement(s.metric(), s.measured(), VerdictStatus.of(st), f));
            }
        }
        PolicyProfile p = profile != null ? profile
                : new PolicyProfile(stored.get(0).policyId(), stored.get(0).policyVersion(), stored.get(0).policyId(),
                        "", "", List.of());
        return new Verdict(labels.scope(), p, findings, judged, locale);
    }

    static JsonNode parse(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return n == null ? JSON.createObjectNode() : n;
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}

package org.releaseauditor.service.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.releaseauditor.core.casefile.AuditEvent;
import org.releaseauditor.core.casefile.DatasetEntry;
import org.releaseauditor.core.casefile.FindingEntry;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.verdict.ReleaseVerdict;
import org.releaseauditor.core.verdict.RunVerdict;
import org.releaseauditor.service.policy.VerdictService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verdict of an open case, for the report's verdict page and the app's Verdict panel: the
 * release of the decision in force (every run while nothing is decided), the verdict of every
 * run, and the decision in force with its record, per-output decisions and reviews. Each run is
 * judged again by {@link VerdictService} against the policy copy stored with its latest
 * evaluation.
 */
public final class CaseVerdictService {

    private static final Logger LOGGER = LoggerFactory.getLogger(CaseVerdictService.class);

    /**
     * The verdict of a case.
     *
     * @param release  the release of the decision in force (all runs while nothing is decided)
     * @param allRuns  the verdict of every run of the case, in run order
     * @param decision the decision in force with everything recorded about it, if any
     */
    public record CaseVerdict(ReleaseVerdict release, List<RunVerdict> allRuns,
            Optional<CaseRecords.DecisionDetails> decision) {
        public CaseVerdict {
            allRuns = List.copyOf(allRuns);
        }

        /** The verdict of any run of the case. */
        public Optional<RunVerdict> run(long runId) {
            return allRuns.stream().filter(r -> r.runId() == runId).findFirst();
        }
    }

    private final VerdictService verdicts;

    public CaseVerdictService() {
        this(new VerdictService());
    }

    public CaseVerdictService(VerdictService verdicts) {
        this.verdicts = verdicts;
    }

    /** The verdict of an open case in {@code locale}. */
    public CaseVerdict verdict(CaseService cs, Locale locale) throws AuditException {
        List<RunEntry> runs = cs.runs();
        Map<Long, List<FindingEntry>> findings = new LinkedHashMap<>();
        for (RunEntry r : runs) {
            findings.put(r.id(), cs.findings(r.id()));
        }
        return verdict(cs, runs, findings, cs.history(), locale);
    }

    /** As {@link #verdict(CaseService, Locale)}, from content already read. */
    CaseVerdict verdict(CaseService cs, List<RunEntry> runs, Map<Long, List<FindingEntry>> findings,
            List<AuditEvent> events, Locale locale) throws AuditException {
        // the exact policy copy of each evaluation is stored with its POLICY_EVALUATED event
        Map<Instant, String> policyCopies = new HashMap<>();
        for (AuditEvent e : events) {
            if ("POLICY_EVALUATED".equals(e.action()) && e.policyJson() != null) {
                try {
                    policyCopies.put(Instant.parse(e.occurredAt()), e.policyJson());
                } catch (java.time.format.DateTimeParseException ex) {
                    LOGGER.debug("event {} has an unreadable time", e.id());
                }
            }
        }
        List<VerdictService.RunInput> inputs = new ArrayList<>();
        for (RunEntry r : runs) {
            List<FindingEntry> fs = findings.getOrDefault(r.id(), List.of());
            Optional<String> copy = fs.stream().map(FindingEntry::at).max(Instant::compareTo)
                    .map(policyCopies::get);
            inputs.add(new VerdictService.RunInput(r, fs, copy));
        }
        Map<Long, DatasetEntry> datasets = new LinkedHashMap<>();
        cs.datasets().forEach(d -> datasets.put(d.id(), d));
        Optional<CaseRecords.DecisionDetails> current = cs.currentDecisionDetails();
        List<Long> releaseRuns = current.map(d -> d.decision().runIds()).orElse(List.of());
        ReleaseVerdict release = verdicts.release(inputs, datasets, releaseRuns, locale);
        List<RunVerdict> all = new ArrayList<>();
        for (VerdictService.RunInput in : inputs) {
            all.add(release.run(in.run().id()).orElseGet(() -> verdicts.runVerdict(in, locale)));
        }
        return new CaseVerdict(release, all, current);
    }
}

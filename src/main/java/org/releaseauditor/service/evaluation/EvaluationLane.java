package org.releaseauditor.service.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.evaluation.AttackResult;
import org.releaseauditor.core.evaluation.EvaluationData;
import org.releaseauditor.core.evaluation.EvaluationNote;
import org.releaseauditor.core.evaluation.EvaluationResult;
import org.releaseauditor.core.evaluation.EvaluationTree;
import org.releaseauditor.core.evaluation.Rate;
import org.releaseauditor.core.evaluation.ReleaseEvaluator;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.ColumnLookup;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.report.json.Json;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.Lane;
import org.releaseauditor.service.LaneChecks;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evaluation lane: a release derived from a source (synthetic or perturbed data), the source
 * and an optional control set in; singling out, linkability and inference against the source, the
 * control set and random guessing out, with Wilson intervals and the residual risk (result JSON
 * schema {@code src/docs/schema/evaluation-v1.md}). Inputs: {@code original}, {@code release} and
 * optionally {@code control}; every file read is hashed and bound to the result.
 *
 * <p>The readings and notes in the result JSON are in English, so that a case records the same
 * bytes whatever the language of the run; each also carries its message key and arguments, from
 * which reports and dashboards show it in their language.
 */
public final class EvaluationLane implements Lane<EvaluationRequest, EvaluationResult> {
    private static final Logger LOGGER = LoggerFactory.getLogger(EvaluationLane.class);
    /** The language of the texts stored in the result JSON. */
    public static final Locale JSON_LOCALE = Locale.ENGLISH;
    /** Converts the engine's ordered maps to a tree without re-ordering keys. */
    private static final ObjectMapper TREES = new ObjectMapper();

    private final DatasetService datasets;

    public EvaluationLane() {
        this(new DatasetService());
    }

    public EvaluationLane(DatasetService datasets) {
        this.datasets = datasets;
    }

    @Override
    public String name() {
        return EvaluationRequest.LANE;
    }

    @Override
    public Class<EvaluationRequest> requestType() {
        return EvaluationRequest.class;
    }

    @Override
    public EvaluationRequest defaults() {
        return EvaluationRequest.defaults();
    }

    @Override
    public EvaluationRequest readRequest(String json) throws ConfigurationException {
        return EvaluationRequest.fromJson(json);
    }

    /** A dataset given without a role in a case is the release: the file the decision is about. */
    @Override
    public String primaryRole() {
        return EvaluationRequest.RELEASE;
    }

    @Override
    public void validate(EvaluationRequest r, LaneInputs inputs) throws AuditException {
        LaneChecks.roles(inputs, name(), EvaluationRequest.ROLES::contains, EvaluationRequest.ROLES);
        DatasetRef original = inputs.require(EvaluationRequest.ORIGINAL, name(), "--original FILE");
        DatasetRef release = inputs.require(EvaluationRequest.RELEASE, name(), "--release FILE");
        DatasetRef control = inputs.get(EvaluationRequest.CONTROL).orElse(null);
        DatasetService.Header ho = datasets.header(original.path(), r.importOptions());
        DatasetService.Header hr = datasets.header(release.path(), r.importOptions());
        DatasetService.Header hc = control == null ? null : datasets.header(control.path(), r.importOptions());
        List<String> evaluated;
        if (!r.columns().isEmpty()) {
            LaneChecks.columns(ho, r.columns(), "--columns");
            present(hr, r.columns(), "evaluation.error.columnsMissing.release");
            if (hc != null) {
                present(hc, r.columns(), "evaluation.error.columnsMissing.control");
            }
            evaluated = r.columns();
        } else {
            same(ho, hr, "evaluation.error.columnsDiffer.release");
            if (hc != null) {
                same(ho, hc, "evaluation.error.columnsDiffer.control");
            }
            evaluated = ho.names();
        }
        among(r.auxA(), evaluated, "--aux-a");
        among(r.auxB(), evaluated, "--aux-b");
        if (r.secret() != null) {
            among(List.of(r.secret()), evaluated, "--secret");
            among(r.inferenceAux(), evaluated, "--aux");
            if (r.inferenceAux().isEmpty() && evaluated.size() < 2) {
                throw new ConfigurationException("evaluation.error.noAux", r.secret());
            }
        }
        if (r.multivariate() && r.columnsPerPredicate() > evaluated.size()) {
            throw new ConfigurationException("evaluation.error.columnsPerPredicate", r.columnsPerPredicate(),
                    evaluated.size());
        }
    }

    /** Every name is one of the evaluated columns; else a usage error with a did-you-mean. */
    private static void among(List<String> names, List<String> evaluated, String option)
            throws ConfigurationException {
        for (String n : names) {
            if (!evaluated.contains(n)) {
                throw ColumnLookup.unknown(n, evaluated, option);
            }
        }
    }

    private static void present(DatasetService.Header h, List<String> wanted, String key)
            throws ConfigurationException {
        List<String> missing = new ArrayList<>();
        for (String w : wanted) {
            if (!h.names().contains(w)) {
                missing.add(w);
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigurationException(key, h.file().getFileName(), String.join(", ", missing),
                    String.join(", ", h.names()));
        }
    }

    private static void same(DatasetService.Header original, DatasetService.Header other, String key)
            throws ConfigurationException {
        Set<String> a = new LinkedHashSet<>(original.names());
        Set<String> b = new LinkedHashSet<>(other.names());
        List<String> missing = a.stream().filter(s -> !b.contains(s)).toList();
        List<String> extra = b.stream().filter(s -> !a.contains(s)).toList();
        if (!missing.isEmpty() || !extra.isEmpty()) {
            List<String> shared = a.stream().filter(b::contains).toList();
            throw new ConfigurationException(key, other.file().getFileName(),
                    missing.isEmpty() ? "-" : String.join(", ", missing), extra.isEmpty() ? "-" : String.join(", ", extra),
                    shared.isEmpty() ? "-" : String.join(",", shared));
        }
    }

    @Override
    public LaneResult<EvaluationRequest, EvaluationResult> analyze(EvaluationRequest r, LaneInputs inputs,
            ProgressMonitor monitor) throws AuditException {
        validate(r, inputs);
        DatasetRef controlRef = inputs.get(EvaluationRequest.CONTROL).orElse(null);
        double read = controlRef == null ? 0.2 : 0.3;
        DatasetService.LoadedInput original = datasets.loadInput(inputs.require(EvaluationRequest.ORIGINAL, name(),
                "--original"), r.importOptions(), monitor.slice(0, 0.1));
        DatasetService.LoadedInput release = datasets.loadInput(inputs.require(EvaluationRequest.RELEASE, name(),
                "--release"), r.importOptions(), monitor.slice(0.1, 0.2));
        LaneInputs.Builder hashed = LaneInputs.builder().put(EvaluationRequest.ORIGINAL, original.ref())
                .put(EvaluationRequest.RELEASE, release.ref());
        Dataset control = null;
        if (controlRef != null) {
            DatasetService.LoadedInput c = datasets.loadInput(controlRef, r.importOptions(), monitor.slice(0.2, 0.3));
            hashed.put(EvaluationRequest.CONTROL, c.ref());
            control = c.data();
        }
        EvaluationData data = EvaluationData.align(original.data(), release.data(), control, r.columns());
        EvaluationResult result = ReleaseEvaluator.evaluate(data, r.toConfig(), monitor.slice(read, 1));
        LaneInputs in = hashed.build();
        Map<String, Object> tree = EvaluationTree.of(result, JSON_LOCALE);
        ObjectNode json = TREES.valueToTree(tree);
        json.set("inputs", in.toJson());
        LOGGER.info("evaluation lane: release sha256 {}, original {} rows, control {} rows, highest residual risk {}",
                release.ref().sha256(), result.originalRows(), result.controlRows(), result.highestResidualRisk());
        return new LaneResult<>(name(), r, in, result, Json.write(json));
    }

    @Override
    public String text(LaneResult<EvaluationRequest, EvaluationResult> result) {
        return text(result.output(), Messages.locale());
    }

    /** The readable summary of a result in {@code locale}. */
    public static String text(EvaluationResult r, Locale locale) {
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder();
        sb.append(Messages.get(locale, "evaluation.text.header", r.originalRows(), r.releaseRows(),
                r.hasControl() ? Messages.get(locale, "evaluation.text.controlRows", r.controlRows())
                        : Messages.get(locale, "evaluation.text.noControl"), r.columns().size(), r.seed(),
                pct(r.confidenceLevel(), locale))).append(nl);
        for (AttackResult a : r.attacks()) {
            sb.append(nl).append(Messages.get(locale, a.type().labelKey())).append(nl);
            sb.append("  ").append(Messages.get(locale, "evaluation.text.attacks", a.attacks(),
                    successes(a.attackRate()))).append(nl);
            sb.append("  ").append(rateLine(locale, "evaluation.text.attackRate", a.attackRate())).append(nl);
            if (a.controlRate() != null) {
                sb.append("  ").append(rateLine(locale, "evaluation.text.controlRate", a.controlRate())).append(nl);
            }
            sb.append("  ").append(rateLine(locale, "evaluation.text.baselineRate", a.baselineRate())).append(nl);
            if (a.residualRisk() != null) {
                sb.append("  ").append(Messages.get(locale, "evaluation.text.residualRisk",
                        pct(a.residualRisk().value(), locale), pct(a.residualRisk().low(), locale),
                        pct(a.residualRisk().high(), locale))).append(nl);
            }
            sb.append("  ").append(a.reading().text(locale)).append(nl);
            for (EvaluationNote n : a.notes()) {
                sb.append("  - ").append(n.text(locale)).append(nl);
            }
        }
        for (EvaluationNote n : r.notes()) {
            sb.append(nl).append("- ").append(n.text(locale)).append(nl);
        }
        return sb.toString();
    }

    private static String rateLine(Locale locale, String key, Rate rate) {
        return Messages.get(locale, key, pct(rate.value(), locale), pct(rate.low(), locale), pct(rate.high(), locale));
    }

    private static String successes(Rate rate) {
        double s = rate.successes();
        return s == Math.rint(s) ? Long.toString((long) s) : String.format(Locale.ROOT, "%.1f", s);
    }

    /** A share as a percentage with one decimal, e.g. {@code 10.8 %}. */
    static String pct(double share, Locale locale) {
        return String.format(locale, "%.1f %%", share * 100);
    }
}

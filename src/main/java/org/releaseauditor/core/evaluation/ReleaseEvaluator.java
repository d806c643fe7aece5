package org.releaseauditor.core.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the attacks of an {@link EvaluationConfig} on aligned inputs: singling out (univariate and
 * multivariate), linkability and inference, each against the original, the control set and a
 * random-guess baseline. Deterministic for a seed; reports progress and stops on cancellation.
 */
public final class ReleaseEvaluator {
    private static final Logger LOGGER = LoggerFactory.getLogger(ReleaseEvaluator.class);

    /** Upper limit of attacks per attack type. */
    public static final int MAX_ATTACKS = 10_000_000;
    /** Upper limit of neighbours in the linkability attack. */
    public static final int MAX_NEIGHBOURS = 1000;

    private ReleaseEvaluator() {
    }

    /**
     * Checks the configuration against the aligned inputs before any attack runs.
     *
     * @throws ConfigurationException naming the first problem
     */
    public static void validate(EvaluationData data, EvaluationConfig config) throws ConfigurationException {
        if (config.attacks() < 1 || config.attacks() > MAX_ATTACKS) {
            throw new ConfigurationException("evaluation.error.attacks", config.attacks(), MAX_ATTACKS);
        }
        double level = config.confidenceLevel();
        if (!(level >= 0.5 && level < 1.0)) {
            throw new ConfigurationException("evaluation.error.confidence", String.valueOf(level));
        }
        EvaluationConfig.SinglingOutOptions so = config.singlingOut();
        boolean any = false;
        if (so != null && (so.univariate() || so.multivariate())) {
            any = true;
            int m = data.columns().size();
            if (so.multivariate() && (so.columnsPerPredicate() < 1 || so.columnsPerPredicate() > m)) {
                throw new ConfigurationException("evaluation.error.columnsPerPredicate", so.columnsPerPredicate(), m);
            }
            if (so.multivariate() && so.maxAttempts() < 1) {
                throw new ConfigurationException("evaluation.error.maxAttempts", so.maxAttempts());
            }
        }
        EvaluationConfig.LinkabilityOptions lo = config.linkability();
        if (lo != null) {
            any = true;
            columns(data, lo.auxA(), "evaluation.option.auxA");
            columns(data, lo.auxB(), "evaluation.option.auxB");
            if (lo.neighbours() < 1 || lo.neighbours() > MAX_NEIGHBOURS) {
                throw new ConfigurationException("evaluation.error.neighbours", lo.neighbours(), MAX_NEIGHBOURS);
            }
        }
        EvaluationConfig.InferenceOptions io = config.inference();
        if (io != null) {
            any = true;
            if (io.secret() == null || io.secret().isBlank()) {
                throw new ConfigurationException("evaluation.error.noSecret");
            }
            columns(data, List.of(io.secret()), "evaluation.option.secret");
            if (io.aux().contains(io.secret())) {
                throw new ConfigurationException("evaluation.error.secretInAux", io.secret());
            }
            if (!io.aux().isEmpty()) {
                columns(data, io.aux(), "evaluation.option.aux");
            } else if (data.columns().size() < 2) {
                throw new ConfigurationException("evaluation.error.noAux", io.secret());
            }
            if (!(io.tolerance() >= 0 && io.tolerance() <= 1)) {
                throw new ConfigurationException("evaluation.error.tolerance", String.valueOf(io.tolerance()));
            }
        }
        if (!any) {
            throw new ConfigurationException("evaluation.error.nothingToRun");
        }
    }

    private static int[] columns(EvaluationData data, List<String> names, String optionKey)
            throws ConfigurationException {
        if (names.isEmpty()) {
            throw new ConfigurationException("evaluation.error.noColumnsGiven",
                    org.releaseauditor.core.i18n.Messages.get(java.util.Locale.ENGLISH, optionKey));
        }
        int[] out = new int[names.size()];
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            int j = data.indexOf(n);
            if (j < 0) {
                List<String> all = new ArrayList<>();
                data.columns().forEach(c -> all.add(c.name()));
                throw new ConfigurationException("evaluation.error.unknownColumn", n,
                        org.releaseauditor.core.i18n.Messages.get(java.util.Locale.ENGLISH, optionKey),
                        String.join(", ", all));
            }
            if (seen.contains(n)) {
                throw new ConfigurationException("evaluation.error.duplicateColumn", String.join(", ", names));
            }
            seen.add(n);
            out[i] = j;
        }
        return out;
    }

    /**
     * Runs the evaluation.
     *
     * @throws ConfigurationException when the configuration does not fit the inputs (checked first)
     * @throws org.releaseauditor.core.progress.CancelledException when cancelled
     */
    public static EvaluationResult evaluate(EvaluationData data, EvaluationConfig config, ProgressMonitor monitor)
            throws ConfigurationException {
        validate(data, config);
        double z = Confidence.z(config.confidenceLevel());
        int m = data.columns().size();
        double[] ranges = new double[m];
        int[] cardinality = new int[m];
        for (int j = 0; j < m; j++) {
            EvaluationColumn c = data.columns().get(j);
            ranges[j] = c.kind() == ColumnKind.NUMERIC ? c.range() : 0;
            cardinality[j] = c.kind() == ColumnKind.CATEGORICAL ? c.distinct() : 0;
        }
        LOGGER.info("Evaluating release: original={} release={} control={} columns={} attacks={} seed={}",
                data.originalRows(), data.releaseRows(), data.controlRows(), m, config.attacks(), config.seed());
        EvaluationConfig.SinglingOutOptions so = config.singlingOut();
        boolean uni = so != null && so.univariate();
        boolean multi = so != null && so.multivariate();
        boolean link = config.linkability() != null;
        boolean inf = config.inference() != null;
        double[] weights = {uni ? 0.15 : 0, multi ? 0.25 : 0, link ? 0.35 : 0, inf ? 0.25 : 0};
        double total = weights[0] + weights[1] + weights[2] + weights[3];
        double[] from = new double[5];
        for (int i = 0; i < 4; i++) {
            from[i + 1] = from[i] + weights[i] / total;
        }
        AttackResult uniResult = null;
        AttackResult multiResult = null;
        if (uni || multi) {
            double a = uni ? from[0] : from[1];
            SinglingOutAttack attack = new SinglingOutAttack(data, cardinality, monitor.slice(a, a + 0.02));
            if (uni) {
                uniResult = attack.run(false, config.attacks(), 1, 1, config.seed(), z,
                        monitor.slice(from[0] + 0.02, from[1]));
            }
            if (multi) {
                multiResult = attack.run(true, config.attacks(), so.columnsPerPredicate(), so.maxAttempts(),
                        config.seed(), z, monitor.slice(uni ? from[1] : from[1] + 0.02, from[2]));
            }
        }
        AttackResult linkResult = null;
        if (link) {
            EvaluationConfig.LinkabilityOptions lo = config.linkability();
            linkResult = NeighbourAttacks.linkability(data, columns(data, lo.auxA(), "evaluation.option.auxA"),
                    columns(data, lo.auxB(), "evaluation.option.auxB"), lo.auxA(), lo.auxB(), lo.neighbours(),
                    config.attacks(), config.seed(), z, ranges, cardinality, monitor.slice(from[2], from[3]));
        }
        AttackResult infResult = null;
        if (inf) {
            EvaluationConfig.InferenceOptions io = config.inference();
            List<String> aux = io.aux();
            if (aux.isEmpty()) {
                List<String> all = new ArrayList<>();
                for (EvaluationColumn c : data.columns()) {
                    if (!c.name().equals(io.secret())) {
                        all.add(c.name());
                    }
                }
                aux = all;
            }
            infResult = NeighbourAttacks.inference(data, columns(data, aux, "evaluation.option.aux"), aux,
                    data.indexOf(io.secret()), io.secret(), io.tolerance(), config.attacks(), config.seed(), z,
                    ranges, cardinality, monitor.slice(from[3], from[4]));
        }
        List<EvaluationNote> notes = new ArrayList<>();
        if (!data.hasControl()) {
            notes.add(EvaluationNote.of("evaluation.note.noControl"));
        }
        monitor.update("evaluation.progress.done", 1, 1);
        return new EvaluationResult(data.originalRows(), data.releaseRows(), data.controlRows(), data.columns(),
                config.seed(), config.confidenceLevel(), uniResult, multiResult, linkResult, infResult, notes);
    }
}

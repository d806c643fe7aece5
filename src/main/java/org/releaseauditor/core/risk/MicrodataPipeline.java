package org.releaseauditor.core.risk;

import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnLookup;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.parallel.Workers;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole microdata analysis of one dataset and configuration, reporting each part to a
 * {@link MicrodataListener} as soon as it is known: the summary (with the class-size histogram)
 * first, then the population curve, the QI contribution, individual risk and SUDA2. The grouping
 * on all QIs is computed once and shared by every part. Every front end (the GUI, {@code analyze},
 * {@code case run}, the report and the benchmark) runs this one sequence, through the microdata
 * service. The lane's defaults (SUDA2's MSU size
 * limit, the curve's sampling fractions) come from the caller ({@link Options}).
 */
public final class MicrodataPipeline {
    private static final Logger LOGGER = LoggerFactory.getLogger(MicrodataPipeline.class);

    /**
     * What to compute beyond the summary.
     *
     * @param suda            whether to run SUDA2
     * @param sudaMaxMsu      largest MSU size SUDA2 searches (≤ 0: all key variables)
     * @param disFraction     DIS-SUDA sampling fraction
     * @param curveFractions  sampling fractions of the population-uniqueness curve (the configured
     *                        one is added); empty for no curve
     * @param workers         the cores to use
     */
    public record Options(boolean suda, int sudaMaxMsu, double disFraction, double[] curveFractions,
            Workers workers) {

        public Options {
            curveFractions = curveFractions.clone();
        }

        @Override
        public double[] curveFractions() {
            return curveFractions.clone();
        }
    }

    private MicrodataPipeline() {
    }

    /**
     * Runs the analysis. Progress: summary 0–40 %, QI contribution to 75 %, individual risk to
     * 85 %, SUDA2 to 97 % (slices of parts that do not run are skipped).
     *
     * @throws ConfigurationException for unknown columns (with a suggestion) or invalid parameters
     * @throws AuditException        for a weight column that is not numeric
     */
    public static MicrodataAnalysis run(Dataset data, MicrodataConfig config, Dataset superset, Options options,
            MicrodataListener listener, ProgressMonitor monitor) throws AuditException {
        long start = System.nanoTime();
        // unknown columns: one clear message with a "did you mean" suggestion, before any work
        List<Column> qis = ColumnLookup.require(data, config.quasiIdentifiers(), "--qi");
        ColumnLookup.require(data, config.sensitive().stream().map(SensitiveAttribute::column).toList(),
                "--sensitive");
        if (config.weightColumn() != null) {
            ColumnLookup.require(data, List.of(config.weightColumn()), "--weight");
        }
        if (config.householdColumn() != null) {
            ColumnLookup.require(data, List.of(config.householdColumn()), "--household");
        }
        MicrodataResult result = MicrodataAnalyzer.analyze(data, config, superset, monitor.slice(0, 0.4));
        listener.summary(result);
        List<MicrodataResult.PopulationUniqueness> curve = populationCurve(result, config, options.curveFractions(),
                monitor);
        listener.populationCurve(curve);
        int maxMsu = options.sudaMaxMsu() <= 0 ? qis.size() : Math.min(qis.size(), options.sudaMaxMsu());
        // SUDA2 reads its MSUs off the QI power set's count tables when they cover its subsets
        Suda2Marginals msus = options.suda() ? new Suda2Marginals(qis.size(), maxMsu) : null;
        List<QiContribution> contribution = QiContributionAnalysis.compute(qis,
                Math.min(config.maxQiSubset(), qis.size()), monitor.slice(0.4, 0.75), options.workers(), msus);
        listener.qiContribution(contribution);
        // every option that changes the frequencies (wildcards, weights, households, the method, qual and
        // survey) reaches individual, global and household risk; without weights r = 1/f_k (sdcMicro)
        IndividualRiskResult individual = IndividualRisk.compute(data, config, monitor.slice(0.75, 0.85));
        listener.individualRisk(individual);
        SudaResult suda = null;
        if (options.suda()) {
            suda = Suda2.compute(qis, maxMsu, options.disFraction(), monitor.slice(0.85, 0.97), options.workers(),
                    msus);
            listener.suda(suda);
        }
        monitor.update(Messages.get("progress.risk.measures"), 1000, 1000);
        MicrodataAnalysis a = new MicrodataAnalysis(data.name(), config, result, contribution, individual, suda,
                curve);
        LOGGER.info("Analysed dataset {} ({} rows, {} QIs) in {} ms", data.name(), data.rowCount(),
                config.quasiIdentifiers().size(), (System.nanoTime() - start) / 1_000_000);
        return a;
    }

    /** Population uniqueness at several sampling fractions (plus the configured one). */
    static List<MicrodataResult.PopulationUniqueness> populationCurve(MicrodataResult r, MicrodataConfig config,
            double[] fractionsWanted, ProgressMonitor monitor) {
        List<MicrodataResult.PopulationUniqueness> out = new ArrayList<>();
        if (r.records() == 0 || fractionsWanted.length == 0) {
            return out;
        }
        List<Double> fractions = new ArrayList<>();
        for (double f : fractionsWanted) {
            fractions.add(f);
        }
        if (r.populationUniqueness() != null) {
            fractions.add(r.populationUniqueness().samplingFraction());
        }
        fractions.sort(Double::compare);
        for (double f : fractions) {
            monitor.checkCancelled();
            long n = Math.max(r.records(), Math.round(r.records() / f));
            out.add(PopulationModels.estimate(r.histogram(), n, config.snbVariant(), monitor));
        }
        return out;
    }
}

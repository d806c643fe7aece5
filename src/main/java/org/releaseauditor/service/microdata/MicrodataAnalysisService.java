package org.releaseauditor.service.microdata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnLookup;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.risk.IndividualRisk;
import org.releaseauditor.core.risk.IndividualRiskResult;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.core.risk.MicrodataAnalyzer;
import org.releaseauditor.core.risk.MicrodataConfig;
import org.releaseauditor.core.risk.MicrodataResult;
import org.releaseauditor.core.risk.PopulationModels;
import org.releaseauditor.core.risk.QiContribution;
import org.releaseauditor.core.risk.QiContributionAnalysis;
import org.releaseauditor.core.risk.Suda2;
import org.releaseauditor.core.risk.SudaResult;
import org.releaseauditor.report.json.MicrodataJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The microdata analysis behind {@link MicrodataLane}: every measure of a loaded dataset, cached
 * per dataset instance and configuration, so going back to an earlier setting in the GUI is
 * instant. Front ends call the lane, not this class.
 */
public final class MicrodataAnalysisService {
    private static final Logger LOGGER = LoggerFactory.getLogger(MicrodataAnalysisService.class);
    /** Sampling fractions of the dashboard's population-uniqueness curve. */
    static final double[] CURVE_FRACTIONS = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5};
    private static final int CACHE_SIZE = 8;

    /** Largest minimal-sample-unique size searched by SUDA2 (sdcMicro's default is all key variables). */
    static final int SUDA_MAX_MSU = 4;
    private final Map<CacheKey, MicrodataAnalysis> cache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<CacheKey, MicrodataAnalysis> e) {
            return size() > CACHE_SIZE;
        }
    };

    private record CacheKey(Dataset data, MicrodataConfig config, Dataset superset, boolean suda) {
        @Override
        public boolean equals(Object o) {
            return o instanceof CacheKey k && k.data == data && k.superset == superset && k.suda == suda
                    && k.config.equals(config);
        }

        @Override
        public int hashCode() {
            return Objects.hash(System.identityHashCode(data), config, System.identityHashCode(superset), suda);
        }
    }

    /**
     * Analyses a loaded dataset (cached per dataset instance and configuration).
     *
     * @param suda whether SUDA2 runs (the costliest measure on wide tables)
     */
    public MicrodataAnalysis analyze(Dataset data, MicrodataConfig config, Dataset superset, boolean suda,
            ProgressMonitor monitor) throws AuditException {
        return analyze(data, config, superset, suda, MicrodataProgress.NONE, monitor);
    }

    /**
     * As {@link #analyze(Dataset, MicrodataConfig, Dataset, boolean, ProgressMonitor)}, and reports
     * each part to {@code parts} as soon as it is known (the summary first).
     */
    public MicrodataAnalysis analyze(Dataset data, MicrodataConfig config, Dataset superset, boolean suda,
            MicrodataProgress parts, ProgressMonitor monitor) throws AuditException {
        CacheKey key = new CacheKey(data, config, superset, suda);
        synchronized (cache) {
            MicrodataAnalysis hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        long start = System.nanoTime();
        // unknown columns: one clear message with a "did you mean" suggestion
        ColumnLookup.require(data, config.quasiIdentifiers(), "--qi");
        ColumnLookup.require(data, config.sensitive().stream().map(s -> s.column()).toList(), "--sensitive");
        if (config.weightColumn() != null) {
            ColumnLookup.require(data, List.of(config.weightColumn()), "--weight");
        }
        if (config.householdColumn() != null) {
            ColumnLookup.require(data, List.of(config.householdColumn()), "--household");
        }
        MicrodataResult result = MicrodataAnalyzer.analyze(data, config, superset, monitor.slice(0, 0.4));
        parts.summary(result);
        List<MicrodataResult.PopulationUniqueness> curve = populationCurve(result, config, monitor);
        parts.populationCurve(curve);
        List<Column> qis = ColumnLookup.require(data, config.quasiIdentifiers(), "--qi");
        List<QiContribution> contribution = QiContributionAnalysis.compute(qis,
                Math.min(config.maxQiSubset(), qis.size()), monitor.slice(0.4, 0.75));
        parts.qiContribution(contribution);
        // every option that changes the frequencies (wildcards, weights, households, the method, qual and
        // survey) reaches individual, global and household risk; without weights r = 1/f_k (sdcMicro)
        IndividualRiskResult individual = IndividualRisk.compute(data, config, monitor.slice(0.75, 0.85));
        parts.individualRisk(individual);
        SudaResult sudaResult = suda ? Suda2.compute(qis, Math.min(qis.size(), SUDA_MAX_MSU),
                Suda2.DEFAULT_DIS_FRACTION, monitor.slice(0.85, 0.97)) : null;
        if (sudaResult != null) {
            parts.suda(sudaResult);
        }
        MicrodataAnalysis a = new MicrodataAnalysis(data.name(), config, result, contribution, individual, sudaResult,
                curve);
        LOGGER.info("Analysed dataset {} ({} rows, {} QIs) in {} ms", data.name(), data.rowCount(),
                config.quasiIdentifiers().size(), (System.nanoTime() - start) / 1_000_000);
        synchronized (cache) {
            cache.put(key, a);
        }
        return a;
    }

    /** Population uniqueness at several sampling fractions (plus the configured one). */
    private static List<MicrodataResult.PopulationUniqueness> populationCurve(MicrodataResult r,
            MicrodataConfig config, ProgressMonitor monitor) {
        List<MicrodataResult.PopulationUniqueness> out = new ArrayList<>();
        if (r.records() == 0) {
            return out;
        }
        List<Double> fractions = new ArrayList<>();
        for (double f : CURVE_FRACTIONS) {
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

    /** The versioned JSON (schemaVersion 1) of an analysis. */
    public String toJson(MicrodataAnalysis a) {
        return MicrodataJson.write(a);
    }

    /** A readable text summary of an analysis. */
    public String toText(MicrodataAnalysis a) {
        return MicrodataJson.text(a);
    }
}

package org.releaseauditor.service.microdata;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.parallel.Workers;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.core.risk.MicrodataConfig;
import org.releaseauditor.core.risk.MicrodataPipeline;
import org.releaseauditor.core.risk.Suda2;
import org.releaseauditor.report.json.MicrodataJson;

/**
 * The microdata analysis behind {@link MicrodataLane}: every measure of a loaded dataset, cached
 * per dataset instance and configuration, so going back to an earlier setting in the GUI is
 * instant. Front ends call the lane, not this class.
 */
public final class MicrodataAnalysisService {
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
        MicrodataAnalysis a = MicrodataPipeline.run(data, config, superset, options(suda, Workers.defaults()), parts,
                monitor);
        synchronized (cache) {
            cache.put(key, a);
        }
        return a;
    }

    /**
     * The lane's defaults for the parts beyond the summary (SUDA2's MSU size limit and sampling
     * fraction, the curve's sampling fractions), on the given workers; the benchmark runs the same.
     */
    public static MicrodataPipeline.Options options(boolean suda, Workers workers) {
        return new MicrodataPipeline.Options(suda, SUDA_MAX_MSU, Suda2.DEFAULT_DIS_FRACTION, CURVE_FRACTIONS, workers);
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

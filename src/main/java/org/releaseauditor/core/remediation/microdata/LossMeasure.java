package org.releaseauditor.core.remediation.microdata;

import java.util.Locale;
import org.releaseauditor.core.error.ConfigurationException;

/**
 * The information-loss measures of METRICS.md §6, as ARX 3.9.x defines them
 * ({@code org.deidentifier.arx.metric.v2}) with ARX's default parameters (generalisation and
 * suppression weighted equally, gsFactor 0.5; every attribute weight 0.5, normalised to 1).
 */
public enum LossMeasure {
    /**
     * {@code Metric.createLossMetric()} ({@code MetricMDNMLoss}): per QI the released records' share
     * of the domain under their generalised value plus 1 per suppressed record, normalised as
     * (sum − N/D)/(N − N/D); the QIs combined by the geometric mean ∏(vᵢ + 1)^(1/q) − 1.
     */
    LOSS("loss"),
    /** {@code Metric.createDiscernabilityMetric()} ({@code MetricSDNMDiscernability}): Σ|E|² + N per suppressed record. */
    DISCERNIBILITY("discernibility"),
    /**
     * {@code Metric.createEntropyMetric(false)} ({@code MetricMDNUNMEntropy}): per QI −Σ_v a_v·log2(a_v/b_g(v))
     * over all records, plus −Σ_g c_g·log2(c_g/S) over the suppressed records' generalised values;
     * summed over the QIs.
     */
    ENTROPY("entropy"),
    /** {@code Metric.createPrecisionMetric()} ({@code MetricMDNMPrecision}): mean over QIs of ((N − S)·level/height + S)/N. */
    PRECISION("precision");

    private final String id;

    LossMeasure(String id) {
        this.id = id;
    }

    /** The name used in the CLI and JSON: loss, discernibility, entropy, precision. */
    public String id() {
        return id;
    }

    /** Parses {@code loss|discernibility|entropy|precision} (also ARX's spelling discernability). */
    public static LossMeasure parse(String s) throws ConfigurationException {
        String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (LossMeasure m : values()) {
            if (m.id.equals(t)) {
                return m;
            }
        }
        if ("discernability".equals(t) || "dm".equals(t)) {
            return DISCERNIBILITY;
        }
        throw new ConfigurationException("remediation.measure.unknown", s);
    }
}

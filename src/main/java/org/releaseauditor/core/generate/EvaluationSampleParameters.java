package org.releaseauditor.core.generate;

import org.releaseauditor.core.error.ConfigurationException;

/**
 * Parameters of a synthetic original, its held-out control set and a synthetic release with a
 * known leak ({@code generate evaluation}). Together with the seed they determine every output
 * byte.
 *
 * @param originalRows customers in the original (the source the release is made from)
 * @param controlRows  customers of the same population held out of the release (0 for none)
 * @param releaseRows  rows of the synthetic release
 * @param copyShare    share of release rows that are verbatim copies of original records (the
 *                     leak); the rest is sampled from a model of the original
 * @param areas        number of home areas of the simulated city
 * @param seed         seed of every random stream
 */
public record EvaluationSampleParameters(int originalRows, int controlRows, int releaseRows, double copyShare,
        int areas, long seed) {

    public static final int MAX_ROWS = 5_000_000;

    /** Checks the ranges; the message names the option and the allowed range. */
    public EvaluationSampleParameters validate() throws ConfigurationException {
        if (originalRows < 10 || originalRows > MAX_ROWS) {
            throw new ConfigurationException("generate.error.range", "--original-rows", originalRows, 10, MAX_ROWS);
        }
        if (controlRows < 0 || controlRows > MAX_ROWS) {
            throw new ConfigurationException("generate.error.range", "--control-rows", controlRows, 0, MAX_ROWS);
        }
        if (releaseRows < 1 || releaseRows > MAX_ROWS) {
            throw new ConfigurationException("generate.error.range", "--release-rows", releaseRows, 1, MAX_ROWS);
        }
        if (!(copyShare >= 0 && copyShare <= 1)) {
            throw new ConfigurationException("generate.error.range", "--copy-share", copyShare, 0, 1);
        }
        if (Math.round(copyShare * releaseRows) > originalRows) {
            throw new ConfigurationException("generate.error.copies", Math.round(copyShare * releaseRows),
                    originalRows);
        }
        if (areas < CityParameters.MIN_AREAS || areas > CityParameters.MAX_AREAS) {
            throw new ConfigurationException("generate.error.range", "--areas", areas, CityParameters.MIN_AREAS,
                    CityParameters.MAX_AREAS);
        }
        return this;
    }

    /** Number of release rows copied from the original. */
    public int copies() {
        return (int) Math.round(copyShare * releaseRows);
    }
}

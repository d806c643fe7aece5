package org.releaseauditor.core.generate;

import java.time.LocalDate;
import org.releaseauditor.core.error.ConfigurationException;

/**
 * Parameters of one synthetic city. Together with the seed they determine every output byte.
 *
 * @param people               number of simulated customers (N)
 * @param days                 number of simulated days (D), starting on {@link #startDate}
 * @param areas                number of areas (A), laid out on a grid of 1 km squares
 * @param seed                 seed of every random stream
 * @param startDate            first simulated day (a Monday by default)
 * @param suppressionThreshold counts below this value are withheld in the protected variants
 * @param extrapolationFactor  factor from customers to the whole population (1 / market share)
 */
public record CityParameters(int people, int days, int areas, long seed, LocalDate startDate,
        int suppressionThreshold, double extrapolationFactor) {

    /** Default first day: Monday, 3 March 2025 (no daylight-saving change within four weeks). */
    public static final LocalDate DEFAULT_START = LocalDate.of(2025, 3, 3);
    /** Default threshold: counts below 10 are withheld. */
    public static final int DEFAULT_THRESHOLD = 10;
    /** Default extrapolation factor: the operator has a 27 % market share, 1 / 0.27 ≈ 3.7. */
    public static final double DEFAULT_FACTOR = 3.7;

    public static final int MAX_PEOPLE = 5_000_000;
    public static final int MAX_DAYS = 366;
    public static final int MIN_AREAS = 4;
    public static final int MAX_AREAS = 2_500;
    /** Upper bound of days × 24 × areas × 12 footfall cells held in memory (about 1 GB of ints). */
    public static final long MAX_TABLE_CELLS = 250_000_000L;

    /** Parameters with the default start date, threshold and factor. */
    public static CityParameters of(int people, int days, int areas, long seed) {
        return new CityParameters(people, days, areas, seed, DEFAULT_START, DEFAULT_THRESHOLD, DEFAULT_FACTOR);
    }

    /** Checks the ranges; the message names the option and the allowed range. */
    public CityParameters validate() throws ConfigurationException {
        if (people < 1 || people > MAX_PEOPLE) {
            throw new ConfigurationException("generate.error.range", "--people", people, 1, MAX_PEOPLE);
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new ConfigurationException("generate.error.range", "--days", days, 1, MAX_DAYS);
        }
        if (areas < MIN_AREAS || areas > MAX_AREAS) {
            throw new ConfigurationException("generate.error.range", "--areas", areas, MIN_AREAS, MAX_AREAS);
        }
        if (suppressionThreshold < 1) {
            throw new ConfigurationException("generate.error.range", "threshold", suppressionThreshold, 1,
                    Integer.MAX_VALUE);
        }
        if (!(extrapolationFactor >= 1.0) || Double.isInfinite(extrapolationFactor)) {
            throw new ConfigurationException("generate.error.factor", extrapolationFactor);
        }
        if ((long) days * 24 * areas * 12 > MAX_TABLE_CELLS) {
            throw new ConfigurationException("generate.error.tooLarge", days, areas, MAX_TABLE_CELLS);
        }
        if (startDate == null) {
            throw new ConfigurationException("generate.error.startDate");
        }
        return this;
    }
}

package org.releaseauditor.core.generate;

import java.util.List;

/**
 * The fixed demographic targets of the simulation (adult customers of a mobile operator in a
 * German-like city). Tests check the generated marginals against these numbers.
 */
public final class Demography {

    /** Age-band labels as published in the aggregates. */
    public static final List<String> AGE_BANDS = List.of("18-24", "25-34", "35-44", "45-54", "55-64", "65+");
    /** Target share of each age band; sums to 1. */
    static final double[] AGE_BAND_SHARE = {0.09, 0.16, 0.16, 0.17, 0.18, 0.24};
    /** Lowest and highest age (inclusive) of each band. */
    static final int[] AGE_MIN = {18, 25, 35, 45, 55, 65};
    static final int[] AGE_MAX = {24, 34, 44, 54, 64, 89};

    /** Gender labels (code 0 and 1). */
    public static final List<String> GENDERS = List.of("F", "M");
    /** Target share of code 0 ("F"). */
    public static final double FEMALE_SHARE = 0.51;

    /** Share of each age band with a work place, and with a school or university place. */
    static final double[] WORK_SHARE = {0.40, 0.82, 0.85, 0.84, 0.68, 0.04};
    static final double[] STUDY_SHARE = {0.45, 0.05, 0.0, 0.0, 0.0, 0.0};

    /** Share of irregular movers (delivery drivers, shift workers, people without a routine). */
    public static final double IRREGULAR_SHARE = 0.03;

    public static final List<String> TARIFFS = List.of("prepaid", "postpaid", "business");
    public static final List<String> DEVICES =
            List.of("iPhone", "Samsung Galaxy", "Xiaomi", "Google Pixel", "Other Android", "Feature phone");
    public static final List<String> SEGMENTS =
            List.of("student", "young", "family", "business", "standard", "value", "senior");

    /** Device weights per age band (rows) in the order of {@link #DEVICES}. */
    static final double[][] DEVICE_WEIGHTS = {
        {0.46, 0.24, 0.14, 0.06, 0.09, 0.01},
        {0.40, 0.26, 0.12, 0.08, 0.13, 0.01},
        {0.36, 0.29, 0.10, 0.07, 0.16, 0.02},
        {0.33, 0.31, 0.08, 0.06, 0.19, 0.03},
        {0.28, 0.33, 0.06, 0.04, 0.22, 0.07},
        {0.22, 0.30, 0.03, 0.02, 0.23, 0.20},
    };

    private Demography() {
    }
}

package org.releaseauditor.core.generate;

/**
 * Accumulates the aggregates a footfall product derives from the simulation:
 * <ul>
 *   <li>hourly footfall: the number of distinct customers present in an area during an hour of a
 *       day, by age band and gender (the operator interpolates between events, so a person counts
 *       in the area of his or her stay even in an hour without events);</li>
 *   <li>daily origin–destination counts: the number of distinct customers from a home district
 *       who spent at least one hour in an area other than their home area on a day.</li>
 * </ul>
 * Memory: days × 24 × areas × 12 ints plus days × districts × areas ints.
 */
public final class CityAggregates implements CityListener {

    /** Number of (age band, gender) combinations. */
    public static final int GROUPS = Demography.AGE_BANDS.size() * Demography.GENDERS.size();

    private CityModel city;
    private Population population;
    private CityParameters parameters;
    private int areas;
    private int districts;
    private int[] footfall;
    private int[] od;
    private final boolean[] visited = new boolean[CityParameters.MAX_AREAS];

    @Override
    public void start(CityModel cityModel, Population pop, CityParameters params) {
        this.city = cityModel;
        this.population = pop;
        this.parameters = params;
        this.areas = cityModel.areaCount();
        this.districts = cityModel.districtCount();
        long cube = (long) params.days() * 24 * areas * GROUPS;
        long odSize = (long) params.days() * districts * areas;
        if (cube > Integer.MAX_VALUE - 8 || odSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("aggregate tables too large: days x areas");
        }
        footfall = new int[(int) cube];
        od = new int[(int) odSize];
    }

    @Override
    public void personDay(int person, int day, DayTrace trace) {
        int group = population.ageBand[person] * Demography.GENDERS.size() + population.gender[person];
        int home = population.home[person];
        int base = day * 24;
        int odBase = (day * districts + city.areaDistrict[home]) * areas;
        for (int h = 0; h < 24; h++) {
            int a = trace.hourArea[h];
            footfall[((base + h) * areas + a) * GROUPS + group]++;
            if (a != home && !visited[a]) {
                visited[a] = true;
                od[odBase + a]++;
            }
        }
        for (int h = 0; h < 24; h++) {
            visited[trace.hourArea[h]] = false;
        }
    }

    public CityModel city() {
        return city;
    }

    public CityParameters parameters() {
        return parameters;
    }

    /** Raw footfall of (day, hour, area, age band, gender). */
    public int footfall(int day, int hour, int area, int ageBand, int gender) {
        return footfall[((day * 24 + hour) * areas + area) * GROUPS + ageBand * Demography.GENDERS.size() + gender];
    }

    /** Raw origin–destination count of (day, home district, visited area). */
    public int od(int day, int homeDistrict, int area) {
        return od[(day * districts + homeDistrict) * areas + area];
    }

    /** The published value of a count under a threshold: -1 (withheld) when below it. */
    public static int withhold(int count, int threshold) {
        return count < threshold ? -1 : count;
    }

    /**
     * The extrapolated value of a raw count: {@code Math.round(raw × factor)} (half up), or -1
     * (withheld) when the raw count is below the threshold. The threshold applies to the raw
     * count, as a product would apply it before scaling.
     */
    public static long extrapolate(int raw, int threshold, double factor) {
        return raw < threshold ? -1 : Math.round(raw * factor);
    }
}

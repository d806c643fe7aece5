package org.releaseauditor.core.generate;

import java.util.SplittableRandom;

/**
 * The geography of the synthetic city: areas on a grid of 1 km squares around a fictional centre
 * (lat 52.0, lon 10.0), grouped into districts of 3 × 3 areas; radio cells placed in the areas,
 * denser in the centre; skewed resident density and attractiveness (a few central areas attract
 * many visitors); and the gravity-model destination distributions used by the movement model.
 *
 * <p>Arrays are exposed package-privately for speed and through copying getters otherwise.
 */
public final class CityModel {

    /** Fictional centre of the city. */
    public static final double CENTRE_LAT = 52.0;
    public static final double CENTRE_LON = 10.0;
    /** Degrees per kilometre at latitude 52. */
    static final double LAT_PER_KM = 1.0 / 111.32;
    static final double LON_PER_KM = 1.0 / (111.32 * Math.cos(Math.toRadians(CENTRE_LAT)));
    /** Side of a district in areas. */
    static final int DISTRICT_SIDE = 3;
    /** Distance decay (km) of leisure trips and of commutes in the gravity model. */
    static final double LEISURE_DECAY_KM = 2.5;
    static final double COMMUTE_DECAY_KM = 6.0;

    final int areaCount;
    final int gridCols;
    final double[] areaX;
    final double[] areaY;
    final double[] areaLat;
    final double[] areaLon;
    final int[] areaDistrict;
    final String[] areaIds;
    final String[] postcodes;
    final int districtCount;
    final String[] districtIds;
    final double[] residentWeight;
    final double[] attractiveness;
    final int cellCount;
    final int[] cellArea;
    final double[] cellLat;
    final double[] cellLon;
    final String[] cellIds;
    final int[] areaFirstCell;
    final int[] areaCellCount;
    /** Row-major cumulative destination distributions (A × A) for leisure trips and commutes. */
    final float[] leisureCdf;
    final float[] commuteCdf;
    /** Cumulative distribution of home areas. */
    final double[] homeCdf;

    private CityModel(int areas, SplittableRandom rnd) {
        this.areaCount = areas;
        this.gridCols = (int) Math.ceil(Math.sqrt(areas));
        int rows = (areas + gridCols - 1) / gridCols;
        areaX = new double[areas];
        areaY = new double[areas];
        areaLat = new double[areas];
        areaLon = new double[areas];
        areaDistrict = new int[areas];
        areaIds = new String[areas];
        postcodes = new String[areas];
        int districtCols = (gridCols + DISTRICT_SIDE - 1) / DISTRICT_SIDE;
        int[] districtOfBlock = new int[districtCols * ((rows + DISTRICT_SIDE - 1) / DISTRICT_SIDE)];
        java.util.Arrays.fill(districtOfBlock, -1);
        int districts = 0;
        double cx = (gridCols - 1) / 2.0;
        double cy = (rows - 1) / 2.0;
        double maxR = 0;
        int[] inDistrict = new int[districtOfBlock.length];
        for (int a = 0; a < areas; a++) {
            int r = a / gridCols;
            int c = a % gridCols;
            areaX[a] = c - cx;
            areaY[a] = cy - r;
            areaLat[a] = CENTRE_LAT + areaY[a] * LAT_PER_KM;
            areaLon[a] = CENTRE_LON + areaX[a] * LON_PER_KM;
            int block = (r / DISTRICT_SIDE) * districtCols + c / DISTRICT_SIDE;
            if (districtOfBlock[block] < 0) {
                districtOfBlock[block] = districts++;
            }
            areaDistrict[a] = districtOfBlock[block];
            int within = ++inDistrict[block];
            areaIds[a] = String.format(java.util.Locale.ROOT, "A%04d", a + 1);
            postcodes[a] = String.format(java.util.Locale.ROOT, "3%02d%02d", areaDistrict[a] + 10, within);
            maxR = Math.max(maxR, Math.hypot(areaX[a], areaY[a]));
        }
        districtCount = districts;
        districtIds = new String[districts];
        for (int d = 0; d < districts; d++) {
            districtIds[d] = String.format(java.util.Locale.ROOT, "D%02d", d + 1);
        }
        maxR = Math.max(maxR, 1.0);

        residentWeight = new double[areas];
        attractiveness = new double[areas];
        double[] centrality = new double[areas];
        for (int a = 0; a < areas; a++) {
            double r = Math.hypot(areaX[a], areaY[a]);
            centrality[a] = Math.exp(-r / (0.25 * maxR));
            // residents: gently decreasing with distance, log-normal noise
            residentWeight[a] = Math.exp(-r / (0.55 * maxR)) * Math.exp(0.5 * rnd.nextGaussian());
            // attractiveness: steep centre peak times a Pareto-tailed local factor (malls, parks, stations)
            double pareto = Math.min(20.0, Math.pow(1.0 - rnd.nextDouble(), -1.0 / 1.6));
            attractiveness[a] = (0.15 + 4.0 * centrality[a]) * pareto;
        }

        // cells: 1 in the periphery up to about 6 in the centre
        areaFirstCell = new int[areas];
        areaCellCount = new int[areas];
        int total = 0;
        for (int a = 0; a < areas; a++) {
            int n = 1 + (int) Math.round(4.0 * centrality[a]) + (rnd.nextDouble() < 0.3 ? 1 : 0);
            areaFirstCell[a] = total;
            areaCellCount[a] = n;
            total += n;
        }
        cellCount = total;
        cellArea = new int[total];
        cellLat = new double[total];
        cellLon = new double[total];
        cellIds = new String[total];
        for (int a = 0; a < areas; a++) {
            for (int k = 0; k < areaCellCount[a]; k++) {
                int cell = areaFirstCell[a] + k;
                cellArea[cell] = a;
                cellLat[cell] = areaLat[a] + (rnd.nextDouble() - 0.5) * 0.8 * LAT_PER_KM;
                cellLon[cell] = areaLon[a] + (rnd.nextDouble() - 0.5) * 0.8 * LON_PER_KM;
                cellIds[cell] = String.format(java.util.Locale.ROOT, "C%05d", cell + 1);
            }
        }

        homeCdf = cumulative(residentWeight);
        leisureCdf = gravity(LEISURE_DECAY_KM);
        commuteCdf = gravity(COMMUTE_DECAY_KM);
    }

    /** Builds the geography for {@code areas} areas from its own random stream. */
    public static CityModel build(int areas, long seed) {
        return new CityModel(areas, new SplittableRandom(Seeds.mix(seed, Seeds.STREAM_CITY)));
    }

    /** Normalised cumulative sums of non-negative weights; the last entry is exactly 1. */
    static double[] cumulative(double[] w) {
        double[] cdf = new double[w.length];
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i];
            cdf[i] = s;
        }
        for (int i = 0; i < w.length; i++) {
            cdf[i] /= s;
        }
        cdf[w.length - 1] = 1.0;
        return cdf;
    }

    private float[] gravity(double decayKm) {
        int n = areaCount;
        float[] cdf = new float[n * n];
        double[] row = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                double d = Math.hypot(areaX[i] - areaX[j], areaY[i] - areaY[j]);
                s += attractiveness[j] * Math.exp(-d / decayKm);
                row[j] = s;
            }
            for (int j = 0; j < n; j++) {
                cdf[i * n + j] = (float) (row[j] / s);
            }
            cdf[i * n + n - 1] = 1.0f;
        }
        return cdf;
    }

    /** Draws an index from a cumulative distribution. */
    static int draw(double[] cdf, double u) {
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Draws a destination area from origin {@code from} with a gravity distribution. */
    int drawDestination(float[] cdf, int from, double u) {
        int lo = from * areaCount;
        int hi = lo + areaCount - 1;
        int base = lo;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - base;
    }

    /** A random cell of area {@code a}. */
    int randomCell(int a, SplittableRandom rnd) {
        return areaFirstCell[a] + rnd.nextInt(areaCellCount[a]);
    }

    public int areaCount() {
        return areaCount;
    }

    public int districtCount() {
        return districtCount;
    }

    public int cellCount() {
        return cellCount;
    }

    public String areaId(int a) {
        return areaIds[a];
    }

    public String postcode(int a) {
        return postcodes[a];
    }

    public int areaDistrict(int a) {
        return areaDistrict[a];
    }

    public String districtId(int d) {
        return districtIds[d];
    }

    public double areaLat(int a) {
        return areaLat[a];
    }

    public double areaLon(int a) {
        return areaLon[a];
    }

    public String cellId(int c) {
        return cellIds[c];
    }

    public int cellArea(int c) {
        return cellArea[c];
    }

    public double cellLat(int c) {
        return cellLat[c];
    }

    public double cellLon(int c) {
        return cellLon[c];
    }

    /** Relative attractiveness of area {@code a} (unnormalised). */
    public double attractiveness(int a) {
        return attractiveness[a];
    }

    /** Distance in km between the centroids of two areas. */
    public double distanceKm(int a, int b) {
        return Math.hypot(areaX[a] - areaX[b], areaY[a] - areaY[b]);
    }
}

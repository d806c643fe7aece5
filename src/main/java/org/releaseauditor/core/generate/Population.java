package org.releaseauditor.core.generate;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * The simulated customers, one index per person, as parallel primitive arrays. Built once per
 * city from its own random stream, so that the population does not depend on the movement model.
 */
public final class Population {

    /** No work or school place. */
    public static final int OCCUPATION_NONE = 0;
    public static final int OCCUPATION_WORK = 1;
    public static final int OCCUPATION_STUDY = 2;

    final int size;
    final int[] age;
    final byte[] ageBand;
    final byte[] gender;
    final int[] home;
    final int[] homeCell;
    /** Work or school area, or -1. */
    final int[] work;
    final int[] workCell;
    final byte[] occupation;
    final boolean[] irregular;
    /** Multiplier of the hourly event rate (log-normal, mean 1). */
    final float[] activity;
    final byte[] tariff;
    final byte[] device;
    final byte[] segment;
    final long[] pseudonym;

    private Population(int n) {
        size = n;
        age = new int[n];
        ageBand = new byte[n];
        gender = new byte[n];
        home = new int[n];
        homeCell = new int[n];
        work = new int[n];
        workCell = new int[n];
        occupation = new byte[n];
        irregular = new boolean[n];
        activity = new float[n];
        tariff = new byte[n];
        device = new byte[n];
        segment = new byte[n];
        pseudonym = new long[n];
    }

    /** Draws {@code n} people for {@code city}; checks for cancellation per person. */
    public static Population generate(CityModel city, int n, long seed, ProgressMonitor monitor) {
        SplittableRandom rnd = new SplittableRandom(Seeds.mix(seed, Seeds.STREAM_POPULATION));
        Population p = new Population(n);
        double[] ageCdf = CityModel.cumulative(Demography.AGE_BAND_SHARE);
        double[][] deviceCdf = new double[Demography.DEVICE_WEIGHTS.length][];
        for (int b = 0; b < deviceCdf.length; b++) {
            deviceCdf[b] = CityModel.cumulative(Demography.DEVICE_WEIGHTS[b]);
        }
        Set<Long> usedPseudonyms = new HashSet<>(n * 2);
        for (int i = 0; i < n; i++) {
            if (i % ProgressMonitor.CHECK_INTERVAL == 0) {
                monitor.checkCancelled();
                monitor.update("Population", i, n);
            }
            int band = CityModel.draw(ageCdf, rnd.nextDouble());
            p.ageBand[i] = (byte) band;
            p.age[i] = drawAge(band, rnd);
            p.gender[i] = (byte) (rnd.nextDouble() < Demography.FEMALE_SHARE ? 0 : 1);
            int home = CityModel.draw(city.homeCdf, rnd.nextDouble());
            p.home[i] = home;
            p.homeCell[i] = city.randomCell(home, rnd);
            double u = rnd.nextDouble();
            int occ = u < Demography.WORK_SHARE[band] ? OCCUPATION_WORK
                    : u < Demography.WORK_SHARE[band] + Demography.STUDY_SHARE[band] ? OCCUPATION_STUDY
                    : OCCUPATION_NONE;
            p.occupation[i] = (byte) occ;
            if (occ == OCCUPATION_NONE) {
                p.work[i] = -1;
                p.workCell[i] = -1;
            } else {
                int w = city.drawDestination(city.commuteCdf, home, rnd.nextDouble());
                p.work[i] = w;
                p.workCell[i] = city.randomCell(w, rnd);
            }
            p.irregular[i] = rnd.nextDouble() < Demography.IRREGULAR_SHARE;
            p.activity[i] = (float) Math.exp(0.6 * rnd.nextGaussian() - 0.18);
            int tariff = drawTariff(band, occ, rnd);
            p.tariff[i] = (byte) tariff;
            p.device[i] = (byte) CityModel.draw(deviceCdf[band], rnd.nextDouble());
            p.segment[i] = (byte) drawSegment(band, occ, tariff, rnd);
            long pseudo;
            do {
                pseudo = rnd.nextLong() & 0x0000_FFFF_FFFF_FFFFL;
            } while (!usedPseudonyms.add(pseudo));
            p.pseudonym[i] = pseudo;
        }
        monitor.update("Population", n, n);
        return p;
    }

    private static int drawAge(int band, SplittableRandom rnd) {
        int lo = Demography.AGE_MIN[band];
        int hi = Demography.AGE_MAX[band];
        if (band < Demography.AGE_MIN.length - 1) {
            return lo + rnd.nextInt(hi - lo + 1);
        }
        // oldest band: declining with age (triangular towards the upper end)
        double u = rnd.nextDouble();
        return lo + (int) Math.floor((hi - lo + 1) * (1.0 - Math.sqrt(u)));
    }

    private static int drawTariff(int band, int occ, SplittableRandom rnd) {
        if (occ == OCCUPATION_WORK && rnd.nextDouble() < 0.10) {
            return 2;
        }
        double prepaid = band == 0 ? 0.45 : band == 5 ? 0.35 : 0.18;
        return rnd.nextDouble() < prepaid ? 0 : 1;
    }

    private static int drawSegment(int band, int occ, int tariff, SplittableRandom rnd) {
        if (occ == OCCUPATION_STUDY) {
            return 0;
        }
        if (tariff == 2) {
            return 3;
        }
        if (band == 5) {
            return 6;
        }
        if (band == 0) {
            return 1;
        }
        if (tariff == 0) {
            return 5;
        }
        return band <= 3 && rnd.nextDouble() < 0.45 ? 2 : 4;
    }

    public int size() {
        return size;
    }

    public int age(int i) {
        return age[i];
    }

    /** Index into {@link Demography#AGE_BANDS}. */
    public int ageBand(int i) {
        return ageBand[i];
    }

    /** Index into {@link Demography#GENDERS}. */
    public int gender(int i) {
        return gender[i];
    }

    public int home(int i) {
        return home[i];
    }

    /** Work or school area, or -1. */
    public int work(int i) {
        return work[i];
    }

    public int occupation(int i) {
        return occupation[i];
    }

    /** Whether the person has a work or school area other than the home area. */
    public boolean isCommuter(int i) {
        return work[i] >= 0 && work[i] != home[i];
    }

    public boolean isIrregular(int i) {
        return irregular[i];
    }

    public int tariff(int i) {
        return tariff[i];
    }

    public int device(int i) {
        return device[i];
    }

    public int segment(int i) {
        return segment[i];
    }

    /** The person's 48-bit release pseudonym (unique within the city). */
    public long pseudonym(int i) {
        return pseudonym[i];
    }
}

package org.releaseauditor.io.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.releaseauditor.core.generate.CityAggregates;
import org.releaseauditor.core.generate.CityListener;
import org.releaseauditor.core.generate.CityModel;
import org.releaseauditor.core.generate.CityParameters;
import org.releaseauditor.core.generate.DayTrace;
import org.releaseauditor.core.generate.Demography;
import org.releaseauditor.core.generate.GeneratedFile;
import org.releaseauditor.core.generate.Population;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Writes the synthetic city as CSV files into one folder. The per-event and per-hour files are
 * streamed while the simulation runs; the aggregate tables are written at the end from a
 * {@link CityAggregates}. Listener methods wrap {@link IOException} in
 * {@link UncheckedIOException}; the caller unwraps it.
 */
public final class CityCsvWriter implements CityListener, AutoCloseable {

    public static final String AREAS = "areas.csv";
    public static final String CELLS = "cells.csv";
    public static final String CELL_TO_DISTRICT = "cell_to_district.csv";
    public static final String CUSTOMERS = "customers.csv";
    public static final String EVENTS = "events_pseudonymised.csv";
    public static final String TRUTH = "trajectories_truth.csv";
    public static final String FOOTFALL_RAW = "footfall_hourly.csv";
    public static final String FOOTFALL_WITHHELD = "footfall_hourly_withheld.csv";
    public static final String FOOTFALL_EXTRAPOLATED = "footfall_hourly_extrapolated.csv";
    public static final String OD_RAW = "od_daily.csv";
    public static final String OD_WITHHELD = "od_daily_withheld.csv";
    /** Label of a margin (all categories) in the withheld footfall variant. */
    public static final String ALL = "ALL";

    private final Path dir;
    private final List<GeneratedFile> files = new ArrayList<>();
    private final List<HashingCsvWriter> open = new ArrayList<>();
    private HashingCsvWriter events;
    private HashingCsvWriter truth;
    private Population population;
    private byte[][] dateBytes;
    private byte[][] cellTail;
    private byte[][] areaBytes;
    private byte[][] userBytes;
    private byte[][] demoBytes;

    public CityCsvWriter(Path dir) {
        this.dir = dir;
    }

    /** The files written so far, in writing order. */
    public List<GeneratedFile> files() {
        return List.copyOf(files);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String coord(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    @Override
    public void start(CityModel city, Population pop, CityParameters parameters) {
        this.population = pop;
        try {
            writeAreas(city);
            writeCells(city);
            writeCustomers(city, pop);
            int days = parameters.days();
            dateBytes = new byte[days][];
            for (int d = 0; d < days; d++) {
                dateBytes[d] = ascii(parameters.startDate().plusDays(d).toString());
            }
            cellTail = new byte[city.cellCount()][];
            for (int c = 0; c < city.cellCount(); c++) {
                cellTail[c] = ascii("," + city.cellId(c) + "," + coord(city.cellLat(c)) + "," + coord(city.cellLon(c)));
            }
            areaBytes = new byte[city.areaCount()][];
            for (int a = 0; a < city.areaCount(); a++) {
                areaBytes[a] = ascii(city.areaId(a));
            }
            demoBytes = new byte[CityAggregates.GROUPS][];
            for (int b = 0; b < Demography.AGE_BANDS.size(); b++) {
                for (int g = 0; g < Demography.GENDERS.size(); g++) {
                    demoBytes[b * Demography.GENDERS.size() + g] =
                            ascii("," + Demography.AGE_BANDS.get(b) + "," + Demography.GENDERS.get(g));
                }
            }
            userBytes = new byte[pop.size()][];
            for (int i = 0; i < pop.size(); i++) {
                userBytes[i] = ascii(customerId(i));
            }
            events = track(new HashingCsvWriter(dir, EVENTS, "pseudonym,timestamp,cell,lat,lon,age_band,gender"));
            truth = track(new HashingCsvWriter(dir, TRUTH, "user,date,hour,area"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HashingCsvWriter track(HashingCsvWriter w) {
        open.add(w);
        return w;
    }

    private void done(HashingCsvWriter w) throws IOException {
        files.add(w.finish());
        open.remove(w);
    }

    static String customerId(int i) {
        return String.format(Locale.ROOT, "U%07d", i + 1);
    }

    private void writeAreas(CityModel city) throws IOException {
        HashingCsvWriter w = track(new HashingCsvWriter(dir, AREAS, "area,district,postcode,lat,lon"));
        for (int a = 0; a < city.areaCount(); a++) {
            w.ascii(city.areaId(a)).comma().ascii(city.districtId(city.areaDistrict(a))).comma()
                    .ascii(city.postcode(a)).comma().ascii(coord(city.areaLat(a))).comma()
                    .ascii(coord(city.areaLon(a))).endLine();
        }
        done(w);
    }

    private void writeCells(CityModel city) throws IOException {
        HashingCsvWriter w = track(new HashingCsvWriter(dir, CELLS, "cell,area,lat,lon"));
        HashingCsvWriter m = track(new HashingCsvWriter(dir, CELL_TO_DISTRICT, "cell,district"));
        for (int c = 0; c < city.cellCount(); c++) {
            int a = city.cellArea(c);
            w.ascii(city.cellId(c)).comma().ascii(city.areaId(a)).comma().ascii(coord(city.cellLat(c))).comma()
                    .ascii(coord(city.cellLon(c))).endLine();
            m.ascii(city.cellId(c)).comma().ascii(city.districtId(city.areaDistrict(a))).endLine();
        }
        done(w);
        done(m);
    }

    private void writeCustomers(CityModel city, Population pop) throws IOException {
        HashingCsvWriter w = track(new HashingCsvWriter(dir, CUSTOMERS,
                "customer_id,age,gender,postcode_area,tariff,device,segment"));
        for (int i = 0; i < pop.size(); i++) {
            w.ascii(customerId(i)).comma().integer(pop.age(i)).comma()
                    .ascii(Demography.GENDERS.get(pop.gender(i))).comma()
                    .ascii(city.postcode(pop.home(i))).comma()
                    .ascii(Demography.TARIFFS.get(pop.tariff(i))).comma()
                    .ascii(Demography.DEVICES.get(pop.device(i))).comma()
                    .ascii(Demography.SEGMENTS.get(pop.segment(i))).endLine();
        }
        done(w);
    }

    @Override
    public void personDay(int person, int day, DayTrace trace) {
        try {
            byte[] date = dateBytes[day];
            byte[] demo = demoBytes[population.ageBand(person) * Demography.GENDERS.size() + population.gender(person)];
            long pseudo = population.pseudonym(person);
            for (int k = 0; k < trace.eventCount(); k++) {
                int s = trace.eventSecond(k);
                events.hex(pseudo, 12).comma().bytes(date).ch('T').twoDigits(s / 3600).ch(':')
                        .twoDigits(s / 60 % 60).ch(':').twoDigits(s % 60).bytes(cellTail[trace.eventCell(k)])
                        .bytes(demo).endLine();
            }
            byte[] user = userBytes[person];
            for (int h = 0; h < 24; h++) {
                truth.bytes(user).comma().bytes(date).comma().integer(h).comma().bytes(areaBytes[trace.area(h)])
                        .endLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finish() {
        try {
            done(events);
            done(truth);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the footfall and origin–destination tables. */
    public void writeAggregates(CityAggregates agg, ProgressMonitor monitor) throws IOException {
        CityParameters p = agg.parameters();
        CityModel city = agg.city();
        int bands = Demography.AGE_BANDS.size();
        int genders = Demography.GENDERS.size();
        int threshold = p.suppressionThreshold();
        String header = "date,hour,area,age_band,gender,count";
        HashingCsvWriter raw = track(new HashingCsvWriter(dir, FOOTFALL_RAW, header));
        HashingCsvWriter held = track(new HashingCsvWriter(dir, FOOTFALL_WITHHELD, header));
        HashingCsvWriter ext = track(new HashingCsvWriter(dir, FOOTFALL_EXTRAPOLATED, header));
        int[] bandTotal = new int[bands];
        int[] genderTotal = new int[genders];
        for (int d = 0; d < p.days(); d++) {
            monitor.checkCancelled();
            monitor.update("Writing aggregates", d, p.days());
            byte[] dateB = dateBytes[d];
            for (int h = 0; h < 24; h++) {
                for (int a = 0; a < city.areaCount(); a++) {
                    java.util.Arrays.fill(bandTotal, 0);
                    java.util.Arrays.fill(genderTotal, 0);
                    int total = 0;
                    for (int b = 0; b < bands; b++) {
                        for (int g = 0; g < genders; g++) {
                            int c = agg.footfall(d, h, a, b, g);
                            bandTotal[b] += c;
                            genderTotal[g] += c;
                            total += c;
                            byte[] demo = demoBytes[b * genders + g];
                            cellPrefix(raw, dateB, h, a).bytes(demo).comma().integer(c).endLine();
                            cellPrefix(held, dateB, h, a).bytes(demo).comma();
                            optional(held, CityAggregates.withhold(c, threshold));
                            cellPrefix(ext, dateB, h, a).bytes(demo).comma();
                            optional(ext, CityAggregates.extrapolate(c, threshold, p.extrapolationFactor()));
                        }
                    }
                    for (int b = 0; b < bands; b++) {
                        cellPrefix(held, dateB, h, a).comma().ascii(Demography.AGE_BANDS.get(b)).comma().ascii(ALL)
                                .comma();
                        optional(held, CityAggregates.withhold(bandTotal[b], threshold));
                    }
                    for (int g = 0; g < genders; g++) {
                        cellPrefix(held, dateB, h, a).comma().ascii(ALL).comma().ascii(Demography.GENDERS.get(g))
                                .comma();
                        optional(held, CityAggregates.withhold(genderTotal[g], threshold));
                    }
                    cellPrefix(held, dateB, h, a).comma().ascii(ALL).comma().ascii(ALL).comma();
                    optional(held, CityAggregates.withhold(total, threshold));
                }
            }
        }
        done(raw);
        done(held);
        done(ext);

        String odHeader = "date,home_district,area,count";
        HashingCsvWriter odRaw = track(new HashingCsvWriter(dir, OD_RAW, odHeader));
        HashingCsvWriter odHeld = track(new HashingCsvWriter(dir, OD_WITHHELD, odHeader));
        for (int d = 0; d < p.days(); d++) {
            monitor.checkCancelled();
            for (int k = 0; k < city.districtCount(); k++) {
                String district = city.districtId(k);
                for (int a = 0; a < city.areaCount(); a++) {
                    int c = agg.od(d, k, a);
                    odRaw.bytes(dateBytes[d]).comma().ascii(district).comma().bytes(areaBytes[a]).comma().integer(c)
                            .endLine();
                    odHeld.bytes(dateBytes[d]).comma().ascii(district).comma().bytes(areaBytes[a]).comma();
                    optional(odHeld, CityAggregates.withhold(c, threshold));
                }
            }
        }
        done(odRaw);
        done(odHeld);
        monitor.update("Writing aggregates", p.days(), p.days());
    }

    private HashingCsvWriter cellPrefix(HashingCsvWriter w, byte[] date, int hour, int area) throws IOException {
        return w.bytes(date).comma().integer(hour).comma().bytes(areaBytes[area]);
    }

    /** Writes the value, or nothing for a withheld (-1) value, and ends the line. */
    private static void optional(HashingCsvWriter w, long v) throws IOException {
        if (v >= 0) {
            w.integer(v);
        }
        w.endLine();
    }

    /** Closes every file still open (after an error or a cancellation). */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (HashingCsvWriter w : List.copyOf(open)) {
            try {
                w.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }
}

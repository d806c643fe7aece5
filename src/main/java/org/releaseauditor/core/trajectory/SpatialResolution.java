package org.releaseauditor.core.trajectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.util.LongIntHashMap;

/**
 * How locations are generalised to areas: unchanged, a lat/lon grid in metres, geohash cells, or
 * a user-supplied mapping from location id to area.
 */
public sealed interface SpatialResolution {

    /** A short label, e.g. {@code grid:500m}, also used in JSON output. */
    String label();

    /** Assigns every location of the table to an area. */
    AreaAssignment assign(EventTable table) throws ConfigurationException;

    /** Areas of each location, with a representative coordinate per area (NaN when unknown). */
    record AreaAssignment(int[] areaOfLocation, int areaCount, double[] areaLat, double[] areaLng) {
    }

    /** Locations as they are (location id, or exact coordinate pair). */
    record Identity() implements SpatialResolution {
        @Override
        public String label() {
            return "none";
        }

        @Override
        public AreaAssignment assign(EventTable t) {
            int n = t.locationCount();
            int[] a = new int[n];
            double[] lat = new double[n];
            double[] lng = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = i;
                lat[i] = t.latitude(i);
                lng[i] = t.longitude(i);
            }
            return new AreaAssignment(a, n, lat, lng);
        }
    }

    /**
     * A square grid of {@code metres} in an equirectangular projection whose x scale is fixed at
     * the equator-to-reference-latitude factor {@code cos(refLat)}; grids whose sizes divide each
     * other are nested because every grid starts at (0, 0).
     */
    record Grid(double metres) implements SpatialResolution {
        static final double METRES_PER_DEGREE = 111_320.0;

        @Override
        public String label() {
            return "grid:" + formatMetres(metres);
        }

        @Override
        public AreaAssignment assign(EventTable t) throws ConfigurationException {
            requireCoordinates(t, label());
            int n = t.locationCount();
            double ref = 0;
            for (int i = 0; i < n; i++) {
                ref += t.latitude(i);
            }
            ref = Math.round(ref / n); // whole degrees: stable under small data changes
            double xScale = METRES_PER_DEGREE * Math.cos(Math.toRadians(ref));
            LongIntHashMap cells = new LongIntHashMap(Math.max(16, n));
            int[] area = new int[n];
            List<double[]> centres = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long cy = (long) Math.floor(t.latitude(i) * METRES_PER_DEGREE / metres);
                long cx = (long) Math.floor(t.longitude(i) * xScale / metres);
                long key = (cy << 32) ^ (cx & 0xffffffffL);
                int id = cells.getOrPut(key, centres.size());
                if (id == centres.size()) {
                    centres.add(new double[] {(cy + 0.5) * metres / METRES_PER_DEGREE, (cx + 0.5) * metres / xScale});
                }
                area[i] = id;
            }
            return fromCentres(area, centres);
        }
    }

    /** Geohash cells of {@code precision} characters (1..12). */
    record Geohash(int precision) implements SpatialResolution {
        @Override
        public String label() {
            return "geohash:" + precision;
        }

        @Override
        public AreaAssignment assign(EventTable t) throws ConfigurationException {
            requireCoordinates(t, label());
            int n = t.locationCount();
            LongIntHashMap cells = new LongIntHashMap(Math.max(16, n));
            int[] area = new int[n];
            List<double[]> centres = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double[] box = new double[4];
                long key = encode(t.latitude(i), t.longitude(i), precision, box);
                int id = cells.getOrPut(key, centres.size());
                if (id == centres.size()) {
                    centres.add(new double[] {(box[0] + box[1]) / 2, (box[2] + box[3]) / 2});
                }
                area[i] = id;
            }
            return fromCentres(area, centres);
        }

        /** The geohash bits of a coordinate (5 bits per character); box receives latMin, latMax, lngMin, lngMax. */
        static long encode(double lat, double lng, int precision, double[] box) {
            double latLo = -90;
            double latHi = 90;
            double lngLo = -180;
            double lngHi = 180;
            long bits = 0;
            boolean even = true;
            for (int b = 0; b < 5 * precision; b++) {
                if (even) {
                    double mid = (lngLo + lngHi) / 2;
                    if (lng >= mid) {
                        bits = (bits << 1) | 1;
                        lngLo = mid;
                    } else {
                        bits <<= 1;
                        lngHi = mid;
                    }
                } else {
                    double mid = (latLo + latHi) / 2;
                    if (lat >= mid) {
                        bits = (bits << 1) | 1;
                        latLo = mid;
                    } else {
                        bits <<= 1;
                        latHi = mid;
                    }
                }
                even = !even;
            }
            box[0] = latLo;
            box[1] = latHi;
            box[2] = lngLo;
            box[3] = lngHi;
            return bits;
        }

        /** The geohash string of a coordinate (for tests and labels). */
        public static String hash(double lat, double lng, int precision) {
            String alphabet = "0123456789bcdefghjkmnpqrstuvwxyz";
            long bits = encode(lat, lng, precision, new double[4]);
            char[] out = new char[precision];
            for (int i = precision - 1; i >= 0; i--) {
                out[i] = alphabet.charAt((int) (bits & 31));
                bits >>>= 5;
            }
            return new String(out);
        }
    }

    /**
     * A user mapping from location id (or, for coordinates, "lat,lng" is not supported) to area
     * name. Every location must be mapped.
     */
    record Mapping(String name, Map<String, String> locationToArea) implements SpatialResolution {
        public Mapping {
            locationToArea = Map.copyOf(locationToArea);
        }

        @Override
        public String label() {
            return "map:" + name;
        }

        @Override
        public AreaAssignment assign(EventTable t) throws ConfigurationException {
            if (t.locationCount() > 0 && t.locationName(0) == null) {
                throw new ConfigurationException("trajectory.error.mapNeedsIds", name);
            }
            int n = t.locationCount();
            int[] area = new int[n];
            Map<String, Integer> ids = new java.util.HashMap<>();
            TreeSet<String> unmapped = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                String a = locationToArea.get(t.locationName(i));
                if (a == null) {
                    unmapped.add(t.locationName(i));
                    continue;
                }
                Integer id = ids.get(a);
                if (id == null) {
                    id = ids.size();
                    ids.put(a, id);
                }
                area[i] = id;
            }
            if (!unmapped.isEmpty()) {
                throw new ConfigurationException("trajectory.error.unmapped", name, unmapped.size(), unmapped.first());
            }
            // an area's coordinate: the mean of its locations' coordinates (NaN without coordinates)
            double[] lat = new double[ids.size()];
            double[] lng = new double[ids.size()];
            int[] members = new int[ids.size()];
            for (int i = 0; i < n; i++) {
                lat[area[i]] += t.latitude(i);
                lng[area[i]] += t.longitude(i);
                members[area[i]]++;
            }
            for (int a = 0; a < lat.length; a++) {
                lat[a] = members[a] == 0 ? Double.NaN : lat[a] / members[a];
                lng[a] = members[a] == 0 ? Double.NaN : lng[a] / members[a];
            }
            return new AreaAssignment(area, ids.size(), lat, lng);
        }
    }

    private static void requireCoordinates(EventTable t, String label) throws ConfigurationException {
        if (!t.hasCoordinates()) {
            throw new ConfigurationException("trajectory.error.spatialNeedsCoordinates", label);
        }
    }

    private static AreaAssignment fromCentres(int[] area, List<double[]> centres) {
        double[] lat = new double[centres.size()];
        double[] lng = new double[centres.size()];
        for (int i = 0; i < lat.length; i++) {
            lat[i] = centres.get(i)[0];
            lng[i] = centres.get(i)[1];
        }
        return new AreaAssignment(area, lat.length, lat, lng);
    }

    /** Formats metres as {@code 500m} or {@code 2km}. */
    static String formatMetres(double m) {
        if (m >= 1000 && m % 1000 == 0) {
            return (long) (m / 1000) + "km";
        }
        return (m == Math.rint(m) ? String.valueOf((long) m) : String.valueOf(m)) + "m";
    }

    /**
     * Parses {@code none}, {@code grid:500m}, {@code 500m}, {@code 2km} or {@code geohash:6}. Mapping
     * files ({@code map:FILE}) are read by the service and are not parsed here.
     */
    static SpatialResolution parse(String spec) throws ConfigurationException {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.equals("none") || s.equals("id")) {
                return new Identity();
            }
            if (s.startsWith("geohash:")) {
                int p = Integer.parseInt(s.substring(8));
                if (p < 1 || p > 12) {
                    throw new ConfigurationException("trajectory.error.badSpatial", spec);
                }
                return new Geohash(p);
            }
            if (s.startsWith("grid:")) {
                s = s.substring(5);
            }
            double metres;
            if (s.endsWith("km")) {
                metres = Double.parseDouble(s.substring(0, s.length() - 2)) * 1000;
            } else if (s.endsWith("m")) {
                metres = Double.parseDouble(s.substring(0, s.length() - 1));
            } else {
                throw new ConfigurationException("trajectory.error.badSpatial", spec);
            }
            if (!(metres > 0)) {
                throw new ConfigurationException("trajectory.error.badSpatial", spec);
            }
            return new Grid(metres);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("trajectory.error.badSpatial", spec);
        }
    }
}

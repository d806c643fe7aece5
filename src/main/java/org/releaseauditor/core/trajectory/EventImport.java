package org.releaseauditor.core.trajectory;

import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.util.LongIntHashMap;

/**
 * Converts a loaded {@link Dataset} into an {@link EventTable}. Every distinct timestamp and
 * coordinate value is parsed once (the dataset is dictionary-encoded). Line numbers in errors
 * assume one header line: data row r (0-based) is line r + 2.
 */
public final class EventImport {

    /** Earliest accepted event time, 1900-01-01T00:00:00Z, in epoch seconds. */
    static final long EARLIEST = -2_208_988_800L;
    /** Latest accepted event time, 2199-12-31T23:59:59Z: later values are typing or unit errors. */
    static final long LATEST = 7_258_118_399L;

    private EventImport() {
    }

    /**
     * @param file   file name for error messages
     * @throws ConfigurationException when a column does not exist or the time format is invalid
     * @throws DatasetFormatException when a value cannot be used
     */
    public static EventTable fromDataset(Dataset ds, EventColumns spec, String file, ProgressMonitor monitor)
            throws AuditException {
        Column user = column(ds, spec.user(), "user", file);
        Column time = column(ds, spec.time(), "time", file);
        Column loc = null;
        Column lat = null;
        Column lng = null;
        if (spec.location() != null) {
            loc = column(ds, spec.location(), "location", file);
            if (spec.lat() != null && spec.lng() != null) {
                // location ids with coordinates: the ids define the places, the coordinates place them
                // on maps and grids (mean coordinate of each id)
                lat = column(ds, spec.lat(), "lat", file);
                lng = column(ds, spec.lng(), "lng", file);
            }
        } else if (spec.lat() != null && spec.lng() != null) {
            lat = column(ds, spec.lat(), "lat", file);
            lng = column(ds, spec.lng(), "lng", file);
        } else {
            throw new ConfigurationException("trajectory.error.locationSpec");
        }
        List<Column> attrs = new ArrayList<>();
        for (String a : spec.attributes()) {
            attrs.add(column(ds, a, "attributes", file));
        }
        int rows = ds.rowCount();
        if (rows == 0) {
            throw new DatasetFormatException(file, 0, 0, "trajectory.error.noEvents", file);
        }
        long[] timeOfCode = parseTimes(ds, time, spec, file, monitor);
        int[] uc = user.codes();
        int[] tc = time.codes();
        requirePresent(ds, user, file, "pseudonym");
        requirePresent(ds, time, file, "timestamp");
        long[] eventTime = new long[rows];
        for (int r = 0; r < rows; r++) {
            eventTime[r] = timeOfCode[tc[r]];
        }
        int[] eventLoc = new int[rows];
        String[] locNames = null;
        double[] locLat = null;
        double[] locLng = null;
        if (loc != null) {
            requirePresent(ds, loc, file, "location");
            System.arraycopy(loc.codes(), 0, eventLoc, 0, rows);
            locNames = loc.dictionary();
            if (lat != null) {
                requirePresent(ds, lat, file, "latitude");
                requirePresent(ds, lng, file, "longitude");
                double[] latOf = coordinates(ds, lat, 90, file, "trajectory.error.latRange");
                double[] lngOf = coordinates(ds, lng, 180, file, "trajectory.error.lngRange");
                int places = loc.cardinality();
                locLat = new double[places];
                locLng = new double[places];
                int[] n = new int[places];
                int[] la = lat.codes();
                int[] ln = lng.codes();
                for (int r = 0; r < rows; r++) {
                    int id = eventLoc[r];
                    locLat[id] += latOf[la[r]];
                    locLng[id] += lngOf[ln[r]];
                    n[id]++;
                }
                for (int i = 0; i < places; i++) {
                    locLat[i] = n[i] == 0 ? Double.NaN : locLat[i] / n[i];
                    locLng[i] = n[i] == 0 ? Double.NaN : locLng[i] / n[i];
                }
            }
        } else {
            requirePresent(ds, lat, file, "latitude");
            requirePresent(ds, lng, file, "longitude");
            double[] latOf = coordinates(ds, lat, 90, file, "trajectory.error.latRange");
            double[] lngOf = coordinates(ds, lng, 180, file, "trajectory.error.lngRange");
            LongIntHashMap pairs = new LongIntHashMap(Math.max(16, Math.max(lat.cardinality(), lng.cardinality())));
            List<double[]> coords = new ArrayList<>();
            int[] la = lat.codes();
            int[] ln = lng.codes();
            for (int r = 0; r < rows; r++) {
                long key = ((long) la[r] << 32) | (ln[r] & 0xffffffffL);
                int id = pairs.getOrPut(key, coords.size());
                if (id == coords.size()) {
                    coords.add(new double[] {latOf[la[r]], lngOf[ln[r]]});
                }
                eventLoc[r] = id;
            }
            locLat = new double[coords.size()];
            locLng = new double[coords.size()];
            for (int i = 0; i < coords.size(); i++) {
                locLat[i] = coords.get(i)[0];
                locLng[i] = coords.get(i)[1];
            }
        }
        monitor.checkCancelled();
        int[] userOfEvent = new int[rows];
        System.arraycopy(uc, 0, userOfEvent, 0, rows);
        int users = user.cardinality();
        // users in the dictionary but without events cannot occur for a column; guard anyway
        int[] count = new int[users];
        for (int r = 0; r < rows; r++) {
            count[uc[r]]++;
        }
        for (int u = 0; u < users; u++) {
            if (count[u] == 0) {
                throw new DatasetFormatException(file, 0, 0, "trajectory.error.emptyTrace", file, u);
            }
        }
        int[] attrClass = null;
        int attrClasses = 0;
        if (!attrs.isEmpty()) {
            attrClass = new int[users];
            java.util.Arrays.fill(attrClass, -1);
            java.util.Map<List<Integer>, Integer> classes = new java.util.HashMap<>();
            for (int r = 0; r < rows; r++) {
                if (attrClass[uc[r]] >= 0) {
                    continue;
                }
                List<Integer> key = new ArrayList<>(attrs.size());
                for (Column a : attrs) {
                    key.add(a.code(r));
                }
                Integer id = classes.get(key);
                if (id == null) {
                    id = classes.size();
                    classes.put(key, id);
                }
                attrClass[uc[r]] = id;
            }
            attrClasses = classes.size();
        }
        return EventTable.of(user.dictionary(), userOfEvent, eventTime, eventLoc, locNames, locLat, locLng,
                attrClass, attrClasses, spec.zone());
    }

    private static Column column(Dataset ds, String name, String option, String file) throws ConfigurationException {
        return ds.column(name).orElseThrow(() -> new ConfigurationException("trajectory.error.unknownColumn", name,
                file, String.join(", ", ds.columnNames()), option));
    }

    private static int firstRowWithCode(Column c, int code) {
        int[] codes = c.codes();
        for (int r = 0; r < c.size(); r++) {
            if (codes[r] == code) {
                return r;
            }
        }
        return 0;
    }

    private static void requirePresent(Dataset ds, Column c, String file, String what) throws DatasetFormatException {
        int[] codes = c.codes();
        for (int r = 0; r < c.size(); r++) {
            if (codes[r] < 0) {
                throw new DatasetFormatException(file, r + 2L, ds.indexOf(c.name()) + 1, "trajectory.error.missingValue",
                        file, r + 2L, c.name(), what);
            }
        }
    }

    private static long[] parseTimes(Dataset ds, Column time, EventColumns spec, String file, ProgressMonitor monitor)
            throws AuditException {
        String fmt = spec.timeFormat() == null ? "auto" : spec.timeFormat().trim();
        TimestampParser parser;
        boolean auto = false;
        switch (fmt.toLowerCase(java.util.Locale.ROOT)) {
            case "auto":
                auto = true;
                parser = null;
                break;
            case "iso":
                parser = TimestampParser.of(TimestampParser.Kind.ISO, spec.zone());
                break;
            case "epoch":
            case "epoch-s":
                parser = TimestampParser.of(TimestampParser.Kind.EPOCH_SECONDS, spec.zone());
                break;
            case "epoch-ms":
                parser = TimestampParser.of(TimestampParser.Kind.EPOCH_MILLIS, spec.zone());
                break;
            default:
                try {
                    parser = TimestampParser.ofPattern(fmt, spec.zone());
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException("trajectory.error.badPattern", fmt, String.valueOf(e.getMessage()));
                }
        }
        int col = ds.indexOf(time.name()) + 1;
        if (auto) {
            int first = -1;
            int[] codes = time.codes();
            for (int r = 0; r < time.size() && first < 0; r++) {
                if (codes[r] >= 0) {
                    first = codes[r];
                }
            }
            TimestampParser.Kind kind = first < 0 ? null : TimestampParser.detect(time.value(first));
            if (kind == null) {
                int row = first < 0 ? 0 : firstRowWithCode(time, first);
                throw new DatasetFormatException(file, row + 2L, col, "trajectory.error.timestamp", file, row + 2L,
                        time.name(), first < 0 ? "" : time.value(first), "ISO 8601 / epoch");
            }
            parser = TimestampParser.of(kind, spec.zone());
        }
        long[] out = new long[time.cardinality()];
        for (int code = 0; code < out.length; code++) {
            if ((code & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
            }
            String v = time.value(code);
            long t = parser.parse(v);
            if (t == TimestampParser.INVALID) {
                int row = firstRowWithCode(time, code);
                TimestampParser.Kind other = TimestampParser.detect(v);
                if (auto && other != null && other != parser.kind()) {
                    throw new DatasetFormatException(file, row + 2L, col, "trajectory.error.mixedTime", file, row + 2L,
                            time.name(), v, other.label(), parser.kind().label());
                }
                throw new DatasetFormatException(file, row + 2L, col, "trajectory.error.timestamp", file, row + 2L,
                        time.name(), v, parser.kind().label());
            }
            if (auto && parser.kind() != TimestampParser.Kind.ISO) {
                TimestampParser.Kind other = TimestampParser.detect(v);
                if (other != parser.kind()) {
                    int row = firstRowWithCode(time, code);
                    throw new DatasetFormatException(file, row + 2L, col, "trajectory.error.mixedTime", file, row + 2L,
                            time.name(), v, other == null ? "?" : other.label(), parser.kind().label());
                }
            }
            // a mixed format is the likelier story, so it is checked first
            if (t < EARLIEST || t > LATEST) {
                int row = firstRowWithCode(time, code);
                throw new DatasetFormatException(file, row + 2L, col, "trajectory.error.timestampRange", file, row + 2L,
                        time.name(), v, parser.kind().label());
            }
            out[code] = t;
        }
        return out;
    }

    private static double[] coordinates(Dataset ds, Column c, double limit, String file, String key)
            throws DatasetFormatException {
        double[] out = new double[c.cardinality()];
        for (int code = 0; code < out.length; code++) {
            double d = c.numeric(code);
            if (Double.isNaN(d) || d < -limit || d > limit) {
                int row = firstRowWithCode(c, code);
                throw new DatasetFormatException(file, row + 2L, ds.indexOf(c.name()) + 1, key, file, row + 2L,
                        c.name());
            }
            out[code] = d;
        }
        return out;
    }
}

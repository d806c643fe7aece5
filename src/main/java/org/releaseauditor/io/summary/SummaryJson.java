package org.releaseauditor.io.summary;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.risk.SensitiveAttribute;
import org.releaseauditor.core.summary.MicrodataSummary;
import org.releaseauditor.core.summary.SummaryInput;
import org.releaseauditor.core.summary.TrajectorySummary;


/**
 * Writes and reads lane summaries as JSON: {@code "format": "release-auditor-summary"},
 * {@code "schemaVersion": 1}, {@code "lane"}. Large arrays (one entry per class, cell or user) are
 * streamed in both directions, so a summary of millions of classes needs no tree in memory.
 * Doubles are written in Java's shortest round-trip form and read back to the same bits.
 */
public final class SummaryJson {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "release-auditor-summary";
    /** The schema version written and read. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private SummaryJson() {
    }

    // ---------------------------------------------------------------------------------- writing

    /** Writes a microdata summary (UTF-8); the stream is left open. */
    public static void write(MicrodataSummary s, OutputStream out) throws IOException {
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            header(g, "microdata", s.producer(), s.input());
            MicrodataSummary.Options o = s.options();
            g.writeObjectFieldStart("options");
            strings(g, "quasiIdentifiers", o.quasiIdentifiers());
            g.writeArrayFieldStart("sensitive");
            for (SensitiveAttribute a : o.sensitive()) {
                g.writeStartObject();
                g.writeStringField("attribute", a.column());
                g.writeBooleanField("ordered", a.ordered());
                g.writeEndObject();
            }
            g.writeEndArray();
            nullableString(g, "weight", o.weight());
            nullableString(g, "household", o.household());
            g.writeNumberField("maxQiSubset", o.maxQiSubset());
            map(g, "import", o.importOptions());
            g.writeEndObject();
            g.writeObjectFieldStart("counts");
            g.writeNumberField("rows", s.rows());
            g.writeNumberField("records", s.records());
            g.writeNumberField("classes", s.classes());
            g.writeNumberField("suppressedRecords", s.suppressedRecords());
            g.writeEndObject();
            g.writeObjectFieldStart("classes");
            longs(g, "size", s.classSizes());
            double[] w = s.weightSums();
            if (w == null) {
                g.writeNullField("weightSum");
            } else {
                doubles(g, "weightSum", w);
            }
            g.writeEndObject();
            g.writeArrayFieldStart("sensitive");
            for (MicrodataSummary.SensitiveCells c : s.sensitive()) {
                g.writeStartObject();
                g.writeStringField("attribute", c.column());
                g.writeBooleanField("ordered", c.ordered());
                g.writeNumberField("values", c.values());
                ints(g, "cellsPerClass", c.cellsPerClass());
                ints(g, "value", c.value());
                longs(g, "count", c.count());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("qiSubsets");
            for (MicrodataSummary.SubsetStats st : s.qiSubsets()) {
                g.writeStartObject();
                g.writeArrayFieldStart("qis");
                for (int i : st.qis()) {
                    g.writeNumber(i);
                }
                g.writeEndArray();
                g.writeNumberField("records", st.records());
                g.writeNumberField("classes", st.classes());
                g.writeNumberField("samePairs", st.samePairs());
                g.writeNumberField("uniqueRows", st.uniqueRows());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** A microdata summary as a JSON string (tests, small summaries). */
    public static String toJson(MicrodataSummary s) {
        return inMemory(s, SummaryJson::write);
    }

    /** Writes a summary to a file. */
    public static void write(MicrodataSummary s, Path file) throws DatasetFormatException {
        toFile(s, file, SummaryJson::write);
    }

    /** Writes a trajectory summary (UTF-8); the stream is left open. */
    public static void write(TrajectorySummary s, OutputStream out) throws IOException {
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            header(g, "trajectories", s.producer(), s.input());
            TrajectorySummary.Options o = s.options();
            g.writeObjectFieldStart("options");
            g.writeStringField("user", o.user());
            g.writeStringField("time", o.time());
            nullableString(g, "location", o.location());
            nullableString(g, "lat", o.lat());
            nullableString(g, "lng", o.lng());
            strings(g, "attributes", o.attributes());
            g.writeStringField("timeFormat", o.timeFormat());
            g.writeStringField("zone", o.zone());
            g.writeStringField("spatial", o.spatial());
            g.writeStringField("temporal", o.temporal());
            g.writeNumberField("maxPoints", o.maxPoints());
            g.writeNumberField("sampleUsers", o.sampleUsers());
            g.writeNumberField("seed", o.seed());
            strings(g, "sweepSpatial", o.sweepSpatial());
            strings(g, "sweepTemporal", o.sweepTemporal());
            g.writeNumberField("sweepPoints", o.sweepPoints());
            map(g, "import", o.importOptions());
            g.writeEndObject();
            g.writeObjectFieldStart("counts");
            g.writeNumberField("users", s.users());
            g.writeNumberField("events", s.events());
            g.writeNumberField("locations", s.locations());
            g.writeNumberField("sampledUsers", s.main().sampled());
            g.writeEndObject();
            g.writeFieldName("unicity");
            resolution(g, s.main());
            g.writeArrayFieldStart("sweep");
            for (TrajectorySummary.Resolution r : s.sweep()) {
                resolution(g, r);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void resolution(JsonGenerator g, TrajectorySummary.Resolution r) throws IOException {
        g.writeStartObject();
        g.writeStringField("spatial", r.spatial());
        g.writeStringField("temporal", r.temporal());
        g.writeNumberField("areas", r.areas());
        g.writeNumberField("points", r.points());
        g.writeNumberField("fromPoints", r.fromP());
        g.writeNumberField("toPoints", r.toP());
        ints(g, "drawn", r.drawn());
        ints(g, "matches", r.matches());
        g.writeEndObject();
    }

    /** Writes one kind of summary to a stream (one of the {@code write} methods). */
    @FunctionalInterface
    private interface StreamWriter<S> {
        void write(S summary, OutputStream out) throws IOException;
    }

    private static <S> String inMemory(S summary, StreamWriter<S> writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(summary, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static <S> void toFile(S summary, Path file, StreamWriter<S> writer) throws DatasetFormatException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writer.write(summary, out);
        } catch (IOException e) {
            throw new DatasetFormatException(e, file.toString(), 0, 0, "summary.error.write", file.toString(),
                    String.valueOf(e.getMessage()));
        }
    }

    /** A trajectory summary as a JSON string. */
    public static String toJson(TrajectorySummary s) {
        return inMemory(s, SummaryJson::write);
    }

    /** Writes a trajectory summary to a file. */
    public static void write(TrajectorySummary s, Path file) throws DatasetFormatException {
        toFile(s, file, SummaryJson::write);
    }

    /** Reads a trajectory summary file and checks its consistency. */
    public static TrajectorySummary readTrajectories(Path file) throws AuditException {
        return fromFile(file, SummaryJson::readTrajectories);
    }

    /** Reads a trajectory summary; {@code name} is used in messages. */
    public static TrajectorySummary readTrajectories(InputStream in, String name) throws AuditException {
        return parse(in, name, p -> {
            HeaderFields h = new HeaderFields(name, "trajectories");
            TrajectorySummary.Options options = null;
            int users = -1;
            int events = -1;
            int locations = -1;
            TrajectorySummary.Resolution main = null;
            List<TrajectorySummary.Resolution> sweep = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                if (h.take(f, p.nextToken(), p)) {
                    continue;
                }
                switch (f) {
                    case "options" -> options = trajectoryOptions(p.readValueAsTree(), name);
                    case "counts" -> {
                        JsonNode c = p.readValueAsTree();
                        users = (int) requireLong(c, "users", name);
                        events = (int) requireLong(c, "events", name);
                        locations = (int) requireLong(c, "locations", name);
                    }
                    case "unicity" -> main = readResolution(p, name);
                    case "sweep" -> {
                        expectCurrent(p, JsonToken.START_ARRAY, name);
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            sweep.add(readResolution(p, name));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            h.checkHeader();
            if (h.lane == null || h.input == null || options == null || main == null || users < 0) {
                throw new ConfigurationException("summary.error.notSummary", name,
                        "missing lane, input, options, counts or unicity");
            }
            TrajectorySummary s = new TrajectorySummary(h.input, options, h.producer, users, events, locations, main,
                    sweep);
            s.validate();
            return s;
        });
    }

    private static TrajectorySummary.Resolution readResolution(JsonParser p, String name) throws IOException,
            AuditException {
        expectCurrent(p, JsonToken.START_OBJECT, name);
        String spatial = null;
        String temporal = null;
        int areas = -1;
        int points = -1;
        int fromP = -1;
        int toP = -1;
        int[] drawn = null;
        int[] matches = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "spatial" -> spatial = p.getValueAsString();
                case "temporal" -> temporal = p.getValueAsString();
                case "areas" -> areas = p.getValueAsInt();
                case "points" -> points = p.getValueAsInt();
                case "fromPoints" -> fromP = p.getValueAsInt();
                case "toPoints" -> toP = p.getValueAsInt();
                case "drawn" -> drawn = toInts(readLongs(p, name));
                case "matches" -> matches = toInts(readLongs(p, name));
                default -> p.skipChildren();
            }
        }
        if (spatial == null || temporal == null || drawn == null || matches == null || fromP < 1 || toP < fromP) {
            throw new ConfigurationException("summary.error.inconsistent", "unicity", "incomplete resolution");
        }
        return new TrajectorySummary.Resolution(spatial, temporal, areas, points, fromP, toP, drawn, matches);
    }

    private static TrajectorySummary.Options trajectoryOptions(JsonNode o, String name) throws AuditException {
        String user = text(o, "user");
        String time = text(o, "time");
        if (user == null || time == null) {
            throw new ConfigurationException("summary.error.notSummary", name, "options without user or time");
        }
        return new TrajectorySummary.Options(user, time, text(o, "location"), text(o, "lat"), text(o, "lng"),
                strings(o.path("attributes")), text(o, "timeFormat"), text(o, "zone"), text(o, "spatial"),
                text(o, "temporal"), (int) requireLong(o, "maxPoints", name), (int) requireLong(o, "sampleUsers", name),
                requireLong(o, "seed", name), strings(o.path("sweepSpatial")), strings(o.path("sweepTemporal")),
                (int) requireLong(o, "sweepPoints", name), stringMap(o.path("import")));
    }

    static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
        pp.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        g.setPrettyPrinter(pp);
        return g;
    }

    static void header(JsonGenerator g, String lane, String producer, SummaryInput in) throws IOException {
        g.writeStringField("format", FORMAT);
        g.writeNumberField("schemaVersion", SCHEMA_VERSION);
        g.writeStringField("lane", lane);
        nullableString(g, "producer", producer);
        g.writeObjectFieldStart("input");
        g.writeStringField("name", in.name());
        nullableString(g, "sha256", in.sha256());
        g.writeNumberField("bytes", in.bytes());
        g.writeNumberField("rows", in.rows());
        g.writeEndObject();
    }

    static void nullableString(JsonGenerator g, String field, String v) throws IOException {
        if (v == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, v);
        }
    }

    static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    static void map(JsonGenerator g, String field, Map<String, String> m) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : m.entrySet()) {
            nullableString(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    static void longs(JsonGenerator g, String field, long[] v) throws IOException {
        g.writeFieldName(field);
        g.writeArray(v, 0, v.length);
    }

    static void ints(JsonGenerator g, String field, int[] v) throws IOException {
        g.writeFieldName(field);
        g.writeArray(v, 0, v.length);
    }

    static void doubles(JsonGenerator g, String field, double[] v) throws IOException {
        g.writeFieldName(field);
        g.writeArray(v, 0, v.length);
    }

    // ---------------------------------------------------------------------------------- reading

    /** The lane of a summary file ("microdata" or "trajectories"), after checking its header. */
    public static String lane(Path file) throws AuditException {
        return header(file).lane();
    }

    /**
     * What a summary says about itself, read without its (possibly large) arrays: lane, producer,
     * input and options. For checking a request against a summary before any work.
     *
     * @param lane             "microdata" or "trajectories"
     * @param producer         "in-process" or "spark"
     * @param input            what the summary was made from
     * @param microdata        the options of a microdata summary, else null
     * @param trajectories     the options of a trajectory summary, else null
     */
    public record Header(String lane, String producer, SummaryInput input, MicrodataSummary.Options microdata,
            TrajectorySummary.Options trajectories) {
    }

    /** Reads the {@link Header} of a summary file (stops after the options), checking format and version. */
    public static Header header(Path file) throws AuditException {
        return fromFile(file, (in, name) -> parse(in, name, p -> {
            HeaderFields h = new HeaderFields(name, null);
            JsonNode options = null;
            while (p.nextToken() == JsonToken.FIELD_NAME && (!h.complete() || options == null)) {
                String f = p.currentName();
                if (h.take(f, p.nextToken(), p)) {
                    continue;
                }
                if ("options".equals(f)) {
                    options = p.readValueAsTree();
                } else {
                    p.skipChildren();
                }
            }
            h.checkHeader();
            if (h.lane == null || h.input == null || options == null) {
                throw new ConfigurationException("summary.error.notSummary", name, "missing lane, input or options");
            }
            return switch (h.lane) {
                case "microdata" -> new Header(h.lane, h.producer, h.input, microdataOptions(options, name), null);
                case "trajectories" -> new Header(h.lane, h.producer, h.input, null, trajectoryOptions(options, name));
                default -> throw new ConfigurationException("summary.error.notSummary", name,
                        "unknown lane \"" + h.lane + "\"");
            };
        }));
    }

    /** Reads a microdata summary file and checks its consistency. */
    public static MicrodataSummary readMicrodata(Path file) throws AuditException {
        return fromFile(file, SummaryJson::readMicrodata);
    }

    /** Reads a microdata summary; {@code name} is used in messages. */
    public static MicrodataSummary readMicrodata(InputStream in, String name) throws AuditException {
        return parse(in, name, p -> {
            HeaderFields h = new HeaderFields(name, "microdata");
            MicrodataSummary.Options options = null;
            long rows = -1;
            long suppressed = -1;
            long[] sizes = null;
            double[] weights = null;
            List<MicrodataSummary.SensitiveCells> sensitive = new ArrayList<>();
            List<MicrodataSummary.SubsetStats> subsets = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                if (h.take(f, p.nextToken(), p)) {
                    continue;
                }
                switch (f) {
                    case "options" -> options = microdataOptions(p.readValueAsTree(), name);
                    case "counts" -> {
                        JsonNode c = p.readValueAsTree();
                        rows = requireLong(c, "rows", name);
                        suppressed = requireLong(c, "suppressedRecords", name);
                    }
                    case "classes" -> {
                        expectCurrent(p, JsonToken.START_OBJECT, name);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String cf = p.currentName();
                            JsonToken ct = p.nextToken();
                            if ("size".equals(cf)) {
                                sizes = readLongs(p, name);
                            } else if ("weightSum".equals(cf) && ct != JsonToken.VALUE_NULL) {
                                weights = readDoubles(p, name);
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                    case "sensitive" -> {
                        expectCurrent(p, JsonToken.START_ARRAY, name);
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            sensitive.add(cells(p, name));
                        }
                    }
                    case "qiSubsets" -> {
                        expectCurrent(p, JsonToken.START_ARRAY, name);
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            JsonNode n = p.readValueAsTree();
                            List<Integer> qis = new ArrayList<>();
                            for (JsonNode q : n.path("qis")) {
                                qis.add(q.asInt());
                            }
                            subsets.add(new MicrodataSummary.SubsetStats(qis, requireLong(n, "records", name),
                                    requireLong(n, "classes", name), requireLong(n, "samePairs", name),
                                    requireLong(n, "uniqueRows", name)));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            h.checkHeader();
            if (h.lane == null || h.input == null || options == null || sizes == null || rows < 0 || suppressed < 0) {
                throw new ConfigurationException("summary.error.notSummary", name,
                        "missing lane, input, options, counts or classes");
            }
            MicrodataSummary s = new MicrodataSummary(h.input, options, h.producer, rows, suppressed, sizes, weights,
                    sensitive, subsets);
            s.validate();
            return s;
        });
    }

    /** Reads one kind of summary (or its header) from a stream; {@code name} is used in messages. */
    @FunctionalInterface
    private interface StreamReader<S> {
        S read(InputStream in, String name) throws AuditException;
    }

    /** Opens {@code file} and hands it to {@code reader}; a file that cannot be opened is unreadable. */
    private static <S> S fromFile(Path file, StreamReader<S> reader) throws AuditException {
        try (InputStream in = Files.newInputStream(file)) {
            return reader.read(in, file.toString());
        } catch (IOException e) {
            throw unreadable(file.toString(), e);
        }
    }

    /** Reads the fields of the top-level object once its opening brace has been checked. */
    @FunctionalInterface
    private interface ObjectReader<S> {
        S read(JsonParser p) throws IOException, AuditException;
    }

    /** Parses a summary object from {@code in}, turning malformed JSON and read failures into format errors. */
    private static <S> S parse(InputStream in, String name, ObjectReader<S> body) throws AuditException {
        try (JsonParser p = FACTORY.createParser(in)) {
            p.setCodec(MAPPER);
            expect(p, JsonToken.START_OBJECT, name);
            return body.read(p);
        } catch (JsonParseException e) {
            throw malformed(name, e);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    private static DatasetFormatException unreadable(String name, IOException e) {
        return new DatasetFormatException(e, name, 0, 0, "io.error.unreadable", name, String.valueOf(e.getMessage()));
    }

    /**
     * The header fields every summary starts with ({@code format}, {@code schemaVersion}, {@code lane},
     * {@code producer}, {@code input}), collected while a reader walks the top-level object. A reader for
     * one lane ({@code expectedLane} set) checks the version and the lane as soon as they come; the
     * {@link #header(Path)} reader ({@code expectedLane} null) checks only after the walk.
     */
    private static final class HeaderFields {
        private final String name;
        private final String expectedLane;
        String format;
        Integer version;
        String lane;
        String producer;
        SummaryInput input;

        HeaderFields(String name, String expectedLane) {
            this.name = name;
            this.expectedLane = expectedLane;
        }

        /** Takes the value of field {@code f} (current token {@code t}) if it is a header field; false otherwise. */
        boolean take(String f, JsonToken t, JsonParser p) throws IOException, AuditException {
            switch (f) {
                case "format" -> format = p.getValueAsString();
                case "schemaVersion" -> {
                    version = p.getValueAsInt();
                    if (expectedLane != null) {
                        checkHeader();
                    }
                }
                case "lane" -> {
                    lane = p.getValueAsString();
                    if (expectedLane != null && !expectedLane.equals(lane)) {
                        throw new ConfigurationException("summary.error.lane", name, lane, expectedLane);
                    }
                }
                case "producer" -> producer = t == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                case "input" -> input = input(p.readValueAsTree(), name);
                default -> {
                    return false;
                }
            }
            return true;
        }

        /** Whether format, version, lane and input have all been read. */
        boolean complete() {
            return format != null && version != null && lane != null && input != null;
        }

        void checkHeader() throws ConfigurationException {
            SummaryJson.checkHeader(name, format, version);
        }
    }

    private static MicrodataSummary.SensitiveCells cells(JsonParser p, String name) throws IOException,
            AuditException {
        String attribute = null;
        boolean ordered = false;
        int values = -1;
        int[] perClass = null;
        int[] value = null;
        long[] count = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "attribute" -> attribute = p.getValueAsString();
                case "ordered" -> ordered = p.getValueAsBoolean();
                case "values" -> values = p.getValueAsInt();
                case "cellsPerClass" -> perClass = toInts(readLongs(p, name));
                case "value" -> value = toInts(readLongs(p, name));
                case "count" -> count = readLongs(p, name);
                default -> p.skipChildren();
            }
        }
        if (attribute == null || values < 0 || perClass == null || value == null || count == null) {
            throw new ConfigurationException("summary.error.inconsistent", "sensitive", "incomplete entry");
        }
        return new MicrodataSummary.SensitiveCells(attribute, ordered, values, perClass, value, count);
    }

    private static int[] toInts(long[] v) throws ConfigurationException {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] < Integer.MIN_VALUE || v[i] > Integer.MAX_VALUE) {
                throw new ConfigurationException("summary.error.inconsistent", "sensitive", "number out of range");
            }
            out[i] = (int) v[i];
        }
        return out;
    }

    private static MicrodataSummary.Options microdataOptions(JsonNode o, String name) throws AuditException {
        List<String> qis = strings(o.path("quasiIdentifiers"));
        List<SensitiveAttribute> sensitive = new ArrayList<>();
        for (JsonNode s : o.path("sensitive")) {
            sensitive.add(new SensitiveAttribute(s.path("attribute").asText(), s.path("ordered").asBoolean()));
        }
        return new MicrodataSummary.Options(qis, sensitive, text(o, "weight"), text(o, "household"),
                (int) requireLong(o, "maxQiSubset", name), stringMap(o.path("import")));
    }

    static SummaryInput input(JsonNode n, String name) throws AuditException {
        String in = text(n, "name");
        if (in == null || in.isBlank()) {
            throw new ConfigurationException("summary.error.notSummary", name, "no input name");
        }
        return new SummaryInput(in, text(n, "sha256"), n.path("bytes").asLong(-1), n.path("rows").asLong(-1));
    }

    static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : arr) {
            out.add(v.asText());
        }
        return out;
    }

    static Map<String, String> stringMap(JsonNode obj) {
        Map<String, String> out = new LinkedHashMap<>();
        obj.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return out;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static long requireLong(JsonNode n, String field, String name) throws ConfigurationException {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber()) {
            throw new ConfigurationException("summary.error.notSummary", name, "\"" + field + "\" is not a whole number");
        }
        return v.asLong();
    }

    static void checkHeader(String name, String format, Integer version) throws ConfigurationException {
        if (!FORMAT.equals(format)) {
            throw new ConfigurationException("summary.error.notSummary", name, "\"format\" is not \"" + FORMAT + "\"");
        }
        if (version == null) {
            throw new ConfigurationException("summary.error.notSummary", name, "no \"schemaVersion\"");
        }
        if (version != SCHEMA_VERSION) {
            throw new ConfigurationException("summary.error.version", name, version, SCHEMA_VERSION);
        }
    }

    static void expect(JsonParser p, JsonToken token, String name) throws IOException, AuditException {
        p.nextToken();
        expectCurrent(p, token, name);
    }

    static void expectCurrent(JsonParser p, JsonToken token, String name) throws AuditException {
        if (p.currentToken() != token) {
            JsonLocation l = p.currentLocation();
            throw new DatasetFormatException(name, l.getLineNr(), l.getColumnNr(), "summary.error.notSummary", name,
                    "expected " + token.asString() + " at line " + l.getLineNr() + ", column " + l.getColumnNr());
        }
    }

    static long[] readLongs(JsonParser p, String name) throws IOException, AuditException {
        expectCurrent(p, JsonToken.START_ARRAY, name);
        long[] out = new long[16];
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_NUMBER_INT) {
                expectCurrent(p, JsonToken.VALUE_NUMBER_INT, name);
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = p.getLongValue();
        }
        return Arrays.copyOf(out, n);
    }

    static double[] readDoubles(JsonParser p, String name) throws IOException, AuditException {
        expectCurrent(p, JsonToken.START_ARRAY, name);
        double[] out = new double[16];
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
                expectCurrent(p, JsonToken.VALUE_NUMBER_FLOAT, name);
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = p.getDoubleValue();
        }
        return Arrays.copyOf(out, n);
    }

    static DatasetFormatException malformed(String name, JsonParseException e) {
        JsonLocation l = e.getLocation();
        long line = l == null ? 0 : l.getLineNr();
        int col = l == null ? 0 : l.getColumnNr();
        return new DatasetFormatException(e, name, line, col, "summary.error.notSummary", name,
                e.getOriginalMessage() + " (line " + line + ", column " + col + ")");
    }
}

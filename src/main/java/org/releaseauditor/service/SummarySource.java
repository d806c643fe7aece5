package org.releaseauditor.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.model.SniffResult;
import org.releaseauditor.core.summary.SummaryInput;
import org.releaseauditor.core.summary.Unavailable;
import org.releaseauditor.io.summary.SummaryJson;

/**
 * Where a result computed from a lane summary came from, and what it could not give: the
 * {@code "source"} and {@code "notAvailable"} members of the result JSON of the microdata and
 * trajectories lanes when their input is a summary (role {@code summary}). Front ends read them
 * from a {@link LaneResult} with {@link #of}, and ask {@link #lane(Path)} which lane a summary file
 * is for.
 *
 * @param path         the summary file as read
 * @param producer     who made the summary: {@code in-process} or {@code spark}
 * @param input        what the summary was made from (name and fingerprint, never contents)
 * @param notAvailable the measures the summary cannot give, each with the reason
 */
public record SummarySource(String path, String producer, SummaryInput input, List<NotAvailable> notAvailable) {

    /** Input role of a summary file (microdata and trajectories lanes). */
    public static final String ROLE = "summary";

    private static final ObjectMapper JSON = new ObjectMapper();

    public SummarySource {
        notAvailable = List.copyOf(notAvailable);
    }

    /**
     * A measure a summary cannot give.
     *
     * @param measure   its id in the result JSON ({@code suda}, {@code riskiestClasses},
     *                  {@code individualRisk.household}, {@code attacks}, …)
     * @param reasonKey message key of the reason
     */
    public record NotAvailable(String measure, String reasonKey) {

        /** The reason in the current language. */
        public String reason() {
            return Messages.has(reasonKey) ? Messages.get(reasonKey) : reasonKey;
        }
    }

    /** Whether a measure (or the measure containing it) is not available. */
    public boolean unavailable(String measure) {
        for (NotAvailable n : notAvailable) {
            if (measure.equals(n.measure()) || measure.startsWith(n.measure() + ".")) {
                return true;
            }
        }
        return false;
    }

    /** The entry of a measure, if it is not available. */
    public Optional<NotAvailable> find(String measure) {
        return notAvailable.stream().filter(n -> measure.equals(n.measure())).findFirst();
    }

    /** The lane a summary file is for ({@code microdata} or {@code trajectories}), after checking its format. */
    public static String lane(Path file) throws AuditException {
        return SummaryJson.lane(file);
    }

    /**
     * The header of a summary file made for {@code lane}; a usage error ({@code summary.error.lane})
     * when the file is a summary of another lane.
     */
    public static SummaryJson.Header header(Path file, String lane) throws AuditException {
        SummaryJson.Header h = SummaryJson.header(file);
        if (!lane.equals(h.lane())) {
            throw new ConfigurationException("summary.error.lane", file.toString(), h.lane(), lane);
        }
        return h;
    }

    /** The summary source of a result, or empty when the result was computed from the data. */
    public static Optional<SummarySource> of(LaneResult<?, ?> result) {
        if (result == null || result.inputs().get(ROLE).isEmpty()) {
            return Optional.empty();
        }
        try {
            return of(JSON.readTree(result.json()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Reads {@code source} and {@code notAvailable} of a result JSON tree, if present. */
    public static Optional<SummarySource> of(JsonNode result) {
        JsonNode s = result == null ? null : result.get("source");
        if (s == null || !s.isObject()) {
            return Optional.empty();
        }
        JsonNode in = s.path("input");
        SummaryInput input = new SummaryInput(in.path("name").asText("?"), in.path("sha256").isTextual()
                ? in.get("sha256").asText() : null, in.path("bytes").asLong(-1), in.path("rows").asLong(-1));
        return Optional.of(new SummarySource(s.path("path").asText(""), s.path("producer").asText(""), input,
                notAvailable(result.path("notAvailable"))));
    }

    /** The {@code notAvailable} entries of a result JSON tree (empty when there are none). */
    public static List<NotAvailable> notAvailable(JsonNode array) {
        List<NotAvailable> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode n : array) {
                out.add(new NotAvailable(n.path("measure").asText(), n.path("reasonKey").asText()));
            }
        }
        return out;
    }

    /** Adds {@code source} and {@code notAvailable} to a result JSON tree (the lanes' JSON from a summary). */
    public static void addTo(ObjectNode tree, Path summary, String producer, SummaryInput input,
            List<Unavailable> unavailable) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("path", summary.toString());
        s.put("producer", producer);
        ObjectNode in = s.putObject("input");
        in.put("name", input.name());
        in.put("sha256", input.sha256());
        in.put("bytes", input.bytes());
        in.put("rows", input.rows());
        tree.set("source", s);
        ArrayNode na = tree.putArray("notAvailable");
        for (Unavailable u : unavailable) {
            na.addObject().put("measure", u.measure()).put("reasonKey", u.reasonKey()).put("reason", u.reason());
        }
    }

    /** Lines for the text output: where the numbers come from, and what is not available. */
    public String text() {
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder();
        sb.append(Messages.get("summary.text.source", path, producer, input.name(),
                input.sha256() == null ? "-" : input.sha256(), input.rows())).append(nl);
        for (NotAvailable n : notAvailable) {
            sb.append(Messages.get("summary.text.notAvailable", n.measure(), n.reason())).append(nl);
        }
        return sb.toString();
    }

    /**
     * How a file was read, for the record in a summary, in the Spark job's form: the options in
     * effect after sniffing (delimiter, quote, header, encoding), the missing and suppression
     * tokens and the type overrides; for SQLite the table or query.
     */
    public static Map<String, String> importRecord(DatasetService datasets, Path file, ImportOptions o)
            throws AuditException {
        Map<String, String> m = new LinkedHashMap<>();
        if (datasets.isSqlite(file)) {
            m.put("format", "sqlite");
            if (o.sqliteTable() != null) {
                m.put("sqliteTable", o.sqliteTable());
            }
            if (o.sqliteQuery() != null) {
                m.put("sqliteQuery", o.sqliteQuery());
            }
        } else {
            SniffResult sniff = datasets.sniff(file, o);
            m.put("delimiter", sniff.delimiter() == '\t' ? "tab" : String.valueOf(sniff.delimiter()));
            m.put("quote", String.valueOf(sniff.quote()));
            m.put("header", Boolean.toString(sniff.header()));
            m.put("encoding", sniff.charset());
        }
        m.put("missing", tokens(o.missingTokens()));
        m.put("suppressed", tokens(o.suppressionMarkers()));
        o.typeOverrides().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> m.put("type."
                + e.getKey(), e.getValue().name().toLowerCase(java.util.Locale.ROOT)));
        return m;
    }

    /** Tokens joined with commas: the default ones in the Spark job's order (",NA,?,NULL"), then the others sorted. */
    private static String tokens(java.util.Set<String> given) {
        List<String> out = new ArrayList<>();
        for (String d : List.of("", "NA", "?", "NULL", "*")) {
            if (given.contains(d)) {
                out.add(d);
            }
        }
        given.stream().filter(t -> !out.contains(t)).sorted().forEach(out::add);
        return String.join(",", out);
    }
}

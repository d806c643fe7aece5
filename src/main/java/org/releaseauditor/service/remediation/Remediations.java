package org.releaseauditor.service.remediation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.policy.Finding;
import org.releaseauditor.core.policy.PolicyEvaluation;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.RequestJson;

/** Helpers shared by the three remediation services: request headers, copies, JSON pieces. */
public final class Remediations {

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private Remediations() {
    }

    /** A reader of a remediation request object, after checking {@code kind}, {@code lane} and the version. */
    static RequestJson.Reader header(ObjectNode n, String lane) throws ConfigurationException {
        RequestJson.Reader r = new RequestJson.Reader(n, "remediation");
        String kind = r.string("kind");
        if (kind != null && !kind.equals(RemediationRequest.KIND)) {
            throw new ConfigurationException("remediation.request.kind", kind);
        }
        String l = r.string("lane");
        if (l != null && !l.equals(lane)) {
            throw new ConfigurationException("request.error.lane", l, lane);
        }
        Integer v = r.integer("remediationVersion");
        if (v != null && v != RemediationRequest.VERSION) {
            throw new ConfigurationException("request.error.version", v, RemediationRequest.VERSION);
        }
        return r;
    }

    /**
     * How the copy is read by the re-audit: the original's settings, adapted to what the writer
     * produces (UTF-8, {@code "} quotes, a header row, an empty field for a missing value and
     * {@code *} for a suppressed one; a text file, not SQLite). A forced type is dropped for the
     * columns whose values the transformation replaced by labels (intervals, date parts).
     *
     * @param delimiter the copy's delimiter (kept detected when the original's was detected)
     * @param relabelled columns whose values were replaced by generalisation labels
     */
    public static ImportOptions copyImportOptions(ImportOptions o, char delimiter, Collection<String> relabelled) {
        if (o.equals(ImportOptions.defaults())) {
            return o;
        }
        Set<String> missing = new LinkedHashSet<>(o.missingTokens());
        missing.add("");
        Set<String> suppressed = new LinkedHashSet<>(o.suppressionMarkers());
        suppressed.add("*");
        missing.remove("*");
        Map<String, ColumnType> types = new LinkedHashMap<>(o.typeOverrides());
        relabelled.forEach(types::remove);
        String encoding = o.encoding() == null ? null : "UTF-8";
        Character quote = o.quote() == null ? null : '"';
        Boolean header = o.header() == null ? null : Boolean.TRUE;
        Character d = o.delimiter() == null ? null : delimiter;
        return new ImportOptions(encoding, d, quote, header, missing, suppressed, types, null, null);
    }

    /** {@code <stem>_remediated.csv} in the working folder. */
    public static Path defaultCopy(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return Path.of(stem + "_remediated.csv").toAbsolutePath().normalize();
    }

    /**
     * Checks that a copy may be written: not over one of the inputs, and into an existing folder
     * that is not a file.
     */
    static void checkOutput(Path out, Collection<DatasetRef> inputs) throws ConfigurationException {
        Path abs = out.toAbsolutePath().normalize();
        for (DatasetRef in : inputs) {
            if (in.path().equals(abs)) {
                throw new ConfigurationException("remediation.error.copyOverInput", abs.toString());
            }
        }
        if (Files.isDirectory(abs)) {
            throw new ConfigurationException("remediation.error.copyIsFolder", abs.toString());
        }
        Path dir = abs.getParent();
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ConfigurationException("remediation.error.copyIsFolder", dir.toString());
        }
    }

    /** The values of some paths of a result tree ({@code k}, {@code prosecutor.highest}, {@code unicity.3}). */
    public static ObjectNode summary(JsonNode tree, List<String> paths) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String p : paths) {
            JsonNode n = tree;
            for (String part : p.split("\\.")) {
                n = n == null ? null : n.isArray() && part.matches("\\d+") ? n.get(Integer.parseInt(part))
                        : n.get(part);
            }
            out.set(p, n == null ? JsonNodeFactory.instance.nullNode() : n.deepCopy());
        }
        return out;
    }

    /** {@code {"id", "version", "title", "overall", "findings": [...]}} of an evaluation. */
    public static ObjectNode policy(PolicyEvaluation ev) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("id", ev.profile().id());
        p.put("version", ev.profile().version());
        p.put("title", ev.profile().title());
        p.put("overall", ev.overall().name());
        p.set("findings", findings(ev.findings()));
        return p;
    }

    /** Findings as JSON: metric, operator, threshold, measured, status, explanation. */
    public static ArrayNode findings(List<Finding> findings) {
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        for (Finding f : findings) {
            ObjectNode o = arr.addObject();
            o.put("metric", f.metricKey() == null ? f.rule().metric() : f.metricKey());
            o.put("operator", f.rule().operator().symbol());
            o.put("threshold", f.threshold());
            if (f.measured() == null || f.measured().isNaN() || f.measured().isInfinite()) {
                o.putNull("measured");
            } else {
                o.put("measured", f.measured());
            }
            o.put("status", f.status().name());
            o.put("explanation", f.explanation());
        }
        return arr;
    }

    /** A new temporary file for a preview copy ({@code <stem>_preview….csv} in a folder of its own). */
    static Path tempCopy(String inputName) throws org.releaseauditor.core.error.DatasetFormatException {
        try {
            Path dir = Files.createTempDirectory("release-auditor-whatif");
            String name = inputName.lastIndexOf('.') > 0 ? inputName.substring(0, inputName.lastIndexOf('.'))
                    : inputName;
            return dir.resolve(name + "_preview.csv");
        } catch (java.io.IOException e) {
            throw new org.releaseauditor.core.error.DatasetFormatException(e, System.getProperty("java.io.tmpdir"), 0,
                    0, "remediation.write.failed", System.getProperty("java.io.tmpdir"), String.valueOf(e.getMessage()));
        }
    }

    /** Deletes a preview copy and its folder (quietly: a left-over temporary file is not an error). */
    static void deleteTemp(Path file) {
        try {
            Files.deleteIfExists(file);
            if (file.getParent() != null) {
                Files.deleteIfExists(file.getParent());
            }
        } catch (java.io.IOException e) {
            // left in the temporary folder; nothing else to do
        }
    }

    /** Parses a result JSON document (one the lanes wrote). */
    public static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a lane wrote invalid JSON", e);
        }
    }

    /** Pretty-printed text of a tree, with a final line break. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("JSON serialisation of a tree cannot fail", e);
        }
    }

    /** {@code {"path", "sha256", "sizeBytes"}} of a file. */
    public static ObjectNode ref(DatasetRef ref) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("path", ref.path().toString());
        o.put("sha256", ref.sha256());
        o.put("sizeBytes", ref.sizeBytes());
        return o;
    }
}

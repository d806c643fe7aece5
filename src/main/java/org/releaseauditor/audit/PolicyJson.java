package org.releaseauditor.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.releaseauditor.core.error.PolicyException;
import org.releaseauditor.core.policy.Operator;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.policy.PolicyRule;
import org.releaseauditor.core.policy.Severity;

/**
 * Reads and writes policy profiles as JSON ({@code schemaVersion 1}). Errors name the file and
 * the JSON path, e.g. {@code $.rules[2].operator: expected one of <, <=, >, >=, ==}.
 */
public final class PolicyJson {

    /** Ids of the built-in profiles, stored as {@code /org/releaseauditor/policy/<id>.json}. */
    public static final List<String> BUILT_IN_IDS = List.of("arx-defaults", "public-release-clinical",
            "min-group-5", "min-cell-10", "trajectory-unicity-10", "evaluation-residual-risk", "acro-defaults");

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PolicyJson() {
    }

    /** Whether {@code id} names a built-in profile. */
    public static boolean isBuiltIn(String id) {
        return BUILT_IN_IDS.contains(id);
    }

    /** Loads a built-in profile. */
    public static PolicyProfile builtIn(String id) throws PolicyException {
        String res = "/org/releaseauditor/policy/" + id + ".json";
        try (InputStream in = PolicyJson.class.getResourceAsStream(res)) {
            if (in == null || !isBuiltIn(id)) {
                throw new PolicyException("policy.error.unknown", id, String.join(", ", BUILT_IN_IDS));
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "builtin:" + id);
        } catch (IOException e) {
            throw new PolicyException(e, "policy.error.unreadable", res, String.valueOf(e.getMessage()));
        }
    }

    /** Loads a profile file. */
    public static PolicyProfile read(Path file) throws PolicyException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new PolicyException(e, "policy.error.notFound", file.toString());
        } catch (IOException e) {
            throw new PolicyException(e, "policy.error.unreadable", file.toString(), String.valueOf(e.getMessage()));
        }
    }

    /** Parses a profile; {@code source} names the file in error messages. */
    public static PolicyProfile parse(String json, String source) throws PolicyException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            long col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new PolicyException(e, "policy.error.syntax", source, line, col, e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw field(source, "$", "a JSON object", root);
        }
        int schema = root.path("schemaVersion").asInt(1);
        if (schema != 1) {
            throw new PolicyException("policy.error.schemaVersion", source, schema);
        }
        String id = text(root, "id", "$.id", source, true);
        if (!id.matches("[A-Za-z0-9._-]+")) {
            throw field(source, "$.id", "letters, digits, '.', '_' or '-'", root.get("id"));
        }
        String version = text(root, "version", "$.version", source, true);
        String title = text(root, "title", "$.title", source, false);
        String description = text(root, "description", "$.description", source, false);
        String src = text(root, "source", "$.source", source, false);
        JsonNode rulesNode = root.get("rules");
        if (rulesNode == null || !rulesNode.isArray() || rulesNode.isEmpty()) {
            throw field(source, "$.rules", "a non-empty array of rules", rulesNode);
        }
        List<PolicyRule> rules = new ArrayList<>();
        for (int i = 0; i < rulesNode.size(); i++) {
            JsonNode r = rulesNode.get(i);
            String p = "$.rules[" + i + "]";
            if (!r.isObject()) {
                throw field(source, p, "an object with metric, operator, threshold, severity", r);
            }
            String metric = text(r, "metric", p + ".metric", source, true);
            if (metric.isBlank() || metric.startsWith(".") || metric.endsWith(".") || metric.contains("..")) {
                throw field(source, p + ".metric", "a dotted metric path such as prosecutor.highest", r.get("metric"));
            }
            String opText = text(r, "operator", p + ".operator", source, true);
            Operator op = Operator.ofSymbol(opText).orElseThrow(
                    () -> field(source, p + ".operator", "one of " + Operator.symbols(), r.get("operator")));
            JsonNode th = r.get("threshold");
            if (th == null || !th.isNumber() || !Double.isFinite(th.asDouble())) {
                throw field(source, p + ".threshold", "a number", th);
            }
            String sevText = r.has("severity") ? text(r, "severity", p + ".severity", source, true) : "FAIL";
            Severity sev;
            try {
                sev = Severity.valueOf(sevText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw field(source, p + ".severity", "FAIL or WARN", r.get("severity"));
            }
            String expl = text(r, "explanation", p + ".explanation", source, false);
            PolicyRule.IfNotMeasured missing = PolicyRule.IfNotMeasured.WARN;
            if (r.has("ifNotMeasured")) {
                missing = PolicyRule.IfNotMeasured.parse(text(r, "ifNotMeasured", p + ".ifNotMeasured", source, true));
                if (missing == null) {
                    throw field(source, p + ".ifNotMeasured", "warn, fail or not-applicable", r.get("ifNotMeasured"));
                }
            }
            rules.add(new PolicyRule(metric, op, th.asDouble(), sev, expl, missing));
        }
        JsonNode review = root.get("requireSecondReviewer");
        if (review != null && !review.isNull() && !review.isBoolean()) {
            throw field(source, "$.requireSecondReviewer", "true or false", review);
        }
        return new PolicyProfile(id, version, title.isEmpty() ? id : title, description, src, rules,
                review != null && review.asBoolean(false));
    }

    private static String text(JsonNode obj, String name, String path, String source, boolean required)
            throws PolicyException {
        JsonNode n = obj.get(name);
        if (n == null || n.isNull()) {
            if (required) {
                throw field(source, path, "a string", null);
            }
            return "";
        }
        if (!n.isTextual()) {
            throw field(source, path, "a string", n);
        }
        return n.asText();
    }

    private static PolicyException field(String source, String path, String expected, JsonNode found) {
        String f = found == null ? "nothing" : found.toString();
        if (f.length() > 60) {
            f = f.substring(0, 57) + "...";
        }
        return new PolicyException("policy.error.field", source, path, expected, f);
    }

    /** Writes a profile as JSON (the exact copy stored with findings and decisions). */
    public static String write(PolicyProfile p) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", 1);
        root.put("id", p.id());
        root.put("version", p.version());
        root.put("title", p.title());
        root.put("description", p.description());
        root.put("source", p.source());
        if (p.requireSecondReviewer()) {
            root.put("requireSecondReviewer", true);
        }
        ArrayNode rules = root.putArray("rules");
        for (PolicyRule r : p.rules()) {
            ObjectNode o = rules.addObject();
            o.put("metric", r.metric());
            o.put("operator", r.operator().symbol());
            o.put("threshold", r.threshold());
            o.put("severity", r.severity().name());
            o.put("explanation", r.explanation());
            if (r.ifNotMeasured() != PolicyRule.IfNotMeasured.WARN) {
                o.put("ifNotMeasured", r.ifNotMeasured().spelling());
            }
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write policy JSON", e);
        }
    }
}

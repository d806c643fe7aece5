package org.releaseauditor.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.releaseauditor.core.error.ConfigurationException;

/**
 * The canonical JSON of lane requests, and a strict reader for it. Canonical means: keys sorted
 * at every level, every field written (defaults and nulls included), no whitespace, numbers as
 * Java prints their type ({@code 0.2}, {@code 10.0}, {@code 100000}). Two equal requests give
 * the same bytes, so a case can store them and a rerun can compare them.
 */
public final class RequestJson {

    /** Version of the request JSON; written as {@code requestVersion}. */
    public static final int VERSION = 1;

    static final ObjectMapper MAPPER = new ObjectMapper();

    private RequestJson() {
    }

    /** A new request object with {@code lane} and {@code requestVersion}. */
    public static ObjectNode root(String lane) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("lane", lane);
        n.put("requestVersion", VERSION);
        return n;
    }

    /** The canonical text of a JSON tree. */
    public static String canonical(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(sorted(n));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON serialisation of a tree cannot fail", e);
        }
    }

    /** A copy with object keys sorted at every level. */
    public static JsonNode sorted(JsonNode n) {
        if (n == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (n.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            n.fields().forEachRemaining(e -> fields.put(e.getKey(), sorted(e.getValue())));
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            fields.forEach(o::set);
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            n.forEach(e -> a.add(sorted(e)));
            return a;
        }
        return n;
    }

    /** Parses a JSON object; anything else is a usage error naming {@code what}. */
    public static ObjectNode parseObject(String json, String what) throws ConfigurationException {
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n == null || !n.isObject()) {
                throw new ConfigurationException("request.error.notObject", what);
            }
            return (ObjectNode) n;
        } catch (JsonProcessingException e) {
            throw new ConfigurationException("request.error.json", what, e.getOriginalMessage());
        }
    }

    /**
     * Reads the fields of one request object. Every getter marks its field as known; {@link #finish}
     * rejects the fields nobody asked for (a misspelt field must not be ignored silently). A field
     * that is absent or null yields null, so the builder keeps its default.
     */
    public static final class Reader {
        private final ObjectNode node;
        private final String where;
        private final Set<String> known = new LinkedHashSet<>();

        /** @param where the lane (or lane and object, such as {@code aggregates.tables[0]}) for messages */
        public Reader(ObjectNode node, String where) {
            this.node = node;
            this.where = where;
        }

        private JsonNode field(String name) {
            known.add(name);
            JsonNode v = node.get(name);
            return v == null || v.isNull() ? null : v;
        }

        private ConfigurationException type(String name, String expected) {
            return new ConfigurationException("request.error.type", where, name, expected,
                    String.valueOf(node.get(name)));
        }

        public boolean has(String name) {
            known.add(name);
            JsonNode v = node.get(name);
            return v != null && !v.isNull();
        }

        public String string(String name) throws ConfigurationException {
            JsonNode v = field(name);
            if (v == null) {
                return null;
            }
            if (!v.isTextual()) {
                throw type(name, "a string");
            }
            return v.asText();
        }

        public Double number(String name) throws ConfigurationException {
            JsonNode v = field(name);
            if (v == null) {
                return null;
            }
            if (!v.isNumber()) {
                throw type(name, "a number");
            }
            return v.asDouble();
        }

        public Integer integer(String name) throws ConfigurationException {
            JsonNode v = field(name);
            if (v == null) {
                return null;
            }
            if (!v.isNumber() || v.asDouble() != Math.rint(v.asDouble()) || !v.canConvertToInt()) {
                throw type(name, "a whole number");
            }
            return v.asInt();
        }

        public Long whole(String name) throws ConfigurationException {
            JsonNode v = field(name);
            if (v == null) {
                return null;
            }
            if (!v.isNumber() || v.asDouble() != Math.rint(v.asDouble()) || !v.canConvertToLong()) {
                throw type(name, "a whole number");
            }
            return v.asLong();
        }

        public Boolean bool(String name) throws ConfigurationException {
            JsonNode v = field(name);
            if (v == null) {
                return null;
            }
            if (!v.isBoolean()) {
                throw type(name, "true or false");
            }
            return v.asBoolean();
        }

        public List<String> strings(String name) throws ConfigurationException {
            JsonNode v = field(name);
            if (v == null) {
                return null;
            }
            if (!v.isArray()) {
                throw type(name, "an array of strings");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode e : v) {
                if (!e.isTextual()) {
                    throw type(name, "an array of strings");
                }
                out.add(e.asText());
            }
            return out;
        }

        public ObjectNode object(String name) throws ConfigurationException {
            JsonNode v = field(name);
            if (v == null) {
                return null;
            }
            if (!v.isObject()) {
                throw type(name, "an object");
            }
            return (ObjectNode) v;
        }

        /** The elements of an array of objects (null when absent). */
        public List<ObjectNode> objects(String name) throws ConfigurationException {
            JsonNode v = field(name);
            if (v == null) {
                return null;
            }
            if (!v.isArray()) {
                throw type(name, "an array of objects");
            }
            List<ObjectNode> out = new ArrayList<>();
            for (JsonNode e : v) {
                if (!e.isObject()) {
                    throw type(name, "an array of objects");
                }
                out.add((ObjectNode) e);
            }
            return out;
        }

        /** Checks {@code lane} and {@code requestVersion} (both optional in hand-written files). */
        public Reader header(String lane) throws ConfigurationException {
            String l = string("lane");
            if (l != null && !l.equals(lane)) {
                throw new ConfigurationException("request.error.lane", l, lane);
            }
            Integer v = integer("requestVersion");
            if (v != null && v != VERSION) {
                throw new ConfigurationException("request.error.version", v, VERSION);
            }
            return this;
        }

        /** Rejects fields that no getter asked for. */
        public void finish() throws ConfigurationException {
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!known.contains(f)) {
                    List<String> fields = List.copyOf(new java.util.TreeSet<>(known));
                    String near = org.releaseauditor.core.model.ColumnLookup.suggest(f, fields);
                    // the suggestion comes before the list, which a long request may cut at 200 characters
                    throw near == null
                            ? new ConfigurationException("request.error.unknownField", f, where, String.join(", ", fields))
                            : new ConfigurationException("request.error.unknownFieldSuggest", f, where, near,
                                    String.join(", ", fields));
                }
            }
        }
    }
}

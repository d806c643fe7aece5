package org.releaseauditor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.releaseauditor.core.catalogue.MetricCatalogue;
import org.releaseauditor.core.catalogue.MetricEntry;
import org.releaseauditor.core.catalogue.MetricFormat;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.Operator;
import org.releaseauditor.core.verdict.VerdictSentences;

/**
 * Stored JSON written for people: an attacker model as one sentence, a policy as its title and a
 * table of rules in words. The report never prints these as JSON.
 */
final class Sentences {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Sentences() {
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return n == null ? JSON.createObjectNode() : n;
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** "Prosecutor attacker who knows age, gender, postcode_area. A marketing partner who …" */
    static String attacker(String modelJson, Locale locale) {
        JsonNode n = parse(modelJson);
        if (!n.isObject()) {
            return modelJson;
        }
        List<String> known = new ArrayList<>();
        n.path("known").forEach(k -> known.add(k.asText()));
        String model = n.path("model").asText("");
        StringBuilder b = new StringBuilder();
        if (!model.isEmpty()) {
            b.append(Messages.get(locale, known.isEmpty() ? "vpage.attacker.model" : "vpage.attacker.modelKnows",
                    model, String.join(", ", known)));
        }
        if (b.length() > 0) {
            b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
        }
        String d = n.path("description").asText("");
        if (!d.isEmpty()) {
            b.append(b.length() > 0 ? " " : "").append(d);
        }
        n.fields().forEachRemaining(e -> {
            if (!List.of("model", "known", "description").contains(e.getKey())) {
                b.append(b.length() > 0 ? " " : "").append(e.getKey()).append(": ")
                        .append(e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()).append('.');
            }
        });
        return b.toString();
    }

    /** A dataset's schema as its column list ("date, hour, area …; derived: …"), never JSON. */
    static String schema(String schemaJson) {
        JsonNode n = parse(schemaJson);
        if (!n.isObject()) {
            return schemaJson;
        }
        List<String> cols = new ArrayList<>();
        for (JsonNode c : n.path("columns")) {
            cols.add(c.isObject() ? c.path("name").asText(c.toString()) : c.asText());
        }
        StringBuilder b = new StringBuilder(String.join(", ", cols));
        n.fields().forEachRemaining(e -> {
            if (!"columns".equals(e.getKey()) && e.getValue().isValueNode()) {
                b.append(b.length() > 0 ? "; " : "").append(e.getKey()).append(": ").append(e.getValue().asText());
            }
        });
        return b.toString();
    }

    /** "Title (id, version v)" of a stored policy copy. */
    static String policyTitle(String policyJson) {
        JsonNode n = parse(policyJson);
        String title = n.path("title").asText("");
        String id = n.path("id").asText("");
        String v = n.path("version").asText("");
        return (title.isEmpty() ? id : title + " (" + id + ", " + v + ")").strip();
    }

    /** The rules of a stored policy copy: metric label, requirement in words, severity, why. */
    static List<List<String>> policyRules(String policyJson, Locale locale) {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode r : parse(policyJson).path("rules")) {
            String metric = r.path("metric").asText("");
            String scope = scopeOfMetric(metric);
            MetricEntry e = MetricCatalogue.standard().describe(scope, metric, locale);
            Operator op = Operator.ofSymbol(r.path("operator").asText("")).orElse(null);
            String threshold = MetricFormat.format(r.path("threshold").asDouble(), e.unit(), locale);
            String req = op == null ? r.path("operator").asText("") + " " + threshold
                    : VerdictSentences.requirement(op, threshold, locale);
            String why = r.path("explanation").asText("");
            if (!why.isEmpty() && Messages.has(why)) {
                why = Messages.get(locale, why);
            }
            out.add(List.of(e.known() ? e.label() + " (" + metric + ")" : metric, req,
                    Messages.get(locale, "verdict.status." + r.path("severity").asText("FAIL")), why));
        }
        return out;
    }

    /** The catalogue scope a policy's metric most likely belongs to (the first scope that knows it). */
    private static String scopeOfMetric(String metric) {
        for (String scope : List.of("microdata", "aggregates", "trajectories", "evaluation")) {
            if (MetricCatalogue.standard().find(scope, metric, Locale.ENGLISH).isPresent()) {
                return scope;
            }
        }
        return MetricCatalogue.COMMON;
    }
}

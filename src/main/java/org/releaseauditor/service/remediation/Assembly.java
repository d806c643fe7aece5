package org.releaseauditor.service.remediation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.Finding;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.remediation.RemediationCondition;
import org.releaseauditor.core.remediation.Transformation;
import org.releaseauditor.io.RemediationJson;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.RequestJson;

/** The parts of the remediation result document and text that every lane shares. */
final class Assembly {

    private Assembly() {
    }

    /** {@code request}, {@code policy}, {@code inputs} and {@code before}. */
    static void common(ObjectNode root, RemediationRequest r, PolicyProfile policy, LaneInputs inputs,
            Reaudit<?, ?> before, List<String> summary) {
        root.put("schemaVersion", 1);
        root.put("kind", RemediationRequest.KIND);
        root.put("lane", r.lane());
        root.set("request", RequestJson.sorted(r.toJsonTree()));
        ObjectNode p = root.putObject("policy");
        p.put("id", policy.id());
        p.put("version", policy.version());
        p.put("title", policy.title());
        root.set("inputs", inputs.toJson());
        root.set("before", audit(before, summary));
    }

    /** {@code transformation}, {@code copy}, {@code copies}, {@code condition}, {@code conditions}, {@code after}, {@code passed}. */
    static void outcome(ObjectNode root, Transformation t, Map<String, DatasetRef> copies,
            List<RemediationCondition> conditions, Reaudit<?, ?> after, List<String> summary) {
        if (t == null) {
            root.putNull("transformation");
        } else {
            root.set("transformation", RemediationJson.transformation(t));
        }
        ObjectNode all = root.putObject("copies");
        copies.forEach((role, ref) -> all.set(role, Remediations.ref(ref)));
        if (copies.isEmpty()) {
            root.putNull("copy");
        } else {
            root.set("copy", Remediations.ref(copies.values().iterator().next()));
        }
        if (conditions.isEmpty()) {
            root.putNull("condition");
        } else {
            root.set("condition", RemediationJson.condition(conditions.get(0)));
        }
        var arr = root.putArray("conditions");
        conditions.forEach(c -> arr.add(RemediationJson.condition(c)));
        if (after == null) {
            root.putNull("after");
        } else {
            root.set("after", audit(after, summary));
        }
        root.put("passed", after != null && after.passed());
    }

    /** {@code {"summary", "policy", "inputs"}} of one audit. */
    static ObjectNode audit(Reaudit<?, ?> a, List<String> summary) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("summary", Remediations.summary(Remediations.tree(a.result().json()), summary));
        o.set("policy", Remediations.policy(a.policy()));
        o.set("inputs", a.result().inputs().toJson());
        return o;
    }

    /** "Before …: FAIL" and one line per finding. */
    static void textAudit(StringBuilder sb, String key, Reaudit<?, ?> a) {
        String files = String.join(", ", a.result().inputs().roles().values().stream().map(DatasetRef::fileName)
                .distinct().toList());
        sb.append(Messages.get(key, files, a.policy().overall().name())).append('\n');
        for (Finding f : a.policy().findings()) {
            sb.append(String.format(Locale.ROOT, "  [%s] %s %s %s: %s%n", f.status().name(),
                    f.metricKey() == null ? f.rule().metric() : f.metricKey(), f.rule().operator().symbol(),
                    num(f.threshold()), Messages.get("remediation.text.measured", f.measured() == null ? "n/a"
                            : num(f.measured()))));
        }
    }

    /** One line per copy: its path and SHA-256. */
    static void textCopies(StringBuilder sb, Map<String, DatasetRef> copies) {
        for (DatasetRef ref : copies.values()) {
            sb.append(Messages.get("remediation.text.copy", ref.path(), ref.sha256(), ref.sizeBytes())).append('\n');
        }
    }

    static String num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return String.format(Locale.ROOT, "%.6g", d).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
